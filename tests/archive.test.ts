/** The Archive model alone: pages computed from articles, without Eleventy. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildArchive } from '../src/archive/buildArchive.ts';
import { pagesOf } from '../src/archive/pages.ts';
import { paginate } from '../src/archive/paginate.ts';
import { readArticle } from '../src/load/readArticle.ts';
import { sanitizeArticle } from '../src/sanitize/sanitizeArticles.ts';
import { siteSchema } from '../src/schema/site.ts';
import { article } from './helpers.ts';

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

  test('dates are days in the site time zone: 16:30 UTC on 31 December is 1 January in Tokyo', () => {
    const day = page('/2026/01/01/');
    assert.equal(day?.kind, 'list');
    assert.deepEqual(day?.kind === 'list' && day.items.map((item) => item.url), ['/2026/01/01/a/', '/2026/01/01/d/']);
    assert.equal(page('/2025/'), undefined);
  });

  test('every list is paginated by pageSize, with page N of M', () => {
    const home = pagesOf(archive, 'list').filter((p) => p.url === '/' || p.url.startsWith('/page/'));
    assert.deepEqual(
      home.map((p) => [p.url, p.items.length, p.pagination.pageNumber, p.pagination.pageCount, p.pagination.next]),
      [
        ['/', 2, 1, 2, '/page/2/'],
        ['/page/2/', 1, 2, 2, undefined],
      ],
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
  test('first, previous, next and last', () => {
    const pages = paginate([1, 2, 3, 4, 5], 2, '/');
    assert.deepEqual(pages[1]?.pagination, {
      pageNumber: 2,
      pageCount: 3,
      itemCount: 5,
      first: '/',
      previous: '/',
      next: '/page/3/',
      last: '/page/3/',
    });
  });
});
