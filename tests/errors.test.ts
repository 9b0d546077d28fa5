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
