/** The site's pages, rendered in memory from content as a build reads it: what a reader sees on each kind of page. */
import assert from 'node:assert/strict';
import { parseOpml } from 'feedsmith';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import type { Element, Root } from 'hast';
import { select, selectAll } from 'hast-util-select';
import { HtmlValidate } from 'html-validate';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { article, fixture, projectRoot } from './helpers.ts';
import type { Page } from '../src/archive/pages.ts';
import { renderInMemory } from '../src/render/renderSite.ts';
import { siteInMemory, type SiteInMemory } from './support/siteInMemory.ts';

const seed = readFileSync(fixture('articles/seed-001.md'), 'utf8');
const seedUrl = '2026/01/06/nato-ambassador-says-ukraine-peace-deal-could-be-on-the-cusp-as-nations-near-finalization-of-security-pact/';

const parseHtml = (text: string): Root => unified().use(rehypeParse).parse(text);
const page = (site: SiteInMemory, url: string): Root => parseHtml(site.file(`/${url}/`.replace(/\/+/g, '/')));
const text = (node: Root | Element | undefined): string => {
  if (!node) return '';
  if ('value' in node) return String(node.value);
  return (node.children as (Root | Element)[]).map(text).join('');
};
const attr = (node: Element | undefined, name: string): string | undefined => {
  const value = node?.properties[name];
  return Array.isArray(value) ? value.join(' ') : value === undefined ? undefined : String(value);
};

describe('site: the sample site', async () => {
  const site = await siteInMemory({
    'content/site.yaml': 'title: Test Archive\npageSize: 2\nsources:\n  https://feeds.foxnews.com/foxnews/latest: Fox News\n',
    'content/2026/01/seed.md': seed,
    'content/2026/01/markdown.md': article(
      { title: 'A Markdown story', date: '2026-01-05T09:00:00Z', author: 'Jane Doe', link: 'https://example.com/news/md' },
      'Some **bold** text with [a link](https://example.com/more) and a [relative one](/other).\n\n{{ 7 * 7 }} {% raw %}',
    ),
    'content/2026/01/hostile.md': article(
      { title: '"<script>alert(1)</script> {{ 7 * 7 }}"', date: '2026-01-04', description: '"\\" onmouseover=\\"alert(1)"' },
      '<p>Text</p><script>alert(2)</script><img src="https://example.com/x.png" onerror="alert(3)"><a href="javascript:alert(4)">x</a>',
    ),
    'content/2026/01/draft.md': article({ title: 'Secret draft', date: '2026-01-07', draft: 'true' }),
    'content/2026/01/older.md': article({ title: 'Older story', date: '2026-01-01' }),
  });

  test('every article is read without a problem but the template markup shown as text and the link refused, which are named', () => {
    assert.deepEqual(
      site.problems.map((p) => `${p.file}: ${p.code}`),
      ['content/2026/01/hostile.md: unkept-link', 'content/2026/01/markdown.md: unconverted-markup'],
    );
    assert.match(site.problems[0]!.message, /shown as text: link "javascript:alert\(4\)"$/);
    assert.match(site.problems[1]!.message, /"\{\{ 7 \* 7 \}\}" first/);
  });

  test('writes one page per published article and the paginated home, nothing for drafts', () => {
    assert.deepEqual(site.htmlUrls(), [
      '/',
      '/2026/',
      '/2026/01/',
      '/2026/01/01/',
      '/2026/01/01/older/',
      '/2026/01/04/',
      '/2026/01/04/hostile/',
      '/2026/01/05/',
      '/2026/01/05/markdown/',
      '/2026/01/06/',
      `/${seedUrl}`,
      '/2026/01/page/1/',
      '/2026/page/1/',
      '/archive/',
      '/authors/',
      '/authors/jane-doe/',
      '/categories/',
      '/categories/feeds-foxnews-com/',
      '/page/1/',
      '/search/',
      '/sources/',
      '/sources/example-com/',
      '/sources/fox-news/',
      '/tags/',
      '/tags/ambassador/',
      '/tags/finalization/',
      '/tags/nations/',
      '/tags/security/',
      '/tags/ukraine/',
    ]);
    assert.ok(!site.file('/').includes('Secret draft'));
  });

  test('the home page leads with the newest article (there is no story), then lists the others under their days, with pagination', () => {
    const home = page(site, '');
    assert.equal(
      text(select('.lead-story h2 a', home)),
      "NATO ambassador says Ukraine peace deal could be 'on the cusp' as nations near finalization of security pact",
    );
    assert.deepEqual(selectAll('.day-heading', home).map(text), ['January 5, 2026']);
    assert.deepEqual(selectAll('.article-list .summary h3 a', home).map(text), ['A Markdown story']);
    // Pages are numbered from the oldest: the home page is the last, and its older articles are on page 1.
    assert.equal(text(select('.pagination [aria-current]', home)), 'Page 2 of 2');
    assert.equal(attr(select('.pagination a[rel=next]', home), 'href'), 'page/1/');
    const older = page(site, 'page/1');
    assert.deepEqual(selectAll('.article-list .summary h3 a', older).map(text), ['<script>alert(1)</script> {{ 7 * 7 }}', 'Older story']);
    assert.equal(text(select('.pagination [aria-current]', older)), 'Page 1', 'a settled page does not say how many there are: that grows');
    assert.deepEqual(selectAll('.pagination a', older).map(text), ['Newest', 'Newer']);
  });

  test('the seed article page shows its body with links intact and no target or script', () => {
    const html = site.file(`/${seedUrl}`);
    const tree = parseHtml(html);
    assert.equal(text(select('h1', tree)), "NATO ambassador says Ukraine peace deal could be 'on the cusp' as nations near finalization of security pact");
    assert.equal(text(select('.kicker', tree)), 'Fox News');
    assert.equal(attr(select('time', tree), 'dateTime'), '2026-01-06T00:00:00.000Z');
    const links = selectAll('.article-body a', tree);
    assert.equal(links.length, 9, 'all nine links of the seed body');
    assert.equal(attr(links[0], 'href'), 'https://www.foxnews.com/category/world/conflicts/ukraine');
    assert.equal(attr(links[0], 'rel'), 'nofollow noopener noreferrer');
    assert.ok(!/target=/.test(html));
    assert.ok(!/<script(?! type="application\/ld\+json">)/i.test(html), 'no script but the JSON-LD data');
    assert.equal(
      attr(select('a.original-link', tree), 'href'),
      'https://www.foxnews.com/media/nato-ambassador-says-ukraine-peace-deal-could-on-cusp-nations-near-finalization-security-pact',
    );
    assert.deepEqual(selectAll('.tags li', tree).map(text), ['finalization', 'ambassador', 'security', 'ukraine', 'nations']);
    assert.match(text(select('title', tree)), /^NATO ambassador .* · Test Archive$/);
  });

  test('tags link to their pages, which list the article, and /tags/ counts them', () => {
    const tree = page(site, seedUrl);
    assert.equal(attr(select('.tags a', tree), 'href'), '../../../../tags/finalization/');
    const tagPage = page(site, 'tags/security');
    assert.equal(text(select('h1', tagPage)), 'Tagged “security”');
    assert.deepEqual(selectAll('.article-list .summary h3 a', tagPage).map(text), [
      "NATO ambassador says Ukraine peace deal could be 'on the cusp' as nations near finalization of security pact",
    ]);
    const index = page(site, 'tags');
    assert.deepEqual(selectAll('.term-list li', index).map(text), ['ambassador 1', 'finalization 1', 'nations 1', 'security 1', 'ukraine 1']);
  });

  test('sources: named from site.yaml, else the host, else none at all; each named one with its page', () => {
    const seedPage = page(site, seedUrl);
    assert.equal(attr(select('.kicker a', seedPage), 'href'), '../../../../sources/fox-news/');
    const fox = page(site, 'sources/fox-news');
    assert.equal(text(select('h1', fox)), 'Fox News');
    assert.deepEqual(
      selectAll('.source-links a', fox).map((a) => attr(a, 'href')),
      ['https://www.foxnews.com/', 'https://feeds.foxnews.com/foxnews/latest'],
    );
    // Articles no feed or link names an outlet for show none: no kicker, no "Unknown source", no page of their own.
    const unsourced = page(site, '/2026/01/01/older/');
    assert.equal(select('.kicker', unsourced), undefined);
    assert.ok(![...site.pages.values()].some((file) => /Unknown source/i.test(file)));
    assert.ok(!site.has('sources/unknown-source'));
    const index = page(site, 'sources');
    assert.deepEqual(
      selectAll('.term-list > li', index).map((li) => text(li).replace(/\s+/g, ' ').trim()),
      ['example.com 1 site', 'Fox News 1 site feed'],
    );
    const foxLinks = selectAll('.term-list > li', index)[1];
    assert.deepEqual(
      selectAll('.term-links a', foxLinks).map((a) => attr(a, 'href')),
      ['https://www.foxnews.com/', 'https://feeds.foxnews.com/foxnews/latest'],
    );
  });

  test('authors and categories have pages like tags', () => {
    const markdownPage = page(site, '2026/01/05/markdown');
    assert.equal(attr(select('.byline .authors a', markdownPage), 'href'), '../../../../authors/jane-doe/');
    assert.equal(text(select('h1', page(site, 'authors/jane-doe'))), 'By Jane Doe');
    assert.equal(attr(select('.categories a', page(site, seedUrl)), 'href'), '../../../../categories/feeds-foxnews-com/');
    assert.deepEqual(selectAll('.term-list li', page(site, 'categories')).map(text), ['feeds.foxnews.com 1']);
  });

  test('date pages list their articles, and /archive/ counts them by month', () => {
    const month = page(site, '2026/01');
    assert.equal(text(select('h1', month)), 'January 2026');
    assert.equal(text(select('.pagination [aria-current]', month)), 'Page 2 of 2');
    const day = page(site, '2026/01/05');
    assert.equal(text(select('h1', day)), 'January 5, 2026');
    // A day's page leads with its story, or its newest article; no day headings under its own.
    assert.equal(text(select('.lead-story h2 a', day)), 'A Markdown story');
    assert.equal(select('.day-heading', day), undefined);
    const overview = page(site, 'archive');
    assert.equal(text(select('.calendar-year h2 .count', overview)), '4 articles');
    const months = selectAll('.calendar-months li', overview).map((li) => text(li).trim().replace(/\s+/g, ' '));
    assert.equal(months.length, 12);
    assert.equal(months[0], 'Jan 4');
    assert.equal(months[1], 'Feb 0');
    assert.equal(attr(select('.calendar-months a', overview), 'href'), '../2026/01/');
  });

  test('article pages have breadcrumbs to their day, month and year', () => {
    const crumbs = selectAll('.breadcrumbs a', page(site, seedUrl)).map((a) => `${text(a)} ${attr(a, 'href')}`);
    assert.deepEqual(crumbs, ['Home ../../../../', '2026 ../../../', 'January 2026 ../../', 'January 6, 2026 ../']);
  });

  test('Markdown is rendered, template syntax in content is shown, never run', () => {
    const tree = page(site, '2026/01/05/markdown');
    assert.equal(text(select('.article-body strong', tree)), 'bold');
    assert.match(text(select('.article-body', tree)), /\{\{ 7 \* 7 \}\} \{% raw %\}/);
    assert.equal(text(select('.byline .authors', tree)), 'By Jane Doe');
    const relative = selectAll('.article-body a', tree).find((a) => text(a) === 'relative one');
    assert.equal(attr(relative, 'href'), 'https://example.com/other');
  });

  test('hostile front matter and body are escaped or removed', () => {
    const html = site.file('/2026/01/04/hostile/');
    // The page's one script is its JSON-LD data, which holds no `<` at all.
    const structuredData = /<script type="application\/ld\+json">([^<]*)<\/script>/.exec(html);
    assert.equal(JSON.parse(structuredData?.[1] ?? '{}').headline, '<script>alert(1)</script> {{ 7 * 7 }}');
    assert.ok(!/<script/i.test(html.replace(structuredData?.[0] ?? '', '')), 'no other script element');
    const tree = parseHtml(html);
    const handlers = selectAll('*', tree).flatMap((element) => Object.keys(element.properties).filter((name) => /^on/i.test(name)));
    assert.deepEqual(handlers, [], 'no event handler attributes');
    assert.ok(!/javascript:/i.test(html));
    assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt; {{ 7 * 7 }}'));
    assert.equal(attr(select('meta[name=description]', tree), 'content'), '" onmouseover="alert(1)');
  });

  test('every page is valid HTML', async () => {
    // html-validate's recommended rules, less two matters of taste: the
    // lowercase doctype, and headline-length titles, which news has.
    const validator = new HtmlValidate({ extends: ['html-validate:recommended'], rules: { 'doctype-style': 'off', 'long-title': 'off' } });
    const messages: string[] = [];
    for (const file of [...site.htmlUrls(), '/404.html']) {
      const report = await validator.validateString(site.file(file), file);
      for (const result of report.results) for (const m of result.messages) messages.push(`${file}:${m.line} ${m.ruleId}: ${m.message}`);
    }
    assert.deepEqual(messages, []);
  });

  test('internal links are relative and all resolve', () => {
    for (const url of site.htmlUrls()) {
      const tree = page(site, url);
      for (const element of selectAll('a[href], link[href]', tree)) {
        const href = attr(element, 'href') ?? '';
        if (/^(https?:|mailto:|#)/.test(href)) continue;
        assert.ok(!href.startsWith('/'), `${url}: ${href} should be relative`);
        const target = new URL(href, `http://site${url}`).pathname;
        // The stylesheet and scripts are copied from templates/assets/, not rendered.
        assert.ok(site.has(target) || existsSync(path.join(projectRoot, 'templates', target)), `${url} links to ${href}, which does not exist`);
      }
    }
  });

  test('article pages link to the older and newer article', () => {
    const tree = page(site, '2026/01/05/markdown');
    assert.equal(attr(select('a[rel=next]', tree), 'href'), `../../06/${seedUrl.split('/')[3]}/`);
    assert.equal(attr(select('a[rel=prev]', tree), 'href'), '../../04/hostile/');
  });
});

describe('site: with a base URL', async () => {
  const site = await siteInMemory({ 'content/a.md': article({ title: 'A', date: '2026-01-06' }) }, { baseUrl: 'https://news.example.org/archive/' });
  test('pages carry their canonical URL', () => {
    const tree = page(site, '2026/01/06/a');
    assert.equal(attr(select('link[rel=canonical]', tree), 'href'), 'https://news.example.org/archive/2026/01/06/a/');
  });
});

describe('site: every kind of page has a template', async () => {
  const site = await siteInMemory({ 'content/a.md': article({ title: 'A', date: '2026-01-06' }) });
  test('a page of a kind no template renders fails the build, naming the page', async () => {
    const stray = { kind: 'colophon', url: '/colophon/', title: 'Colophon', description: '' } as unknown as Page;
    await assert.rejects(
      renderInMemory({ ...site.archive, pages: [...site.archive.pages, stray] }),
      /no template renders pages of kind "colophon" \(\/colophon\/\)/,
    );
  });
});

describe('site: the original, and its copy at the Internet Archive', async () => {
  const site = await siteInMemory({
    'content/2026/01/live.md': article({ title: 'Live', date: '2026-01-06T14:30:00Z', link: 'https://news.example.com/live' }),
    'content/2026/01/gone.md': article({ title: 'Gone', date: '2026-01-05', link: 'https://news.example.com/gone', link_status: 'dead' }),
  });
  test('every "Read the original" has the Wayback Machine’s copy as of the article’s date beside it, made from data', () => {
    const page = site.file('/2026/01/06/live/');
    assert.match(page, /<a class="original-link" href="https:\/\/news\.example\.com\/live"[^>]*>Read the original at news\.example\.com<\/a>/);
    assert.match(page, /<a class="archived-link" href="https:\/\/web\.archive\.org\/web\/20260106143000\/https:\/\/news\.example\.com\/live"/);
  });
  test('link_status: dead leads with the archived copy', () => {
    const page = site.file('/2026/01/05/gone/');
    const archived = page.indexOf('https://web.archive.org/web/20260105000000/https://news.example.com/gone');
    const original = page.indexOf('href="https://news.example.com/gone"');
    assert.ok(archived > 0 && archived < original, 'the archived copy comes first');
    assert.match(page, /Read it at the Internet Archive: the original is gone/);
  });
});

describe('site: /sources.opml', async () => {
  const site = await siteInMemory({
    'content/site.yaml': 'title: Harbour\nsources:\n  https://feeds.example.com/world: Example World\n',
    'content/2026/01/a.md': article({ title: 'A', date: '2026-01-06', source: 'https://feeds.example.com/world', link: 'https://example.com/a' }),
    'content/2026/01/b.md': article({ title: 'B', date: '2026-01-06' }),
  });
  test('lists every source with a feed, as feed readers read it, linked from /sources/', () => {
    const parsed = parseOpml(site.file('/sources.opml'));
    assert.deepEqual(
      parsed.body?.outlines?.map((outline) => [outline.text, outline.xmlUrl, outline.htmlUrl]),
      [['Example World', 'https://feeds.example.com/world', 'https://example.com/']],
    );
    assert.match(site.file('/sources/'), /<a href="\.\.\/sources\.opml" type="text\/x-opml">Every source’s feed, for a feed reader \(OPML\)<\/a>/);
  });
});
