/**
 * Past one machine: `build --shard K/N` builds a disjoint part of the site,
 * and `merge` joins the parts into the site one build makes, byte for byte,
 * search index included.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { parseShard } from '../../src/archive/shards.ts';
import { assertSameFiles, filesOf, runCli, tempDir, writeTree } from '../helpers.ts';
import { generateCorpus } from '../support/generateCorpus.ts';

const baseUrl = 'https://shards.example/';

describe('a site built in shards and merged', () => {
  test('three years in two shards, merged: the site one build makes, byte for byte', async () => {
    const cwd = tempDir();
    generateCorpus(path.join(cwd, 'content'), 240, { years: 3, sources: 8, tags: 30, seed: 3 });
    const build = async (...args: string[]) => {
      const run = await runCli(['build', '--base-url', baseUrl, ...args], { cwd });
      assert.equal(run.code, 0, run.stderr);
      return run;
    };
    await build('--output', '_one');
    const first = await build('--output', '_shard-1', '--shard', '1/2');
    await build('--output', '_shard-2', '--shard', '2/2');
    assert.match(first.stderr, /into _shard-1\/ \(part 1 of 2; news-archive merge joins the parts\)/);
    const merged = await runCli(['merge', '--output', '_site', '_shard-1', '_shard-2'], { cwd });
    assert.equal(merged.code, 0, merged.stderr);

    const one = filesOf(path.join(cwd, '_one'));
    const [shard1, shard2] = [filesOf(path.join(cwd, '_shard-1')), filesOf(path.join(cwd, '_shard-2'))];
    // Disjoint parts, each with a share of the work: the first has the pages across years, the second a year of articles and its index part.
    // Only the site's own assets, which every build writes, are in both, the same.
    const inBoth = [...shard1.keys()].filter((file) => shard2.has(file));
    assert.ok(inBoth.length > 0 && inBoth.every((file) => (file === '_headers' || file.startsWith('assets/')) && shard1.get(file)!.equals(shard2.get(file)!)), inBoth.join(', '));
    assert.ok(shard1.has('index.html') && shard1.has('feed.xml') && shard1.has('sitemap.xml') && !shard2.has('index.html'));
    const years = (files: Map<string, Buffer>) => new Set([...files.keys()].filter((file) => /^\d{4}\/\d{2}\/\d{2}\/[^/]+\/index\.html$/.test(file)).map((file) => file.slice(0, 4)));
    assert.ok(years(shard2).size > 0 && years(shard1).size > 0, 'each shard renders articles of its years');
    assert.ok([...shard2.keys()].some((file) => file.startsWith('pagefind/')), 'the second shard indexes its years');

    assertSameFiles(path.join(cwd, '_site'), path.join(cwd, '_one'));
    assert.match(merged.stderr, new RegExp(`^Merged 2 shards into _site/ in [\\d.]+ s: ${one.size.toLocaleString('en-US')} files$`, 'm'));
  });

  test('a part with no year to build, when there are more parts than years, builds nothing and says so, and merges', async () => {
    const cwd = writeTree({ 'content/2026/01/a.md': '---\ntitle: A\ndate: 2026-01-06\n---\nText of the only article.\n' });
    const runs = [];
    for (const part of ['1/3', '2/3', '3/3']) {
      const run = await runCli(['build', '--shard', part, '--output', `_part-${part[0]}`], { cwd });
      assert.equal(run.code, 0, run.stderr);
      runs.push(run);
    }
    assert.match(runs[2]!.stderr, /^Built 0 of 1 article file into _part-3\/ \(part 3 of 3; news-archive merge joins the parts\) in [\d.]+ s: 0 pages, 0 other files, 0 pages in the search index$/m);
    assert.match(runs[1]!.stderr, /^Built 1 of 1 article file into _part-2\//m);
    const merged = await runCli(['merge', '--output', '_site', '_part-1', '_part-2', '_part-3'], { cwd });
    assert.equal(merged.code, 0, merged.stderr);
    assert.ok(existsSync(path.join(cwd, '_site/index.html')) && existsSync(path.join(cwd, '_site/2026/01/06/a/index.html')));
  });

  test('--shard takes K/N, from 1/N to N/N', async () => {
    assert.deepEqual(parseShard('2/4'), { number: 2, count: 4 });
    for (const wrong of ['0/2', '3/2', '2', 'a/b', '1/0']) {
      const run = await runCli(['build', '--shard', wrong], { cwd: writeTree({ 'content/a.md': '---\ntitle: A\ndate: 2026-01-06\n---\nText.\n' }) });
      assert.equal(run.code, 2, wrong);
      assert.match(run.stderr, new RegExp(`--shard expects K/N, .*not "${wrong}"`));
    }
  });

  test('merge refuses shards that differ, and a folder that is not empty, and writes nothing', async () => {
    const cwd = writeTree({
      'a/index.html': '<p>one</p>',
      'a/2024/index.html': '<p>2024</p>',
      'b/index.html': '<p>another</p>',
      'b/2025/index.html': '<p>2025</p>',
      'full/kept.txt': 'a file of the user',
    });
    const conflict = await runCli(['merge', '--output', '_site', 'a', 'b'], { cwd });
    assert.equal(conflict.code, 2);
    assert.match(conflict.stderr, /index\.html: differs between the shards a and b/);
    assert.ok(!existsSync(path.join(cwd, '_site', '2024')), 'nothing was written');
    const notEmpty = await runCli(['merge', '--output', 'full', 'a'], { cwd });
    assert.equal(notEmpty.code, 2);
    assert.match(notEmpty.stderr, /the output folder full is not empty/);
    assert.equal(readFileSync(path.join(cwd, 'full/kept.txt'), 'utf8'), 'a file of the user');
    const missing = await runCli(['merge', 'nowhere'], { cwd });
    assert.match(missing.stderr, /the shard folder nowhere is not there/);
  });
});
