/** The Archive model alone: pages computed from articles, without Eleventy. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildArchive } from '../src/archive/buildArchive.ts';
import { hashPages } from '../src/render/renderPlan.ts';
import { pagesOf } from '../src/archive/pages.ts';
import { paginate } from '../src/archive/paginate.ts';
import { HandOver } from '../src/handOver.ts';
import { readArticle } from '../src/load/readArticle.ts';
import { prepareFile } from '../src/prepareFile.ts';
import { sanitizeArticle } from '../src/sanitize/sanitizeArticles.ts';
import { readingSettingsOf, siteSchema } from '../src/schema/site.ts';
import { article } from './helpers.ts';
import { siteInMemory, type SiteInMemory } from './support/siteInMemory.ts';

const settings = siteSchema.parse({ pageSize: 2, timezone: 'Asia/Tokyo' });

function safe(fields: Record<string, string>, body?: string) {
  const loaded = readArticle(`content/${fields.title}.md`, article(fields, body), settings).article;
  assert.ok(loaded, fields.title);
  return sanitizeArticle(loaded).article;
}

const articles = [
  safe({ title: 'b', date: '2026-01-02T10:00:00Z', tags: '[Economy]' }),
  safe({ title: 'a', date: '2026-01-01T10:00:00Z', tags: '[economy, Trade]', source: 'https://feeds.example.com/rss' }),
  safe({ title: 'c', date: '2026-01-02T20:00:00Z', tags: '[Trade]', draft: 'true' }),
  safe({ title: 'd', date: '2025-12-31T16:30:00Z', link: 'https://www.example.org/d' }),
];
const archive = buildArchive(articles, settings);
const page = (url: string) => [...pagesOf(archive, 'list'), ...pagesOf(archive, 'terms'), ...pagesOf(archive, 'calendar')].find((p) => p.url === url);

describe('buildArchive', () => {
  test('article pages are newest first, drafts left out, with older/newer links', () => {
    assert.deepEqual(
      pagesOf(archive, 'article').map((p) => [p.url, p.newer?.url, p.older?.url]),
      [
        ['/2026/01/02/b/', undefined, '/2026/01/01/a/'],
        ['/2026/01/01/a/', '/2026/01/02/b/', '/2026/01/01/d/'],
        ['/2026/01/01/d/', '/2026/01/01/a/', undefined],
      ],
    );
  });

  test('articles handed over, as a build does, make the same pages as articles lent, which are left as they were', () => {
    // As the build reads them: with index terms, one with an earlier version to compare, two without a dek or summary.
    const prepared = (name: string, fields: Record<string, string>, body: string, revisions?: string) => {
      const file = `content/2026/01/${name}.md`;
      const revisionsInput = revisions === undefined ? undefined : { file: `content/2026/01/${name}.revisions.yaml`, bytes: Buffer.from(revisions) };
      const result = prepareFile(file, Buffer.from(article(fields, body)), readingSettingsOf(settings), `2026/01/${name}.md`, revisionsInput);
      assert.ok(result.article, JSON.stringify(result.problems));
      return result.article;
    };
    const lent = [
      prepared(
        'pier',
        { title: 'Council votes to close the pier', date: '2026-01-05T09:00:00Z', tags: '[harbour]' },
        '<p>The council voted 7 to 2 on Monday to close the pier.</p>',
        [
          'versions:',
          '  - replaced: 2026-01-05T12:00:00Z',
          '    title: Council weighs pier closure',
          '    body: <p>The council meets on Monday to vote on the pier.</p>',
        ].join('\n'),
      ),
      prepared(
        'quay',
        { title: 'Quay repairs begin', date: '2026-01-04T09:00:00Z', tags: '[harbour]' },
        '<p>Repairs to the quay of the pier began on Sunday.</p>',
      ),
      prepared('ferry', { title: 'Ferry timetable', date: '2026-01-03T09:00:00Z', description: 'Winter sailings.' }, '<p>Ferries sail twice a day.</p>'),
    ];
    const texts = lent.map((each) => [each.text, each.terms]);
    const pages = buildArchive(lent, settings).pages;
    assert.deepEqual(buildArchive(new HandOver(structuredClone(lent)), settings).pages, pages);
    assert.deepEqual(
      lent.map((each) => [each.text, each.terms]),
      texts,
    );
    // What the letting go must not take: the text of an article with changes, and the opening of one without a dek.
    const changes = pages.find((each) => each.kind === 'changes');
    assert.match(JSON.stringify(changes), /close the pier/);
    assert.match(JSON.stringify(pages.find((each) => each.url === '/2026/01/04/quay/')), /Repairs to the quay of the pier began on Sunday\./);
  });

  test('dates are days in the site time zone: 16:30 UTC on 31 December is 1 January in Tokyo', () => {
    const day = page('/2026/01/01/');
    assert.equal(day?.kind, 'list');
    assert.deepEqual(day?.kind === 'list' && day.items.map((item) => item.url), ['/2026/01/01/a/', '/2026/01/01/d/']);
    assert.equal(page('/2025/'), undefined);
  });

  test('a list of fewer than two pages is one page at its own URL', () => {
    // pageSize 2: three articles are one full page and one more, shown together.
    const home = pagesOf(archive, 'list').filter((p) => p.url === '/' || p.url.startsWith('/page/'));
    assert.deepEqual(
      home.map((p) => [p.url, p.items.length, p.pagination.pageNumber, p.pagination.pageCount, p.pagination.older]),
      [['/', 3, 1, 1, undefined]],
    );
  });

  test('tags fold case, and /tags/ counts match', () => {
    const tags = page('/tags/');
    assert.equal(tags?.kind, 'terms');
    if (tags?.kind !== 'terms') return;
    assert.deepEqual(
      tags.byCount.map((t) => [t.label, t.count, t.url]),
      [
        ['Economy', 2, '/tags/economy/'],
        ['Trade', 1, '/tags/trade/'],
      ],
    );
  });

  test('sources: feed host, link host, or none at all', () => {
    assert.deepEqual(
      pagesOf(archive, 'article').map((p) => p.article.source?.name),
      [undefined, 'feeds.example.com', 'www.example.org'],
    );
  });

  test('the same articles in another order give the same archive', () => {
    assert.deepEqual(buildArchive([...articles].reverse(), settings), archive);
  });
});

describe('paginate', () => {
  test('an empty list still has its first page', () => {
    const [only, ...rest] = paginate([], 20, '/tags/x/');
    assert.deepEqual(rest, []);
    assert.equal(only?.url, '/tags/x/');
    assert.equal(only?.pagination.pageCount, 1);
  });
  /** Items numbered by age: the newest has the highest number, and lists are newest first. */
  const newestFirst = (count: number) => Array.from({ length: count }, (_, n) => count - n);

  test('pages are numbered from the oldest; the list’s own URL shows the newest full page and what came since', () => {
    const pages = paginate(newestFirst(7), 2, '/');
    assert.deepEqual(
      pages.map((page) => [page.url, page.items]),
      [
        ['/', [7, 6, 5]],
        ['/page/1/', [2, 1]],
        ['/page/2/', [4, 3]],
      ],
    );
    // Only the list's own URL knows how many pages there are: a settled page stays as it is while the list grows.
    assert.deepEqual(pages[2]?.pagination, { pageNumber: 2, pageCount: undefined, newest: '/', newer: '/', older: '/page/1/', oldest: '/page/1/' });
    assert.deepEqual(pages[1]?.pagination, { pageNumber: 1, pageCount: undefined, newest: '/', newer: '/page/2/', older: undefined, oldest: undefined });
    assert.deepEqual(pages[0]?.pagination, { pageNumber: 3, pageCount: 3, newest: undefined, newer: undefined, older: '/page/2/', oldest: '/page/1/' });
  });

  test('a page, once it has its own URL, never changes as newer articles come', () => {
    for (const pageSize of [1, 2, 5]) {
      for (let count = 0; count <= 4 * pageSize; count++) {
        const before = new Map(paginate(newestFirst(count), pageSize, '/').map((page) => [page.url, page.items]));
        for (let added = 1; added <= 2 * pageSize; added++) {
          const after = paginate(newestFirst(count + added), pageSize, '/');
          for (const page of after) {
            if (page.url !== '/' && before.has(page.url))
              assert.deepEqual(page.items, before.get(page.url), `${page.url}, ${count} + ${added}, pageSize ${pageSize}`);
          }
          // Every item is on exactly one page, and the list's own URL holds between pageSize and twice that, less one.
          assert.deepEqual(
            after.flatMap((page) => page.items).sort((a, b) => a - b),
            newestFirst(count + added).reverse(),
          );
          const own = after[0]!.items.length;
          assert.ok(count + added < pageSize ? own === count + added : own >= pageSize && own <= 2 * pageSize - 1, `${own} on the list's own URL`);
        }
      }
    }
  });
});

describe('settled pages of a built site', async () => {
  // One source, one tag, one month: every kind of list holds every article. Two to a page.
  const files = (count: number) => ({
    'content/site.yaml': 'title: Pages\npageSize: 2\nsources:\n  https://feeds.example.com/desk: Desk\n',
    ...Object.fromEntries(
      Array.from({ length: count }, (_, n) => [
        `content/2026/01/item-${n + 1}.md`,
        article(
          { title: `Item ${n + 1}`, date: `2026-01-${String(n + 1).padStart(2, '0')}T08:00:00Z`, tags: '[Harbour]', source: 'https://feeds.example.com/desk' },
          `<p>The harbour on day ${n + 1}.</p>`,
        ),
      ]),
    ),
  });
  const lists = ['/', '/2026/', '/2026/01/', '/tags/harbour/', '/sources/desk/'];
  const settled = (site: SiteInMemory) => site.htmlUrls().filter((url) => lists.some((list) => url.startsWith(`${list}page/`)));
  const [ten, eleven, twelve] = (await Promise.all([10, 11, 12].map((count) => siteInMemory(files(count))))) as [SiteInMemory, SiteInMemory, SiteInMemory];

  test('keep their bytes when an article is added: only the list’s own URL changes', () => {
    assert.deepEqual(settled(ten), settled(eleven));
    assert.equal(settled(ten).length, 4 * lists.length);
    for (const url of settled(ten)) assert.equal(eleven.file(url), ten.file(url), url);
    for (const list of lists) assert.notEqual(eleven.file(list), ten.file(list), list);
  });

  test('when the list’s own URL holds two full pages, the older becomes the next settled page, and only its neighbour changes', () => {
    // 12 articles: page/5/ appears in each list; page/4/ now links to it as the newer page.
    for (const list of lists) {
      assert.ok(twelve.has(`${list}page/5/`) && !eleven.has(`${list}page/5/`), list);
      for (const n of [1, 2, 3]) assert.equal(twelve.file(`${list}page/${n}/`), eleven.file(`${list}page/${n}/`), `${list}page/${n}/`);
      assert.notEqual(twelve.file(`${list}page/4/`), eleven.file(`${list}page/4/`));
    }
  });
});

describe('list pages hashed as they are made', () => {
  // `unchanged` stands for the last build's record: the hashes it wrote, each page's file there.
  const build = (from: typeof articles, unchanged: (url: string, hash: string) => boolean = () => false, site = settings) =>
    buildArchive(from, site, { pageHashing: { templatesHash: '', unchanged } });
  const first = build(articles);
  const lastHashes = hashPages(first.pages, first.site, '', first.pageHashes);
  const asLastWrote = (url: string, hash: string) => lastHashes.get(url) === hash;
  const listUrls = pagesOf(first, 'list').map((list) => list.url);

  test('every list page has its hash as it is made, and the same articles give the same hashes', () => {
    assert.ok(listUrls.length > 5);
    assert.deepEqual([...(first.pageHashes?.keys() ?? [])].sort(), [...listUrls].sort());
    const second = build(articles);
    assert.deepEqual(hashPages(second.pages, second.site, '', second.pageHashes), lastHashes);
  });

  test('a list page the last build wrote with the same hash is not made again, and keeps its hash', () => {
    const again = build(articles, asLastWrote);
    assert.deepEqual(pagesOf(again, 'list'), []);
    assert.deepEqual(
      pagesOf(again, 'unchanged').map((page) => page.url),
      listUrls,
    );
    assert.deepEqual(hashPages(again.pages, again.site, '', again.pageHashes), lastHashes);
  });

  test('an article edited: the lists it is on are made again with new hashes, the others are not', () => {
    const edited = articles.map((each) => (each.title === 'a' ? { ...each, title: 'a, edited' } : each));
    const again = build(edited, asLastWrote);
    const madeAgain = pagesOf(again, 'list').map((list) => list.url);
    // `a` is on the home page, its year, month and day, its tags and its source; not on the day of `b` alone.
    assert.deepEqual(madeAgain.sort(), ['/', '/2026/', '/2026/01/', '/2026/01/01/', '/sources/feeds-example-com/', '/tags/economy/', '/tags/trade/'].sort());
    assert.ok(pagesOf(again, 'unchanged').some((page) => page.url === '/2026/01/02/'));
    for (const url of madeAgain) assert.notEqual(again.pageHashes?.get(url), lastHashes.get(url), url);
  });

  test('the site’s words are in every hash: a list page in other words is made again', () => {
    const german = siteSchema.parse({ ...settings, language: 'de' });
    const again = build(articles, asLastWrote, german);
    assert.deepEqual(pagesOf(again, 'unchanged'), []);
  });
});
