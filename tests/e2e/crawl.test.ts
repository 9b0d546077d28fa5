/**
 * A generated archive of 2,000 articles (3 years, 40 sources, a few hundred
 * tags), built and crawled from the home page the way a reader or a search
 * engine would find its pages, and the feeds and sitemap it announces read
 * back with a real feed parser.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { before, describe, test } from 'node:test';
import type { Root } from 'hast';
import { select, selectAll } from 'hast-util-select';
import rehypeParse from 'rehype-parse';
import { parseFeed } from 'feedsmith';
import { unified } from 'unified';
import { generateCorpus } from '../support/generateCorpus.ts';
import { runCli, tempDir } from '../helpers.ts';

const articleCount = 2000;
/** Of them, drafts: they have no page. */
const draftCount = 3;
const publishedCount = articleCount - draftCount;
const baseUrl = 'https://archive.example.org';
const parser = unified().use(rehypeParse);
const fileOf = (site: string, url: string): string => path.join(site, url, 'index.html');
const textOf = (node: unknown): string => {
  const n = node as { value?: string; children?: unknown[] };
  return n.value ?? (n.children ?? []).map(textOf).join('');
};

describe(`a generated archive of ${articleCount} articles`, () => {
  const cwd = tempDir();
  const site = path.join(cwd, '_site');
  const pages = new Map<string, Root>();
  const broken: string[] = [];

  before(async () => {
    generateCorpus(path.join(cwd, 'content'), articleCount, { years: 3, sources: 40, tags: 300 });
    // A few drafts, which have no page.
    const files = readdirSync(path.join(cwd, 'content'), { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.md'));
    for (const file of files.slice(0, draftCount)) {
      const draft = path.join(cwd, 'content', file);
      writeFileSync(draft, readFileSync(draft, 'utf8').replace('draft: false', 'draft: true'));
    }
    const run = await runCli(['build', '--base-url', `${baseUrl}/`], { cwd });
    assert.equal(run.code, 0, run.stderr);

    // Breadth-first from the home page, following every internal link.
    const queue = ['/'];
    pages.set('/', parser.parse(readFileSync(fileOf(site, '/'), 'utf8')));
    while (queue.length > 0) {
      const url = queue.shift() as string;
      for (const link of selectAll('a[href]', pages.get(url) as Root)) {
        const href = String(link.properties.href);
        if (/^(https?:|mailto:|#)/.test(href)) continue;
        const target = new URL(href, `http://site${url}`).pathname;
        if (!target.endsWith('/')) {
          // A file, like a feed: it must exist; it is not a page to crawl.
          if (!existsSync(path.join(site, target))) broken.push(`${url} → ${href}`);
          continue;
        }
        if (pages.has(target)) continue;
        if (!existsSync(fileOf(site, target))) {
          broken.push(`${url} → ${href}`);
          continue;
        }
        pages.set(target, parser.parse(readFileSync(fileOf(site, target), 'utf8')));
        queue.push(target);
      }
    }
  });

  test('every folder of the site holds a page or file: none is left empty (a draft has no folder)', () => {
    const folders = readdirSync(site, { recursive: true, withFileTypes: true }).filter((entry) => entry.isDirectory());
    const empty = folders.map((folder) => path.join(folder.parentPath, folder.name)).filter((folder) => readdirSync(folder).length === 0);
    assert.ok(folders.length > publishedCount, `${folders.length} folders`);
    assert.deepEqual(empty, []);
  });

  test('the crawl finds no broken internal link', () => {
    assert.deepEqual(broken.slice(0, 10), []);
  });

  test('every page that was built is reachable from the home page', () => {
    const built = readdirSync(site, { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('index.html'))
      .map((file) => `/${path.dirname(file).split(path.sep).join('/')}/`.replace(/^\/\.\/$/, '/'));
    const unreachable = built.filter((url) => !pages.has(url));
    assert.deepEqual(unreachable.slice(0, 10), []);
    assert.equal(built.length, pages.size);
  });

  test('every page of the URL contract exists', () => {
    const articles = [...pages.keys()].filter((url) => /^\/\d{4}\/\d{2}\/\d{2}\/[a-z0-9-]+\/$/.test(url));
    assert.equal(articles.length, publishedCount);
    for (const url of ['/', '/page/1/', '/page/2/', '/archive/', '/tags/', '/sources/', '/2024/', '/2024/06/', '/2025/12/']) {
      assert.ok(pages.has(url), url);
    }
    const days = [...pages.keys()].filter((url) => /^\/\d{4}\/\d{2}\/\d{2}\/$/.test(url));
    assert.ok(days.length > 500, `${days.length} day pages`);
  });

  /** Articles listed on a list page and all its following pages. */
  const listed = (url: string): number => {
    let count = 0;
    for (let current: string | undefined = url; current; ) {
      const tree = pages.get(current);
      assert.ok(tree, `${current} was crawled`);
      count += selectAll('.article-list > li', tree).length;
      const next = select('.pagination a[rel=next]', tree);
      current = next ? new URL(String(next.properties.href), `http://site${current}`).pathname : undefined;
    }
    return count;
  };

  test('counts on /tags/ and /sources/ equal what their pages list', () => {
    for (const index of ['/tags/', '/sources/']) {
      const entries = selectAll('.term-list li', pages.get(index) as Root);
      assert.ok(entries.length > (index === '/tags/' ? 200 : 39), `${entries.length} entries on ${index}`);
      for (const entry of entries) {
        const link = select('a', entry);
        const target = new URL(String(link?.properties.href), `http://site${index}`).pathname;
        assert.equal(listed(target), Number(textOf(select('.count', entry))), target);
      }
    }
  });

  test('the sitemap lists exactly the pages the crawl found, but the search page', () => {
    const xml = readFileSync(path.join(site, 'sitemap.xml'), 'utf8');
    const listed = [...xml.matchAll(/<loc>([^<]*)<\/loc>/g)].map((match) => match[1]!.slice(baseUrl.length)).sort();
    const crawled = [...pages.keys()].filter((url) => url !== '/search/').sort();
    assert.equal(listed.length, crawled.length);
    assert.deepEqual(listed, crawled);
  });

  test('every feed a page announces parses, with the newest entries of what the page lists', () => {
    const feeds = new Set<string>();
    for (const [url, tree] of pages) {
      for (const link of selectAll('link[rel=alternate]', tree)) feeds.add(new URL(String(link.properties.href), `http://site${url}`).pathname);
    }
    assert.ok(feeds.size > 300, `${feeds.size} feeds`);
    for (const feedUrl of feeds) {
      const parsed = parseFeed(readFileSync(path.join(site, feedUrl), 'utf8'));
      const entries = parsed.format === 'json' ? parsed.feed.items : parsed.format === 'atom' ? parsed.feed.entries : undefined;
      assert.ok(entries && entries.length > 0 && entries.length <= 50, `${feedUrl}: ${entries?.length} entries`);
      if (feedUrl.endsWith('/feed.xml') && feedUrl !== '/feed.xml') {
        // A tag's or source's feed starts with the first article its page lists.
        const listUrl = feedUrl.replace(/feed\.xml$/, '');
        const first = select('.article-list .summary h3 a', pages.get(listUrl) as Root);
        const firstUrl = new URL(String(first?.properties.href), `http://site${listUrl}`).pathname;
        const entry = entries?.[0] as { id?: string } | undefined;
        assert.equal(entry?.id, `${baseUrl}${firstUrl}`, feedUrl);
      }
    }
  });

  test('counts on /archive/ equal what the month and year pages list', () => {
    const overview = pages.get('/archive/') as Root;
    let total = 0;
    for (const year of selectAll('.calendar-year', overview)) {
      const yearLink = select('h2 a', year);
      const yearUrl = new URL(String(yearLink?.properties.href), 'http://site/archive/').pathname;
      const yearCount = listed(yearUrl);
      assert.equal(textOf(select('h2 .count', year)), `${yearCount.toLocaleString('en-US')} articles`);
      let monthsTotal = 0;
      for (const month of selectAll('.calendar-months a', year)) {
        const monthUrl = new URL(String(month.properties.href), 'http://site/archive/').pathname;
        const count = Number(textOf(select('.count', month)));
        assert.equal(listed(monthUrl), count, monthUrl);
        monthsTotal += count;
      }
      assert.equal(monthsTotal, yearCount);
      total += yearCount;
    }
    assert.equal(total, publishedCount);
  });
});
