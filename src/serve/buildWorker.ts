/**
 * Runs one build in a worker thread and posts its result back. A fresh
 * thread loads the tool's code and templates afresh, so that a template
 * edited while `serve` runs is what the next build renders (a build in the
 * same thread would use what its modules loaded and cached the first time).
 */
import { parentPort } from 'node:worker_threads';
import { buildSite, type BuildOptions } from '../buildSite.ts';
import { sendableError } from '../errors.ts';
import { workerInput } from '../workerThread.ts';

try {
  parentPort!.postMessage({ result: await buildSite(workerInput<BuildOptions>()) });
} catch (error) {
  parentPort!.postMessage({ error: sendableError(error) });
}
