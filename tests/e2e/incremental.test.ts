/**
 * Builds after the first: articles are read from the cache and only the
 * pages whose inputs changed are written, yet the site is always exactly
 * what a build from scratch gives. And the load stage gives the same
 * articles whether it runs on one thread or on every core.
 */
import assert from 'node:assert/strict';
import { appendFileSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { BuildCache } from '../../src/cache/buildCache.ts';
import { htmlOf, isStoredHtml, type BodyHtml } from '../../src/sanitize/bodyHtml.ts';
import { isStoredText, openingOf, textOf, type BodyText } from '../../src/sanitize/bodyText.ts';
import { countedTermsOf, isStoredTerms, packTerms, type ArticleTerms } from '../../src/related/terms.ts';
import { settledAfterMs } from '../../src/cache/folderStamp.ts';
import { generateCorpus } from '../support/generateCorpus.ts';
import { loadContent } from '../../src/load/loadContent.ts';
import { prepareFile, step as prepareStep } from '../../src/prepareFile.ts';
import { filesWorthWorkers } from '../../src/load/readInWorkers.ts';
import { article, assertSameFiles, filesOf, runCli, tempDir, writeTree } from '../helpers.ts';

const baseUrl = 'https://news.example/';

/** Articles as loading gives them, with what the cache holds apart read back: each body's HTML and text, the counts of its terms. */
const readBack = <A extends { html: BodyHtml; text: BodyText; terms: ArticleTerms }>(articles: readonly A[]): A[] =>
  articles.map((article) => ({
    ...article,
    html: htmlOf(article.html),
    text: textOf(article.text),
    terms: isStoredTerms(article.terms)
      ? packTerms(countedTermsOf(article.terms), article.terms.headline === '' ? [] : article.terms.headline.split(' '), article.terms.digest)
      : article.terms,
  }));


const articles = (count: number): Record<string, string> =>
  Object.fromEntries(
    Array.from({ length: count }, (_, i) => [
      `content/2026/01/a-${i}.md`,
      article(
        {
          title: `Article number ${i}`,
          date: `2026-01-${String((i % 28) + 1).padStart(2, '0')}`,
          tags: `[topic-${i % 4}, shared]`,
          link: `https://example.com/a/${i}`,
        },
        `<p>Text of article ${i} about ${['ports', 'rivers', 'courts', 'budgets'][i % 4]} and more.</p>`,
      ),
    ]),
  );

const writtenCount = (stderr: string): number | undefined => {
  const match = /only what changed was written: (\d+) files? written/.exec(stderr);
  return match ? Number(match[1]) : undefined;
};

describe('builds after the first', () => {
  test('an edited, a removed and a new article give exactly the site a build from scratch gives, writing only what changed', async () => {
    const cwd = writeTree({ 'content/site.yaml': 'pageSize: 5\n', ...articles(30) });
    const first = await runCli(['build', '--base-url', baseUrl], { cwd });
    assert.equal(first.code, 0, first.stderr);
    assert.equal(writtenCount(first.stderr), undefined, 'the first build writes everything');

    writeFileSync(path.join(cwd, 'content/2026/01/a-3.md'), article({ title: 'A new headline for three', date: '2026-01-04', tags: '[topic-3]' }));
    rmSync(path.join(cwd, 'content/2026/01/a-7.md'));
    writeFileSync(path.join(cwd, 'content/2026/01/new.md'), article({ title: 'Something new', date: '2026-01-29', tags: '[fresh]' }));
    const second = await runCli(['build', '--base-url', baseUrl], { cwd });
    assert.equal(second.code, 0, second.stderr);
    const written = writtenCount(second.stderr);
    assert.ok(written !== undefined && written > 0, second.stderr);
    const total = filesOf(path.join(cwd, '_site')).size;
    assert.ok(written < total / 2, `${written} of ${total} files written`);
    assert.match(second.stderr, /[1-9]\d* files? of removed pages deleted/);

    const fresh = await runCli(['build', '--base-url', baseUrl, '--no-cache', '--output', '_fresh'], { cwd });
    assert.equal(fresh.code, 0, fresh.stderr);
    assertSameFiles(path.join(cwd, '_site'), path.join(cwd, '_fresh'));
    assert.match(readFileSync(path.join(cwd, '_site/2026/01/04/a-3/index.html'), 'utf8'), /A new headline for three/);
  });

  test('without a change, nothing is written', async () => {
    const cwd = writeTree(articles(12));
    await runCli(['build'], { cwd });
    const home = path.join(cwd, '_site/index.html');
    const before = statSync(home).mtimeMs;
    const again = await runCli(['build'], { cwd });
    assert.equal(again.code, 0, again.stderr);
    assert.equal(writtenCount(again.stderr), 0, again.stderr);
    assert.equal(statSync(home).mtimeMs, before);
  });

  test('content left alone: a build stops at its stamp with the same warnings, and an option or an edit that keeps size and times is not missed', async () => {
    const cwd = writeTree({ ...articles(6), 'content/_notes/kept.md': article({ title: 'A note', date: '2026-01-02' }) });
    const skipped = /content\/_notes.*is skipped/;
    // Until its files are older than their times can tell apart, no stamp is trusted.
    await sleep(settledAfterMs + 200);
    const first = await runCli(['build'], { cwd });
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stderr, skipped);

    const again = await runCli(['build', '--timings'], { cwd });
    assert.equal(again.code, 0, again.stderr);
    assert.match(again.stderr, /nothing changed since the last build/);
    assert.match(again.stderr, skipped, 'the warning is said again');
    assert.equal(writtenCount(again.stderr), 0, again.stderr);

    // Touched, not changed: read and found the same, nothing written, and the new stamp kept for the next build.
    const touched = new Date(Date.now() - 60_000);
    utimesSync(path.join(cwd, 'content/2026/01/a-1.md'), touched, touched);
    await sleep(settledAfterMs + 200);
    const read = await runCli(['build', '--timings'], { cwd });
    assert.equal(read.code, 0, read.stderr);
    assert.doesNotMatch(read.stderr, /nothing changed since the last build/);
    assert.equal(writtenCount(read.stderr), 0, read.stderr);
    const stopped = await runCli(['build', '--timings'], { cwd });
    assert.match(stopped.stderr, /nothing changed since the last build/);

    const based = await runCli(['build', '--base-url', baseUrl], { cwd });
    assert.equal(based.code, 0, based.stderr);
    assert.ok(statSync(path.join(cwd, '_site/feed.xml')).isFile(), 'another option is another stamp');

    const file = path.join(cwd, 'content/2026/01/a-2.md');
    const { atime, mtime } = statSync(file);
    writeFileSync(file, readFileSync(file, 'utf8').replace('Article number 2', 'ARTICLE NUMBER 2'));
    utimesSync(file, atime, mtime);
    const edited = await runCli(['build', '--base-url', baseUrl], { cwd });
    assert.equal(edited.code, 0, edited.stderr);
    assert.match(readFileSync(path.join(cwd, '_site/2026/01/03/a-2/index.html'), 'utf8'), /ARTICLE NUMBER 2/);
  });

  test('a change to site.yaml or to the base URL alone still rewrites what it touches', async () => {
    const cwd = writeTree({ 'content/site.yaml': 'title: First name\n', ...articles(6) });
    await runCli(['build'], { cwd });
    writeFileSync(path.join(cwd, 'content/site.yaml'), 'title: Second name\n');
    const renamed = await runCli(['build'], { cwd });
    assert.equal(renamed.code, 0, renamed.stderr);
    assert.match(readFileSync(path.join(cwd, '_site/index.html'), 'utf8'), /Second name/);
    const based = await runCli(['build', '--base-url', baseUrl], { cwd });
    assert.equal(based.code, 0, based.stderr);
    assert.match(readFileSync(path.join(cwd, '_site/index.html'), 'utf8'), /<link rel="canonical" href="https:\/\/news\.example\/"/);
    assert.ok(statSync(path.join(cwd, '_site/feed.xml')).isFile());
  });

  test('a changed setting that articles are read with (authors by id, the address of the old site) gives the site a build from scratch gives', async () => {
    const cwd = writeTree({
      'content/site.yaml': 'title: Harbour\n',
      'content/2026/01/ferry.md': article({ title: 'Ferry timetable', date: '2026-01-05', authors: '[jdoe]' }, '<p>The ferry runs twice a day. <img src="/assets/ferry.jpg" alt="The ferry"></p>'),
      ...articles(4),
    });
    const fromScratch = async () => {
      rmSync(path.join(cwd, '_fresh'), { recursive: true, force: true });
      const fresh = await runCli(['build', '--no-cache', '--output', '_fresh'], { cwd });
      assert.equal(fresh.code, 0, fresh.stderr);
      assertSameFiles(path.join(cwd, '_site'), path.join(cwd, '_fresh'));
    };
    assert.equal((await runCli(['build'], { cwd })).code, 0);
    for (const settings of ['title: Harbour\nauthors:\n  jdoe: Jane Doe\n', 'title: Harbour\nauthors:\n  jdoe: Jane Doe\norigin: https://old.example/\n']) {
      writeFileSync(path.join(cwd, 'content/site.yaml'), settings);
      const build = await runCli(['build'], { cwd });
      assert.equal(build.code, 0, build.stderr);
      await fromScratch();
    }
    const page = readFileSync(path.join(cwd, '_site/2026/01/05/ferry/index.html'), 'utf8');
    assert.match(page, /Jane Doe/);
    assert.match(page, /<img src="https:\/\/old\.example\/assets\/ferry\.jpg"/, "the picture at the old site's address");
  });

  test('a deleted page file is written again, and a damaged cache is read as no cache', async () => {
    const cwd = writeTree(articles(12));
    await runCli(['build'], { cwd });
    const expected = filesOf(path.join(cwd, '_site'));
    rmSync(path.join(cwd, '_site/2026/01/05'), { recursive: true });
    const cache = path.join(cwd, '.cache/news-archive');
    for (const name of readdirSync(cache, { recursive: true, encoding: 'utf8' })) {
      if (statSync(path.join(cache, name)).isFile()) writeFileSync(path.join(cache, name), 'damaged');
    }
    const again = await runCli(['build'], { cwd });
    assert.equal(again.code, 0, again.stderr);
    assert.deepEqual(filesOf(path.join(cwd, '_site')), expected);
  });

  test('a page file deleted by hand is written again, and only it, with the cache whole', async () => {
    const cwd = writeTree(articles(12));
    await runCli(['build'], { cwd });
    const expected = filesOf(path.join(cwd, '_site'));
    // An article's page and a list's, each its own file in a folder that stays.
    const gone = ['_site/2026/01/05/a-4/index.html', '_site/tags/shared/index.html'];
    for (const file of gone) rmSync(path.join(cwd, file));
    const again = await runCli(['build'], { cwd });
    assert.equal(again.code, 0, again.stderr);
    assert.equal(writtenCount(again.stderr), gone.length, again.stderr);
    assert.deepEqual(filesOf(path.join(cwd, '_site')), expected);
  });
});

describe('the load stage on every core', () => {
  test(`${filesWorthWorkers + 200} files read by worker threads give what one thread gives, in file order`, async () => {
    const cwd = tempDir();
    generateCorpus(path.join(cwd, 'content'), filesWorthWorkers + 200);
    // The files as the build's step reads them, before the links stage joins them up.
    const loaded = await loadContent('content', cwd, { step: prepareStep });
    assert.equal(loaded.articles.length, filesWorthWorkers + 200, loaded.problems[0]?.message);
    const files = loaded.articles.map((parallel) => parallel.file);
    assert.deepEqual(files, [...files].sort());
    const oneThread = loaded.articles.map((parallel) => prepareFile(parallel.file, readFileSync(path.join(cwd, parallel.file)), loaded.site, parallel.file.slice('content/'.length)).article);
    assert.deepEqual(loaded.articles, oneThread);
  });

  test('each thread writes to the cache what it read, a pack per batch, and the next load reads it all from there', async () => {
    const cwd = tempDir();
    const count = filesWorthWorkers + 200;
    generateCorpus(path.join(cwd, 'content'), count);
    const cache = new BuildCache(path.join(cwd, '.cache'));
    const cacheFiles = () =>
      readdirSync(path.join(cwd, '.cache'), { recursive: true, encoding: 'utf8' })
        .map((name) => path.join(cwd, '.cache', name))
        .filter((file) => statSync(file).isFile());
    const first = await loadContent('content', cwd, { step: prepareStep, cache });
    const written = new Map(cacheFiles().map((file) => [file, statSync(file).mtimeMs]));
    const packs = [...written.keys()].filter((file) => file.endsWith('.pack'));
    assert.ok(packs.length > 1 && written.size < count / 10, `a few packs, not a file per article: ${written.size} files for ${count} articles`);
    const second = await loadContent('content', cwd, { step: prepareStep, cache });
    assert.deepEqual(second.articles, first.articles);
    // The bodies, their texts and the counts of their terms stay in the cache, each in an entry of its own that loading does not read: the
    // articles hold where.
    assert.deepEqual(
      second.articles.filter((article) => !isStoredHtml(article.html) || article.html.at === undefined).map((article) => article.file),
      [],
      'no article read with a cache holds its HTML',
    );
    assert.deepEqual(
      second.articles.filter((article) => !isStoredTerms(article.terms) || article.terms.at === undefined).map((article) => article.file),
      [],
      'no article read with a cache holds the counts of its terms',
    );
    assert.deepEqual(
      second.articles.filter((article) => !isStoredText(article.text) || article.text.at === undefined).map((article) => article.file),
      [],
      'no article read with a cache holds its text',
    );
    // Of its text, an article keeps the opening, which its excerpt is cut from: the same as that of the text read back.
    assert.deepEqual(
      second.articles.map((article) => openingOf(article.text)),
      second.articles.map((article) => openingOf(textOf(article.text))),
    );
    // Its index may be, with the stats of the files that have become old enough to be trusted since.
    const packsNow = new Map(cacheFiles().filter((file) => file.endsWith('.pack')).map((file) => [file, statSync(file).mtimeMs]));
    assert.deepEqual(packsNow, new Map(packs.map((file) => [file, written.get(file)])), 'no entry was written again: every one was read');
    // What an article holds after it is read, and no more: not the pack it was read from (at 100,000 articles, every pack).
    const heldBeyondOwn = second.articles.map(({ sketch: { anchors } }) => anchors.buffer.byteLength - anchors.byteLength);
    assert.deepEqual(heldBeyondOwn.filter((bytes) => bytes > 0), [], 'each article read from the cache holds bytes of its own only');

    // Most articles of every pack edited: the live entries of all of them are merged into new packs, each read in turn.
    const files = readdirSync(path.join(cwd, 'content'), { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.md'));
    for (const [n, file] of files.entries()) if (n % 5 !== 0) appendFileSync(path.join(cwd, 'content', file), '\n<p>A correction.</p>\n');
    await loadContent('content', cwd, { step: prepareStep, cache });
    assert.ok(cacheFiles().filter((file) => file.endsWith('.pack')).every((file) => !packs.includes(file)), 'the first packs, mostly out of date, are merged away');
    const mergedPacks = cacheFiles().filter((file) => file.endsWith('.pack'));
    const merged = await loadContent('content', cwd, { step: prepareStep, cache });
    assert.deepEqual(readBack(merged.articles), (await loadContent('content', cwd, { step: prepareStep })).articles, 'the merged packs hold what the files are now');
    assert.deepEqual(cacheFiles().filter((file) => file.endsWith('.pack')), mergedPacks, 'every entry was read whole from them: none was made again');
  });

  test('a body read back after another build merged its pack away is an error that says to build again', async () => {
    const cwd = writeTree(articles(3));
    const loaded = await loadContent('content', cwd, { step: prepareStep, cache: new BuildCache(path.join(cwd, '.cache')) });
    const html = loaded.articles[0]!.html;
    assert.ok(isStoredHtml(html) && html.at, 'the body is in the cache');
    assert.match(htmlOf(html), /Text of article 0/);
    rmSync(html.at[0]);
    assert.throws(() => htmlOf(html), /another build changed the cache meanwhile; build again/);
  });

  test('a file whose stat is that of the last load is not read again; one written since is, even with its size and times put back', async () => {
    const cwd = writeTree({ ...articles(12), 'content/2026/01/a-3.revisions.yaml': 'versions:\n  - replaced: 2026-01-05\n    body: <p>First words of article 3.</p>\n' });
    const cache = new BuildCache(path.join(cwd, '.cache'));
    const load = () => loadContent('content', cwd, { step: prepareStep, cache });
    const uncached = () => loadContent('content', cwd, { step: prepareStep });
    // Times a file can be given back exactly (a whole second), as an editor or a copy that keeps them would.
    const longAgo = new Date('2025-06-01T00:00:00Z');
    for (const file of readdirSync(path.join(cwd, 'content/2026/01'))) utimesSync(path.join(cwd, 'content/2026/01', file), longAgo, longAgo);
    assert.equal((await load()).readCount, 12, 'files written a moment ago are read: their times cannot tell a write just after');
    await sleep(settledAfterMs + 200);
    assert.equal((await load()).readCount, 12, 'read once more, and now their stats are kept');
    const known = await load();
    assert.equal(known.readCount, 0, 'none is read');
    assert.deepEqual(readBack(known.articles), (await uncached()).articles, 'what reading every file gives');

    // The same size and the same times: what tells the change is the time of the inode's change, which no one sets.
    const file = path.join(cwd, 'content/2026/01/a-2.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('Article number 2', 'ARTICLE NUMBER 2'));
    utimesSync(file, longAgo, longAgo);
    writeFileSync(path.join(cwd, 'content/2026/01/a-3.revisions.yaml'), 'versions:\n  - replaced: 2026-01-05\n    body: <p>Other words of article 3.</p>\n');
    await sleep(settledAfterMs + 200);
    const edited = await load();
    assert.equal(edited.readCount, 2, 'the edited article and the one whose revisions changed');
    assert.deepEqual(readBack(edited.articles), (await uncached()).articles);
    assert.ok(edited.articles.some((article) => article.title === 'ARTICLE NUMBER 2'));

    // A setting that files are read with (here the time zone of their dates): a file unchanged since has another result.
    writeFileSync(path.join(cwd, 'content/site.yaml'), 'timezone: Pacific/Auckland\n');
    const otherZone = await load();
    assert.equal(otherZone.readCount, 12, 'every file is read again');
    assert.deepEqual(readBack(otherZone.articles), (await uncached()).articles);
    assert.notDeepEqual(
      otherZone.articles.map((article) => article.date.epochMs),
      known.articles.map((article) => article.date.epochMs),
      'the dates are those of the new time zone',
    );
  });

  test('day after day of news and edits, the cache stays a few packs, holds what the articles are now, and gives what reading them gives', async () => {
    const cwd = writeTree(articles(40));
    const cache = new BuildCache(path.join(cwd, '.cache'));
    const cacheFiles = () =>
      readdirSync(path.join(cwd, '.cache'), { recursive: true, encoding: 'utf8' })
        .map((name) => path.join(cwd, '.cache', name))
        .filter((file) => statSync(file).isFile());
    const load = async () => {
      const cached = await loadContent('content', cwd, { step: prepareStep, cache });
      assert.deepEqual(readBack(cached.articles), (await loadContent('content', cwd, { step: prepareStep })).articles, 'what reading every file gives');
      return cached;
    };
    await load();
    const firstFiles = cacheFiles();
    for (let day = 0; day < 12; day++) {
      writeTree({ [`content/2026/02/day-${day}.md`]: article({ title: `News of day ${day}`, date: `2026-02-${String(day + 1).padStart(2, '0')}` }, `<p>What happened on day ${day}.</p>`) }, cwd);
      if (day % 3 === 0) writeTree({ [`content/2026/01/a-${day}.md`]: article({ title: `Article number ${day}, corrected`, date: '2026-01-20' }, '<p>Corrected.</p>') }, cwd);
      const loaded = await load();
      assert.equal(loaded.articles.length, 40 + day + 1);
      const packs = cacheFiles().filter((file) => file.endsWith('.pack'));
      assert.ok(packs.length <= 2, `day ${day + 1}: ${packs.length} packs, the small ones merged`);
    }
    // Every article edited: no entry of the first load is of use, and no file of it is left.
    for (let i = 0; i < 40; i++) writeTree({ [`content/2026/01/a-${i}.md`]: article({ title: `Article ${i}, rewritten`, date: '2026-01-21' }, `<p>Rewritten ${i}.</p>`) }, cwd);
    await load();
    const after = cacheFiles();
    assert.deepEqual(
      after.filter((file) => file.endsWith('.pack') && firstFiles.includes(file)),
      [],
      'the packs of the first load, whose entries are all out of date, are gone',
    );
    const written = new Map(after.map((file) => [file, statSync(file).mtimeMs]));
    await load();
    assert.deepEqual(new Map(cacheFiles().map((file) => [file, statSync(file).mtimeMs])), written, 'the next load reads it all from the cache');
  });
});
