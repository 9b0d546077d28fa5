/**
 * Feeds, sitemap, robots.txt and page metadata of a built site, read back
 * with real parsers: feedsmith for Atom and JSON Feed, libxml2 (xmllint, as
 * WebAssembly) for XML well-formedness, the sitemap schema and Atom's
 * RELAX NG grammar (`fixtures/atom/atom.rng`, after RFC 4287).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { parseAtomFeed, parseJsonFeed } from 'feedsmith';
import type { Element, Root } from 'hast';
import { select, selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { validateXML } from 'xmllint-wasm';
import { buildArchive } from '../src/archive/buildArchive.ts';
import { pagesOf } from '../src/archive/pages.ts';
import { loadBuildContent } from '../src/buildContent.ts';
import { renderInMemory } from '../src/render/renderSite.ts';
import { article, fixture, writeTree } from './helpers.ts';
import { siteInMemory, urlOf, type SiteInMemory } from './support/siteInMemory.ts';

const baseUrl = 'https://news.example.org/archive';
/** Everything a feed must escape, and an emoji; the control character cannot appear in XML and is dropped. */
const nastyTitle = `Q&A: <b>“Quotes”</b> & 'apostrophes' "too" ]]> 🎉`;

function content(): Record<string, string> {
  return {
    'content/site.yaml': [
      'title: Feed & Test <Archive>',
      'description: Stories for the feed tests.',
      'feedSize: 3',
      'sources:',
      '  https://feeds.example.com/world: Example World',
    ].join('\n'),
    'content/2026/01/nasty.md': article(
      {
        title: JSON.stringify(`${nastyTitle}\u0001`),
        date: '2026-01-05T10:00:00+02:00',
        updated: '2026-01-08T09:30:00Z',
        description: JSON.stringify('A dek with </script><script>alert(1)</script> & more'),
        author: '[Jane Doe, "O\'Brien & Sons"]',
        tags: '[Kyiv, Q&A]',
        link: 'https://news.example.com/a?x=1&y=2',
        source: 'https://feeds.example.com/world',
        image: 'https://news.example.com/photo.jpg',
      },
      '<p>Body with <a href="#note">a note</a> &amp; an ampersand.</p><p id="note">The note.</p>',
    ),
    ...Object.fromEntries(
      [1, 2, 3, 4].map((day) => [
        `content/2026/01/day-${day}.md`,
        article(
          { title: `Day ${day}`, date: `2026-01-0${day}T12:00:00Z`, tags: day % 2 ? '[Kyiv]' : '[Other]', source: 'https://feeds.example.com/world' },
          `<p>Story of day ${day}.</p>`,
        ),
      ]),
    ),
    'content/2026/01/elsewhere.md': article({ title: 'Elsewhere', date: '2026-01-03T00:00:00Z', link: 'https://other.example.net/x' }),
  };
}

const read = (site: SiteInMemory, file: string): string => site.file(file);
const parseHtml = (html: string): Root => unified().use(rehypeParse).parse(html);

async function assertWellFormedXml(xml: string, name: string): Promise<void> {
  const result = await validateXML({ xml: { fileName: 'document.xml', contents: xml }, normalization: 'format' });
  assert.deepEqual(
    result.errors.map((error) => error.rawMessage),
    [],
    `${name} is well-formed XML`,
  );
}

async function assertValidSitemap(xml: string, schema: 'sitemap.xsd' | 'siteindex.xsd'): Promise<void> {
  const result = await validateXML({
    xml: { fileName: 'sitemap.xml', contents: xml },
    schema: { fileName: schema, contents: readFileSync(fixture(`sitemap/${schema}`), 'utf8') },
  });
  assert.deepEqual(
    result.errors.map((error) => error.rawMessage),
    [],
    `valid against ${schema}`,
  );
  assert.ok(result.valid);
}

/** RFC 4287's structure (`fixtures/atom/atom.rng`), as libxml2's RELAX NG validator reads it: the messages, none when valid. */
async function atomErrors(xml: string): Promise<string[]> {
  const result = await validateXML({
    xml: { fileName: 'feed.xml', contents: xml },
    schema: { fileName: 'atom.rng', contents: readFileSync(fixture('atom/atom.rng'), 'utf8') },
    extension: 'relaxng',
  });
  return result.valid ? [] : result.errors.map((error) => error.rawMessage);
}

async function assertValidAtom(xml: string, name: string): Promise<void> {
  assert.deepEqual(await atomErrors(xml), [], `${name} is valid Atom`);
}

type AtomFeed = ReturnType<typeof parseAtomFeed<string>>;

/** An Atom text construct's text, however the parser shapes it. */
const textOf = (construct: string | { value?: string } | undefined): string | undefined => (typeof construct === 'string' ? construct : construct?.value);

/** RFC 4287's required elements: id, title and updated on the feed and on every entry; an author on the feed or on every entry. */
function assertAtomRequirements(feed: AtomFeed, name: string): void {
  assert.ok(feed.id, `${name}: feed id`);
  assert.ok(feed.title, `${name}: feed title`);
  assert.ok(feed.updated, `${name}: feed updated`);
  const feedHasAuthor = (feed.authors ?? []).length > 0;
  for (const entry of feed.entries ?? []) {
    assert.ok(entry.id && /^https?:\/\//.test(entry.id), `${name}: entry id is an absolute IRI`);
    assert.ok(entry.title, `${name}: entry title`);
    assert.ok(entry.updated, `${name}: entry updated`);
    assert.ok(feedHasAuthor || (entry.authors ?? []).length > 0, `${name}: entry author`);
    assert.ok(
      (entry.links ?? []).some((link) => (link.rel ?? 'alternate') === 'alternate'),
      `${name}: entry alternate link`,
    );
  }
}

const rfc3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;

describe('feeds', async () => {
  const site = await siteInMemory(content(), { baseUrl: `${baseUrl}/` });

  test('the site has them when it has a base URL', () => {
    for (const file of ['feed.xml', 'feed.json', 'tags/kyiv/feed.xml', 'tags/other/feed.xml', 'sources/example-world/feed.xml', 'sitemap.xml', 'robots.txt']) {
      assert.ok(site.has(file), `${file} exists`);
    }
  });

  test('the Atom feed parses, has RFC 4287’s required elements, and lists the newest articles first', async () => {
    const xml = read(site, 'feed.xml');
    await assertWellFormedXml(xml, 'feed.xml');
    await assertValidAtom(xml, 'feed.xml');
    const feed = parseAtomFeed(xml);
    assertAtomRequirements(feed, 'feed.xml');
    assert.equal(textOf(feed.title), 'Feed & Test <Archive>');
    assert.equal(feed.id, `${baseUrl}/feed.xml`);
    assert.deepEqual(
      feed.links?.map((link) => [link.rel, link.href]),
      [
        ['self', `${baseUrl}/feed.xml`],
        ['alternate', `${baseUrl}/`],
        // The whole history, fewer articles than one archive document holds (RFC 5005).
        ['prev-archive', `${baseUrl}/feeds/archive/1.xml`],
      ],
    );
    // feedSize: 3, newest first by publication date.
    assert.deepEqual(
      feed.entries?.map((entry) => textOf(entry.title)),
      [nastyTitle, 'Day 4', 'Day 3'],
    );
  });

  test('an entry carries title, link, permanent id, dates in RFC 3339, authors, categories, summary and the sanitized body', () => {
    const entry = parseAtomFeed(read(site, 'feed.xml')).entries?.[0];
    const url = `${baseUrl}/2026/01/05/nasty/`;
    assert.ok(entry);
    assert.equal(textOf(entry.title), nastyTitle, 'markup characters, quotes and emoji survive, as text');
    assert.equal(entry.id, url);
    assert.deepEqual(
      entry.links?.map((link) => [link.rel, link.href]),
      [
        ['alternate', url],
        ['related', 'https://news.example.com/a?x=1&y=2'],
      ],
    );
    assert.match(entry.published ?? '', rfc3339);
    assert.equal(Date.parse(entry.published ?? ''), Date.parse('2026-01-05T08:00:00Z'));
    assert.equal(Date.parse(entry.updated ?? ''), Date.parse('2026-01-08T09:30:00Z'));
    assert.deepEqual(
      entry.authors?.map((author) => author.name),
      ['Jane Doe', "O'Brien & Sons"],
    );
    assert.deepEqual(
      entry.categories?.map((category) => category.term),
      ['Kyiv', 'Q&A'],
    );
    assert.equal(textOf(entry.summary), 'A dek with </script><script>alert(1)</script> & more');
    const body = parseHtml(textOf(entry.content) ?? '');
    assert.equal(toText(select('p', body) ?? body), 'Body with a note & an ampersand.');
    assert.equal(select('a', body)?.properties.href, '#user-content-note', 'in-page links kept (xml:base resolves them)');
    assert.doesNotMatch(textOf(entry.content) ?? '', /<script/);
  });

  test('the feed date is the newest entry’s date, not the build’s', () => {
    const feed: AtomFeed = parseAtomFeed(read(site, 'feed.xml'));
    assert.equal(Date.parse(feed.updated ?? ''), Date.parse('2026-01-08T09:30:00Z'));
  });

  test('the JSON Feed is version 1.1 with its required members', () => {
    const text = read(site, 'feed.json');
    const raw = JSON.parse(text) as { version: string; items: { id: string; content_html?: string; content_text?: string }[] };
    assert.equal(raw.version, 'https://jsonfeed.org/version/1.1');
    for (const item of raw.items) {
      assert.equal(typeof item.id, 'string');
      assert.ok(item.content_html ?? item.content_text, 'an item has content');
    }
    const feed = parseJsonFeed(text);
    assert.equal(feed.title, 'Feed & Test <Archive>');
    assert.equal(feed.feed_url, `${baseUrl}/feed.json`);
    assert.deepEqual(
      feed.items?.map((item) => item.title),
      [nastyTitle, 'Day 4', 'Day 3'],
    );
    const first = feed.items?.[0];
    assert.equal(first?.url, `${baseUrl}/2026/01/05/nasty/`);
    assert.equal(first?.external_url, 'https://news.example.com/a?x=1&y=2');
    assert.deepEqual(first?.tags, ['Kyiv', 'Q&A']);
    assert.deepEqual(
      first?.authors?.map((author) => author.name),
      ['Jane Doe', "O'Brien & Sons"],
    );
    assert.equal(first?.image, 'https://news.example.com/photo.jpg');
  });

  test('a tag’s feed and a source’s feed hold only their own articles', async () => {
    const tag = parseAtomFeed(read(site, 'tags/kyiv/feed.xml'));
    assertAtomRequirements(tag, 'tags/kyiv/feed.xml');
    assert.deepEqual(
      tag.entries?.map((entry) => textOf(entry.title)),
      [nastyTitle, 'Day 3', 'Day 1'],
    );
    const source = read(site, 'sources/example-world/feed.xml');
    await assertWellFormedXml(source, 'sources/example-world/feed.xml');
    await assertValidAtom(source, 'sources/example-world/feed.xml');
    const parsed = parseAtomFeed(source);
    assertAtomRequirements(parsed, 'sources/example-world/feed.xml');
    assert.ok(!parsed.entries?.some((entry) => textOf(entry.title) === 'Elsewhere'));
    assert.equal(parsed.links?.find((link) => link.rel === 'alternate')?.href, `${baseUrl}/sources/example-world/`);
  });

  test('with feedContent: summary, the feeds of tags and sources carry summaries and links, and the site’s own feeds stay full', async () => {
    const files = content();
    files['content/site.yaml'] += '\nfeedContent: summary\n';
    const small = await siteInMemory(files, { baseUrl: `${baseUrl}/` });
    for (const file of ['tags/kyiv/feed.xml', 'sources/example-world/feed.xml']) {
      const xml = read(small, file);
      await assertValidAtom(xml, file);
      const entries = parseAtomFeed(xml).entries ?? [];
      assert.ok(entries.length > 0, file);
      for (const entry of entries) {
        assert.equal(entry.content, undefined, `${file}: no text`);
        assert.ok(textOf(entry.summary), `${file}: a summary`);
        assert.ok(
          entry.links?.some((link) => link.rel === 'alternate' && link.href?.startsWith(baseUrl)),
          `${file}: its link`,
        );
      }
      assert.ok(xml.length < read(site, file).length, `${file} is smaller than in full`);
    }
    assert.equal(read(small, 'feed.xml'), read(site, 'feed.xml'));
    assert.equal(read(small, 'feed.json'), read(site, 'feed.json'));
  });

  test('pages announce their feeds for autodiscovery, with links that reach the files', () => {
    const alternates = (url: string) =>
      selectAll('link[rel=alternate]', parseHtml(read(site, `${url}index.html`))).map((link) => {
        const href = String((link as Element).properties.href);
        const target = new URL(href, `http://site/${url}`).pathname;
        assert.ok(site.has(target), `${href} from ${url} reaches a file`);
        return [String((link as Element).properties.type), target.slice(1)];
      });
    assert.deepEqual(alternates(''), [
      ['application/atom+xml', 'feed.xml'],
      ['application/feed+json', 'feed.json'],
    ]);
    assert.deepEqual(alternates('tags/kyiv/').slice(2), [['application/atom+xml', 'tags/kyiv/feed.xml']]);
    assert.deepEqual(alternates('sources/example-world/').slice(2), [['application/atom+xml', 'sources/example-world/feed.xml']]);
  });

  test('the sitemap is valid and lists every article and index page, with article dates', async () => {
    const xml = read(site, 'sitemap.xml');
    await assertValidSitemap(xml, 'sitemap.xsd');
    const locs = [...xml.matchAll(/<loc>([^<]*)<\/loc>/g)].map((match) => match[1]!.replaceAll('&amp;', '&'));
    const pages = site
      .htmlUrls()
      .filter((url) => url !== '/search/')
      .map((url) => `${baseUrl}${url}`);
    assert.deepEqual([...locs].sort(), pages.sort());
    assert.match(xml, /<loc>https:\/\/news\.example\.org\/archive\/2026\/01\/04\/day-4\/<\/loc><lastmod>2026-01-04T12:00:00\.000Z<\/lastmod>/);
  });

  test('robots.txt points to the sitemap', () => {
    assert.match(read(site, 'robots.txt'), new RegExp(`^Sitemap: ${baseUrl}/sitemap\\.xml$`, 'm'));
  });

  test('two builds of the same content give byte-identical feeds and sitemap', async () => {
    const again = await siteInMemory(content(), { baseUrl: `${baseUrl}/` });
    for (const file of ['feed.xml', 'feed.json', 'tags/kyiv/feed.xml', 'sources/example-world/feed.xml', 'sitemap.xml', 'robots.txt']) {
      assert.equal(read(again, file), read(site, file), file);
    }
  });

  test('article pages carry Open Graph, Twitter card and JSON-LD NewsArticle metadata', () => {
    const html = parseHtml(read(site, '2026/01/05/nasty/index.html'));
    const meta = (key: string) => selectAll(`meta[property="${key}"], meta[name="${key}"]`, html).map((node) => String((node as Element).properties.content));
    assert.deepEqual(meta('og:title'), [nastyTitle]);
    assert.deepEqual(meta('og:type'), ['article']);
    assert.deepEqual(meta('og:url'), [`${baseUrl}/2026/01/05/nasty/`]);
    assert.deepEqual(meta('og:image'), ['https://news.example.com/photo.jpg']);
    assert.deepEqual(meta('article:tag'), ['Kyiv', 'Q&A']);
    assert.deepEqual(meta('twitter:card'), ['summary_large_image']);

    const scripts = selectAll('script[type="application/ld+json"]', html);
    assert.equal(scripts.length, 1);
    const json = (scripts[0]!.children[0] as { value: string }).value;
    assert.doesNotMatch(json, /<\/script/i, 'content cannot close the script element');
    const data = JSON.parse(json) as Record<string, unknown>;
    assert.equal(data['@type'], 'NewsArticle');
    assert.equal(data.headline, nastyTitle);
    assert.equal(data.description, 'A dek with </script><script>alert(1)</script> & more');
    assert.equal(Date.parse(String(data.datePublished)), Date.parse('2026-01-05T08:00:00Z'));
    assert.deepEqual(data.author, [
      { '@type': 'Person', name: 'Jane Doe' },
      { '@type': 'Person', name: "O'Brien & Sons" },
    ]);
    assert.deepEqual(data.publisher, { '@type': 'Organization', name: 'Example World', url: 'https://news.example.com/' });
    assert.deepEqual(data.image, ['https://news.example.com/photo.jpg']);
    assert.equal(data.isBasedOn, 'https://news.example.com/a?x=1&y=2');
    assert.equal(select('script:not([type="application/ld+json"]):not([src])', html), undefined, 'no other inline script');
  });
});

describe('feeds: without a base URL', async () => {
  const site = await siteInMemory(content());

  test('no feed or sitemap is made, and no page links to one', () => {
    for (const file of ['feed.xml', 'feed.json', 'tags/kyiv/feed.xml', 'sitemap.xml']) assert.ok(!site.has(file), file);
    assert.doesNotMatch(read(site, 'index.html'), /rel="alternate"/);
    assert.doesNotMatch(read(site, 'robots.txt'), /Sitemap:/);
  });

  test('the 404 page links from the site root, as hosts serve it at any address', () => {
    const html = parseHtml(read(site, '404.html'));
    const hrefs = selectAll('a[href]', html).map((node) => String((node as Element).properties.href));
    assert.ok(hrefs.includes('/search/'));
    assert.ok(
      hrefs.every((href) => href.startsWith('/') || href.startsWith('#')),
      hrefs.join(' '),
    );
  });
});

describe('sitemap: past the limit of one file', () => {
  test('becomes a valid sitemap index of valid sitemaps that together list every page once', async () => {
    const cwd = writeTree(content());
    const loaded = await loadBuildContent('content', cwd);
    const archive = buildArchive(loaded.articles, { ...loaded.site, baseUrl: `${baseUrl}/` }, { sitemapLimit: 10 });
    const output = await renderInMemory(archive);
    const read = (file: string) => output.get(urlOf(file))!;
    const index = read('sitemap.xml');
    await assertValidSitemap(index, 'siteindex.xsd');
    const parts = [...index.matchAll(/<loc>([^<]*)<\/loc>/g)].map((match) => match[1]!);
    assert.ok(parts.length >= 3, `${parts.length} sitemaps`);
    const listed: string[] = [];
    for (const part of parts) {
      const xml = read(part.slice(baseUrl.length));
      await assertValidSitemap(xml, 'sitemap.xsd');
      const locs = [...xml.matchAll(/<loc>([^<]*)<\/loc>/g)].map((match) => match[1]!);
      assert.ok(locs.length <= 10);
      listed.push(...locs);
    }
    assert.equal(new Set(listed).size, listed.length, 'no page twice');
    assert.equal(
      listed.length,
      pagesOf(archive, 'sitemap')
        .slice(1)
        .reduce((sum, part) => sum + part.entries.length, 0),
    );
    assert.ok(listed.includes(`${baseUrl}/2026/01/04/day-4/`));
  });
});

describe('feeds: the whole history as archive documents (RFC 5005)', async () => {
  const day = (n: number) => new Date(Date.UTC(2025, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);
  const files = (count: number) =>
    Object.fromEntries(
      Array.from({ length: count }, (_, n) => [
        `content/a/item-${n}.md`,
        article({ title: `Item ${n}`, date: day(n), slug: `item-${n}` }, `<p>Item ${n} of the archive.</p>`),
      ]),
    );
  const site = await siteInMemory(files(130), { baseUrl: 'https://news.example.org/' });
  const links = (xml: string) =>
    [...xml.matchAll(/<link rel="(prev-archive|next-archive|current)" type="application\/atom\+xml" href="([^"]+)"\/>/g)].map((m) => `${m[1]} ${m[2]}`);

  test('the current feed leads back to the newest archive document, and each to its neighbours: a reader can fetch everything', () => {
    const base = 'https://news.example.org';
    assert.deepEqual(links(site.file('/feed.xml')), [`prev-archive ${base}/feeds/archive/2.xml`]);
    assert.deepEqual(links(site.file('/feeds/archive/2.xml')), [`current ${base}/feed.xml`, `prev-archive ${base}/feeds/archive/1.xml`]);
    assert.deepEqual(links(site.file('/feeds/archive/1.xml')), [`current ${base}/feed.xml`, `next-archive ${base}/feeds/archive/2.xml`]);
    const first = parseAtomFeed(site.file('/feeds/archive/1.xml'));
    const second = parseAtomFeed(site.file('/feeds/archive/2.xml'));
    // Numbered from the oldest: the first holds the hundred oldest items, the second the rest.
    assert.equal(first.entries?.length, 100);
    assert.equal(second.entries?.length, 30);
    const titleOf = (title: unknown): string => (typeof title === 'string' ? title : String((title as { value?: string }).value));
    const titles = [...(first.entries ?? []), ...(second.entries ?? [])].map((entry) => titleOf(entry.title));
    assert.deepEqual(new Set(titles).size, 130);
    assert.ok(titles.includes('Item 0') && titles.includes('Item 129'));
    assert.match(site.file('/feeds/archive/1.xml'), /<fh:archive\/>/);
  });

  test('every archive document is valid Atom, and the grammar refuses what Atom does not allow', async () => {
    for (const file of ['/feed.xml', '/feeds/archive/1.xml', '/feeds/archive/2.xml']) await assertValidAtom(site.file(file), file);
    // The check can fail: a feed without its id, with a date that is no date, or with an element Atom does not have.
    const archived = site.file('/feeds/archive/1.xml');
    assert.match((await atomErrors(archived.replace(/<id>[^<]*<\/id>/, ''))).join('\n'), /Expecting an element id/);
    assert.match((await atomErrors(archived.replace(/<updated>[^<]*</, '<updated>yesterday<'))).join('\n'), /dateTime/);
    assert.notDeepEqual(await atomErrors(archived.replace('<generator>', '<colour>red</colour><generator>')), []);
  });

  test('a full archive document never changes when the archive grows', async () => {
    const grown = await siteInMemory(
      { ...files(130), 'content/a/late.md': article({ title: 'Late', date: day(200), slug: 'late' }) },
      { baseUrl: 'https://news.example.org/' },
    );
    assert.equal(grown.file('/feeds/archive/1.xml'), site.file('/feeds/archive/1.xml'));
    assert.equal(parseAtomFeed(grown.file('/feeds/archive/2.xml')).entries?.length, 31);
  });
});
