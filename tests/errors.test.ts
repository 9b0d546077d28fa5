/** Errors keep their cause across worker threads, and the CLI says the whole chain. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Worker } from 'node:worker_threads';
import { describeError, receivedError, sendableError } from '../src/errors.ts';

test('an error sent from a worker thread comes back with its message, stack and cause', async () => {
  // A real thread: what crosses is a structured clone, as between the build and its workers.
  const worker = new Worker(
    `const { parentPort } = require('node:worker_threads');
     parentPort.on('message', (sent) => parentPort.postMessage(sent));`,
    { eval: true },
  );
  const inner = new TypeError('pagefind: no such file');
  const outer = new Error('the search index part 2025 could not be built', { cause: inner });
  const echoed = await new Promise<unknown>((resolve) => {
    worker.once('message', resolve);
    worker.postMessage(sendableError(outer));
  });
  await worker.terminate();
  const error = receivedError(echoed as ReturnType<typeof sendableError>);
  assert.equal(error.message, outer.message);
  assert.equal(error.stack, outer.stack);
  assert.ok(error.cause instanceof Error);
  assert.equal((error.cause as Error).name, 'TypeError');
  assert.equal((error.cause as Error).message, 'pagefind: no such file');
  assert.equal((error.cause as Error).stack, inner.stack);
});

test('the chain is said outermost first; with stacks, numbered', () => {
  const error = new Error('a loading worker failed', { cause: new Error('content/a.md could not be read', { cause: new RangeError('bad') }) });
  assert.deepEqual(describeError(error), ['a loading worker failed', '  caused by: content/a.md could not be read', '  caused by: bad']);
  const numbered = describeError(error, { withStacks: true });
  assert.equal(numbered.length, 3);
  assert.match(numbered[0]!, /^1\. Error: a loading worker failed\n +at /);
  assert.match(numbered[2]!, /^3\. caused by: RangeError: bad/);
});

test('a cause that is its own cause does not loop', () => {
  const error = new Error('loop');
  error.cause = error;
  assert.deepEqual(describeError(error), ['loop']);
  assert.equal(sendableError(error).message, 'loop');
});

test('a message too long to read is cut, and the cause that says what went wrong still follows it', () => {
  const files = Array.from({ length: 2000 }, (_, n) => `"_site/2016/07/13/article-${n}/index.html"`).join(', ');
  const diskFull = Object.assign(new Error("ENOSPC: no space left on device, mkdir '_site/2016/07/13/article-7'"), { code: 'ENOSPC' });
  const lines = describeError(new Error(`Having trouble writing to ${files} from "article.njk"`, { cause: diskFull }));
  assert.equal(lines.length, 2);
  assert.ok(lines[0]!.length < 700, `${lines[0]!.length} characters`);
  assert.match(lines[0]!, /^Having trouble writing to "_site\/2016\/07\/13\/article-0\/index.html".*more characters: NEWS_ARCHIVE_DEBUG=1 shows them\)$/);
  assert.equal(lines[1], "  caused by: ENOSPC: no space left on device, mkdir '_site/2016/07/13/article-7'");
});
