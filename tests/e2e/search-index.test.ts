/**
 * The search index in parts by time: how articles are divided, and that
 * Pagefind builds every part, re-indexing only the parts whose articles
 * changed. (Searching across parts in a browser: tests/browser.test.ts.)
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, statSync, utimesSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { buildArchive } from '../../src/archive/buildArchive.ts';
import type { ArticlePage } from '../../src/archive/pages.ts';
import { searchParts } from '../../src/archive/searchParts.ts';
import { loadBuildContent } from '../../src/buildContent.ts';
import { writeArchive } from '../../src/makeSite.ts';
import { HandOver } from '../../src/handOver.ts';
import { collectGarbage } from '../../src/collectGarbage.ts';
import type { StageTimer } from '../../src/stageTimes.ts';
import { BuildCache } from '../../src/cache/buildCache.ts';
import { BuildRecords } from '../../src/cache/buildRecord.ts';
import { article, writeTree } from '../helpers.ts';


// Only what the division reads of an article page.
const dated = (year: string, month: string, n: number) => ({ url: `/${year}/${month}/01/a-${n}/`, search: { year, month } }) as ArticlePage;

describe('search index parts', () => {
  test('the newest month is a part; a year is one part; a busy year is cut into runs of months that fit; newest first', () => {
    const articles = [
      dated('2022', '02', 1),
      dated('2022', '03', 2),
      ...[3, 4].map((n) => dated('2022', '08', n)),
      ...[1, 2].map((n) => dated('2023', '05', n)),
      ...[1, 2].map((n) => dated('2024', '02', n)),
      dated('2024', '11', 3),
      ...[1, 2, 3].map((n) => dated('2025', '01', n)),
      dated('2025', '03', 4),
    ];
    const parts = searchParts(articles, 3);
    // March 2025 is the newest month; the rest of 2025 (3) and 2024 (3) are within the limit of 3; 2022 (4) is not:
    // February and March (2) are one run, and August (2) would make it 4.
    assert.deepEqual(
      parts.map((part) => part.name),
      ['2025-03', '2025', '2024', '2023', '2022-08', '2022-02-to-03'],
    );
    // Four more in January: the rest of 2025 is cut into months, January alone over the limit.
    const busier = searchParts([...articles, ...[5, 6, 7, 8].map((n) => dated('2025', '01', n)), dated('2025', '02', 9)], 3);
    assert.deepEqual(
      busier.map((part) => part.name).slice(0, 3),
      ['2025-03', '2025-02', '2025-01'],
    );
    const urls = parts.flatMap((part) => part.pages.map((page) => page.url)).sort();
    assert.deepEqual(urls, articles.map((a) => a.url).sort(), 'every article in exactly one part');
  });

  test('Pagefind builds every part, and rebuilds only the part whose articles changed', async () => {
    const months = ['01', '02', '04', '05', '07', '11'];
    const files = Object.fromEntries(
      months.flatMap((month) =>
        [1, 2].map((n) => [
          `content/2025/${month}/a-${n}.md`,
          article({ title: `Harbour story ${month} ${n}`, date: `2025-${month}-1${n}` }, `<p>Harbour cranes, month ${month}.</p>`),
        ]),
      ),
    );
    const cwd = writeTree(files);
    const build = async () => {
      const content = await loadBuildContent('content', cwd);
      const archive = buildArchive(content.articles, content.site, { searchPartLimit: 4 });
      const result = await writeArchive(archive, path.join(cwd, '_site'), {
        records: new BuildRecords(new BuildCache(path.join(cwd, '.cache')), path.join(cwd, '_site')),
      });
      return { archive, result };
    };
    const { archive, result } = await build();
    const names = archive.searchParts.map((part) => part.name);
    // November, the newest month, on its own; the rest of 2025 (10) is over the limit of 4: runs of months of 4 at most.
    assert.deepEqual(names, ['2025-11', '2025-07', '2025-04-to-05', '2025-01-to-02']);
    assert.equal(result.searchPageCount, 12);
    const folders = readdirSync(path.join(cwd, '_site/pagefind')).sort();
    assert.deepEqual(folders, [...names].sort());
    for (const name of names) assert.ok(existsSync(path.join(cwd, '_site/pagefind', name, 'pagefind.js')), name);

    const entry = (name: string) => statSync(path.join(cwd, '_site/pagefind', name, 'pagefind-entry.json')).mtimeMs;
    const before = Object.fromEntries(names.map((name) => [name, entry(name)]));
    writeTree({ 'content/2025/07/a-1.md': article({ title: 'Harbour story rewritten', date: '2025-07-11' }, '<p>New words about tugboats.</p>') }, cwd);
    const again = await build();
    assert.equal(again.result.searchPageCount, 12);
    const rebuilt = names.filter((name) => entry(name) !== before[name]);
    assert.deepEqual(rebuilt, ['2025-07']);

    // A day's news: an article of the newest month re-indexes that month alone.
    const edited = Object.fromEntries(names.map((name) => [name, entry(name)]));
    writeTree({ 'content/2025/11/a-3.md': article({ title: 'Harbour story of the day', date: '2025-11-20' }, '<p>Cranes at dawn.</p>') }, cwd);
    const newer = await build();
    assert.deepEqual(
      newer.archive.searchParts.map((part) => part.name),
      names,
    );
    assert.equal(newer.result.searchPageCount, 13);
    assert.deepEqual(
      names.filter((name) => entry(name) !== edited[name]),
      ['2025-11'],
    );
  });

  test('a handed-over Archive is freed once the pages are written, before Pagefind indexes, and the spool is removed after', async () => {
    const cwd = writeTree({
      'content/2025/03/a.md': article({ title: 'Ferry timetable', date: '2025-03-02' }, '<p>The ferry runs twice a day.</p>'),
      'content/2025/04/b.md': article({ title: 'Lighthouse repainted', date: '2025-04-09' }, '<p>Red and white again.</p>'),
    });
    const spoolRoot = path.join(cwd, 'spool');
    // What a killed build left two days ago, and what a running one has now.
    const abandoned = path.join(spoolRoot, 'news-archive-spool-killed');
    const running = path.join(spoolRoot, 'news-archive-spool-running');
    for (const folder of [abandoned, running]) mkdirSync(folder, { recursive: true });
    const twoDaysAgo = new Date(Date.now() - 2 * 24 * 60 * 60 * 1000);
    utimesSync(abandoned, twoDaysAgo, twoDaysAgo);
    const content = await loadBuildContent('content', cwd);
    // Made in a function of its own, so that nothing of this test's frame holds the Archive.
    const handOver = () => {
      const archive = buildArchive(content.articles, content.site);
      return { archive: new HandOver(archive), freed: new WeakRef(archive) };
    };
    const { archive, freed } = handOver();
    let spooled: string[] = [];
    let heldOnceRendered: boolean | undefined;
    let heldOnceIndexed: boolean | undefined;
    // Its stages tell where writeArchive is: the documents spooled, then the index built, while it still runs.
    const timer = {
      lap(stage: string) {
        if (stage === 'search parts to index: which changed') spooled = readdirSync(spoolRoot);
        if (stage.startsWith('pages rendered')) {
          collectGarbage();
          heldOnceRendered = freed.deref() !== undefined;
        }
        if (stage.startsWith('the search index')) {
          collectGarbage();
          heldOnceIndexed = freed.deref() !== undefined;
        }
      },
    } as StageTimer;
    const result = await writeArchive(archive, path.join(cwd, '_site'), { timer, spoolFolder: spoolRoot });
    assert.equal(result.searchPageCount, 2);
    assert.equal(spooled.filter((name) => !name.endsWith('running')).length, 1, 'the documents are spooled to one folder, an abandoned one removed');
    assert.equal(heldOnceRendered, false, 'the Archive was still held once the pages were written');
    assert.equal(heldOnceIndexed, false, 'the Archive was still held while the search index was built');
    assert.deepEqual(readdirSync(spoolRoot), ['news-archive-spool-running'], "the spool is removed once the index is written, another build's left alone");
  });
});

