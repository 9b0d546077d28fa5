/**
 * Worker threads running the tool's modules: workers do not inherit the
 * main thread's TypeScript loader, so every worker starts in
 * `workerEntry.js`, which registers tsx when the module is TypeScript (the
 * tool run from its sources) and then imports the module asked for.
 */
import { Worker, workerData } from 'node:worker_threads';

interface WorkerStart {
  module: string;
  data: unknown;
}

/** A worker running `module` (a URL, as from `moduleBeside('./x', import.meta.url)`), which reads `data` with `workerInput()`. */
export const startWorker = (module: URL, data: unknown): Worker =>
  new Worker(new URL('./workerEntry.js', import.meta.url), { workerData: { module: module.href, data } satisfies WorkerStart, execArgv: [] });

/** In a worker: the `data` it was started with. */
export const workerInput = <T>(): T => (workerData as WorkerStart).data as T;
