/** Failures outside the content, as a user meets them from the installed command. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { article, runBin, writeTree } from '../helpers.ts';

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
});
