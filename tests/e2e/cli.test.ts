/** Failures outside the content, as a user meets them from the installed command. */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, readdirSync, readlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { article, projectRoot, runBin, tempDir, writeTree } from '../helpers.ts';
import { generateCorpus } from '../support/generateCorpus.ts';

const good = article({ title: 'Good', date: '2026-01-06' });

describe('news-archive build: a failure outside the content', () => {
  test('a failure that is not in the content (here Pagefind cannot start) is one line that says what, exit 1', async () => {
    const cwd = writeTree({ 'content/a.md': good });
    // Where Pagefind's npm package looks for its program first.
    const run = await runBin(['build'], { cwd, env: { PAGEFIND_EXTENDED_BINARY_PATH: '/nonexistent/pagefind' } });
    assert.equal(run.code, 1, run.stderr);
    assert.match(run.stderr, /^news-archive build: the search index part 2026-01 could not be built: .+$/m);
    assert.match(run.stderr, /NEWS_ARCHIVE_DEBUG=1/);
    assert.doesNotMatch(run.stderr, /at .*src\/search\/indexSearch\.ts/, 'no stack trace of ours unless asked');

    // Asked for, the whole chain: the build's error, then the one raised inside the worker thread by Pagefind's library, each with its stack.
    const debug = await runBin(['build'], { cwd, env: { PAGEFIND_EXTENDED_BINARY_PATH: '/nonexistent/pagefind', NEWS_ARCHIVE_DEBUG: '1' } });
    assert.equal(debug.code, 1, debug.stderr);
    assert.match(debug.stderr, /^1\. Error: the search index part 2026-01 could not be built/m);
    assert.match(debug.stderr, /^2\. caused by: Error: .+\n +at .*node_modules\/pagefind\//m);
  });

  test('a build stopped by a signal to the command stops whole: it ends by that signal, and no process it started is left', async () => {
    const cwd = tempDir();
    generateCorpus(path.join(cwd, 'content'), 600);
    const build = spawn(process.execPath, [path.join(projectRoot, 'bin', 'news-archive.js'), 'build'], { cwd, stdio: 'ignore' });
    const ended = once(build, 'exit');
    // Under way: reading the files, in threads that write what they read to the cache.
    while (!existsSync(path.join(cwd, '.cache', 'news-archive', 'build', 'packs')) && build.exitCode === null) await sleep(20);
    assert.equal(build.exitCode, null, 'the build is still running');
    build.kill('SIGTERM');
    const [code, signal] = await ended;
    assert.deepEqual({ code, signal }, { code: null, signal: 'SIGTERM' });
    await sleep(500);
    // Every process of the build works in its folder.
    const inFolder = (pid: string) => {
      try {
        return readlinkSync(`/proc/${pid}/cwd`) === cwd;
      } catch {
        return false;
      }
    };
    const left = readdirSync('/proc').filter((entry) => /^\d+$/.test(entry) && inFolder(entry));
    assert.deepEqual(left, [], 'no process of the build is left');
  });
});
