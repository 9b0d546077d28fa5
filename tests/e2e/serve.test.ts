/**
 * `news-archive serve`, run as a user runs it (a separate process): it serves
 * the preview with drafts marked, and an edit to an article or to a template
 * shows up in the served page without restarting it.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, cpSync, readFileSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { article, projectRoot, tempDir, writeTree } from '../helpers.ts';

/** A port nobody is listening on right now. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Fetches `url` until `check` passes on its text, or fails after `seconds`. */
async function eventually(url: string, check: (text: string) => boolean, seconds = 20): Promise<string> {
  const deadline = Date.now() + seconds * 1000;
  let last = '';
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      last = await response.text();
      if (response.ok && check(last)) return last;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  assert.fail(`${url} did not show what was expected within ${seconds} s; last answer:\n${last.slice(0, 500)}`);
}

describe('serve', () => {
  const cwd = writeTree({
    'content/site.yaml': 'title: Preview\n',
    'content/2026/01/story.md': article({ title: 'First title', date: '2026-01-06', slug: 'story' }, '<p>Story text.</p>'),
    'content/2026/01/unfinished-piece.md': article({ title: 'Unfinished piece', date: '2026-01-07', draft: 'true' }),
  });
  let server: ChildProcess;
  let origin = '';
  let output = '';

  before(async () => {
    const port = await freePort();
    origin = `http://localhost:${port}`;
    server = spawn(process.execPath, [path.join(projectRoot, 'bin', 'news-archive.js'), 'serve', '--port', String(port)], {
      cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    server.stdout?.on('data', (chunk) => (output += chunk));
    server.stderr?.on('data', (chunk) => (output += chunk));
    await eventually(`${origin}/`, (text) => text.includes('First title'));
  });

  after(async () => {
    if (server.exitCode === null) {
      server.kill('SIGINT');
      await new Promise((resolve) => server.once('exit', resolve));
    }
  });

  test('serves the site with drafts shown and marked as drafts', async () => {
    const home = await eventually(`${origin}/`, (text) => text.includes('Unfinished piece'));
    assert.match(home, /<span class="draft-mark">Draft<\/span> <a href="2026\/01\/07\/unfinished-piece\/">Unfinished piece<\/a>/);
    const draft = await eventually(`${origin}/2026/01/07/unfinished-piece/`, () => true);
    assert.match(draft, /class="draft-mark">Draft: shown in the preview only/);
    assert.match(output, /Serving http:\/\/localhost:\d+\/ with drafts shown/);
  });

  test('an edited article shows its new title in the served page, and pages it is not on are not written again', async () => {
    const untouched = ['404.html', 'search/index.html', 'archive/index.html'].map((file) => path.join(cwd, '_preview', file));
    const before = untouched.map((file) => statSync(file).mtimeMs);
    const file = path.join(cwd, 'content/2026/01/story.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('title: First title', 'title: Second title, edited'));
    await eventually(`${origin}/2026/01/06/story/`, (text) => text.includes('<h1>Second title, edited</h1>'));
    await eventually(`${origin}/`, (text) => text.includes('Second title, edited') && !text.includes('First title'));
    // The counts by month, the search page and the 404 page do not show titles.
    assert.deepEqual(
      untouched.map((file) => statSync(file).mtimeMs),
      before,
    );
  });

  test('a new article appears, and an invalid one is reported while the rest is still served', async () => {
    writeFileSync(path.join(cwd, 'content/2026/01/added.md'), article({ title: 'Added later', date: '2026-01-08' }));
    writeFileSync(path.join(cwd, 'content/2026/01/broken.md'), article({ title: 'Broken', date: '2026-13-45' }));
    await eventually(`${origin}/`, (text) => text.includes('Added later'));
    const deadline = Date.now() + 10_000;
    while (!/content\/2026\/01\/broken\.md:\d+: date: expected a date/.test(output) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.match(output, /content\/2026\/01\/broken\.md:\d+: date: expected a date/);
    assert.match(output, /Built 3 articles in [\d.]+ s \(1 error, 0 warnings in 4 article files; articles with errors are left out\)/);
  });

  test('stops cleanly on Ctrl+C', async () => {
    server.kill('SIGINT');
    const code = await new Promise((resolve) => server.once('exit', resolve));
    assert.equal(code, 0);
  });
});

describe('serve: a template edited while it runs', () => {
  // A copy of the tool whose templates can be edited (the real ones are left alone).
  const tool = tempDir();
  for (const part of ['bin', 'src', 'templates', '.eleventy.ts', 'package.json'])
    cpSync(path.join(projectRoot, part), path.join(tool, part), { recursive: true });
  symlinkSync(path.join(projectRoot, 'node_modules'), path.join(tool, 'node_modules'));
  const cwd = writeTree({ 'content/2026/01/story.md': article({ title: 'A story', date: '2026-01-06' }) });
  let server: ChildProcess;
  let origin = '';

  before(async () => {
    const port = await freePort();
    origin = `http://localhost:${port}`;
    server = spawn(process.execPath, [path.join(tool, 'bin', 'news-archive.js'), 'serve', '--port', String(port)], { cwd, stdio: 'ignore' });
    await eventually(`${origin}/`, (text) => text.includes('A story'));
  });

  after(async () => {
    server.kill('SIGINT');
    await new Promise((resolve) => server.once('exit', resolve));
  });

  test('is what the next build renders', async () => {
    const template = path.join(tool, 'templates', 'list.njk');
    writeFileSync(template, readFileSync(template, 'utf8').replace('</h1>', '</h1><p class="marker">Template edited</p>'));
    await eventually(`${origin}/`, (text) => text.includes('Template edited'));
  });
});

describe('serve: every save, however it is written, and the address it really listens on', () => {
  const cwd = writeTree({
    'content/story.md': article({ title: 'Version 0', date: '2026-01-06', slug: 'story' }),
    'content/other.md': article({ title: 'Another story', date: '2026-01-05' }),
  });
  let server: ChildProcess;
  let blocker: Server;
  let output = '';
  let origin = '';

  before(async () => {
    // The port asked for is taken: the dev server listens on another, which is the one to print.
    const taken = await freePort();
    blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(taken, resolve));
    server = spawn(process.execPath, [path.join(projectRoot, 'bin', 'news-archive.js'), 'serve', '--port', String(taken)], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    server.stdout?.on('data', (chunk) => (output += chunk));
    server.stderr?.on('data', (chunk) => (output += chunk));
    const deadline = Date.now() + 30_000;
    while (!/Serving (http:\/\/localhost:\d+)\//.test(output) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    origin = /Serving (http:\/\/localhost:\d+)\//.exec(output)?.[1] ?? '';
    assert.notEqual(origin, `http://localhost:${taken}`, output);
  });

  after(async () => {
    blocker.close();
    if (server.exitCode === null) {
      server.kill('SIGKILL');
      await new Promise((resolve) => server.once('exit', resolve));
    }
  });

  test('the printed address serves the preview', async () => {
    await eventually(`${origin}/2026/01/06/story/`, (text) => text.includes('<h1>Version 0</h1>'));
  });

  test('twenty saves of one file, written in place, renamed over it, copied, or deleted and made again, each show', async () => {
    const file = path.join(cwd, 'content/story.md');
    const saves = [
      (text: string) => writeFileSync(file, text),
      (text: string) => {
        // As most editors save: a new file renamed over the old one.
        writeFileSync(`${file}.tmp`, text);
        renameSync(`${file}.tmp`, file);
      },
      (text: string) => {
        const copy = path.join(tempDir(), 'story.md');
        writeFileSync(copy, text);
        copyFileSync(copy, file);
      },
      (text: string) => {
        rmSync(file);
        writeFileSync(file, text);
      },
    ];
    for (let version = 1; version <= 20; version += 1) {
      saves[version % saves.length]!(article({ title: `Version ${version}`, date: '2026-01-06', slug: 'story' }));
      await eventually(`${origin}/2026/01/06/story/`, (text) => text.includes(`<h1>Version ${version}</h1>`));
    }
  });

  test('a broken article is left out, and restored it is back', async () => {
    const file = path.join(cwd, 'content/story.md');
    const good = readFileSync(file, 'utf8');
    writeFileSync(file, good.replace('date: 2026-01-06', 'date: 2026-13-45'));
    await eventually(`${origin}/`, (text) => text.includes('Another story') && !text.includes('Version 20'));
    writeFileSync(file, good);
    await eventually(`${origin}/2026/01/06/story/`, (text) => text.includes('<h1>Version 20</h1>'));
  });

  test('SIGTERM stops it', async () => {
    server.kill('SIGTERM');
    const code = await new Promise((resolve) => server.once('exit', resolve));
    assert.equal(code, 0);
  });
});
