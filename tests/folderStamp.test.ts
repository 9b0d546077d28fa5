/**
 * The stamp that lets a build stop before reading a file: it must change
 * with anything a build reads, even an edit that keeps the file's size and
 * times, and not be given while a file is too new to be told apart by them.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdirSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { folderStamp, settledAfterMs, statSignature, type SettledStats } from '../src/cache/folderStamp.ts';
import { writeTree } from './helpers.ts';

/** As a build a while later sees it, when every file has settled. */
const later = () => Date.now() + settledAfterMs + 1_000;
const stampOf = (folder: string, now = later()) => folderStamp([folder], createHash('sha256'), now);

test('a folder stamps the same until something in it changes, whatever kind of change it is', () => {
  const root = writeTree({ 'content/2026/a.md': 'first text\n', 'content/2026/b.md': 'second\n', 'content/pictures/c.jpg': 'jpeg' });
  const content = path.join(root, 'content');
  // Whole seconds, which a file's times can be set back to exactly (as `cp -p`, `rsync -t` and archives do).
  const aFile = path.join(content, '2026/a.md');
  const aTime = new Date('2026-01-01T00:00:00Z');
  utimesSync(aFile, aTime, aTime);
  const first = stampOf(content);
  assert.ok(first);
  assert.equal(stampOf(content), first);

  const seen = new Set([first]);
  const changes: [string, () => void][] = [
    [
      'an edit of the same size, its times set back',
      () => {
        writeFileSync(aFile, 'FIRST TEXT\n');
        utimesSync(aFile, aTime, aTime);
        assert.equal(statSync(aFile).mtimeMs, aTime.getTime());
      },
    ],
    ['a new file', () => writeFileSync(path.join(content, '2026/new.md'), 'new\n')],
    ['a renamed file', () => renameSync(path.join(content, '2026/b.md'), path.join(content, '2026/b2.md'))],
    ['a removed picture', () => rmSync(path.join(content, 'pictures/c.jpg'))],
    ['an empty folder', () => mkdirSync(path.join(content, 'empty'))],
  ];
  for (const [change, make] of changes) {
    make();
    const stamp = stampOf(content);
    assert.ok(stamp && !seen.has(stamp), `${change} changes the stamp`);
    seen.add(stamp);
  }
});

test('while a file has just changed, there is no stamp: only reading it tells', () => {
  const root = writeTree({ 'content/a.md': 'text\n' });
  const content = path.join(root, 'content');
  assert.equal(stampOf(content, Date.now()), undefined);
  assert.ok(stampOf(content));
  assert.equal(stampOf(path.join(root, 'not-there')), undefined);
});

test('what version control keeps beside the content does not change the stamp', () => {
  const root = writeTree({ 'content/a.md': 'text\n', 'content/.git/HEAD': 'ref: refs/heads/main\n' });
  const content = path.join(root, 'content');
  const before = stampOf(content);
  writeFileSync(path.join(content, '.git/HEAD'), 'ref: refs/heads/other\n');
  writeFileSync(path.join(content, '.git/index'), 'index');
  assert.equal(stampOf(content), before);
});

test('the stamp hands loading the stat of each settled file, and none of a file too new to be told apart by it', () => {
  const root = writeTree({ 'content/2026/a.md': 'first text\n', 'content/2026/a.revisions.yaml': '[]\n', 'content/site.yaml': 'title: T\n' });
  const content = path.join(root, 'content');
  const files = ['2026/a.md', '2026/a.revisions.yaml', 'site.yaml'].map((file) => path.join(content, file));

  const settled: SettledStats = new Map();
  folderStamp([content], createHash('sha256'), later(), settled);
  assert.deepEqual(
    [...settled].sort(),
    files.map((file) => [file, statSignature(statSync(file))]).sort(),
    'every file, by the stat a second stat would give; no folder',
  );

  // As a build sees it at once: every file was just written, so its stat is not trusted.
  const fresh: SettledStats = new Map();
  folderStamp([content], createHash('sha256'), Date.now(), fresh);
  assert.equal(fresh.size, 0);
});
