/**
 * Worker threads running the tool's modules: workers do not inherit the
 * main thread's TypeScript loader, so every worker starts in
 * `workerEntry.js`, which registers tsx when the module is TypeScript (the
 * tool run from its sources) and then imports the module asked for.
 */
import { setFlagsFromString } from 'node:v8';
import { Worker, workerData } from 'node:worker_threads';

interface WorkerStart {
  module: string;
  data: unknown;
}

export interface WorkerOptions {
  /**
   * Each half of the worker's young generation, in MB, in place of the process's. A build's is 64 MB
   * (`bin/news-archive.js`), for the millions of short-lived objects its main thread makes; a worker that makes
   * few would hold 128 MB for nothing. V8 sizes an isolate's heap from its flags as the isolate is made: they
   * are set for that moment, and put back once the worker runs.
   */
  semiSpaceMb?: number | undefined;
}

/** A worker running `module` (a URL, as from `moduleBeside('./x', import.meta.url)`), which reads `data` with `workerInput()`. */
export function startWorker(module: URL, data: unknown, { semiSpaceMb }: WorkerOptions = {}): Worker {
  const start = () =>
    new Worker(new URL('./workerEntry.js', import.meta.url), { workerData: { module: module.href, data } satisfies WorkerStart, execArgv: [] });
  if (semiSpaceMb === undefined) return start();
  setSemiSpace(semiSpaceMb, semiSpaceMb);
  workersSized += 1;
  const worker = start();
  let sized = false;
  const putBack = () => {
    if (sized) return;
    sized = true;
    workersSized -= 1;
    if (workersSized === 0) setSemiSpace(processSemiSpace('max'), processSemiSpace('min'));
  };
  worker.once('online', putBack).once('error', putBack).once('exit', putBack);
  return worker;
}

/** Workers started with a young generation of their own that are not running yet. */
let workersSized = 0;

const setSemiSpace = (max: number, min: number): void => {
  // 0 is V8's own default.
  setFlagsFromString(`--max-semi-space-size=${max}`);
  setFlagsFromString(`--min-semi-space-size=${min}`);
};

/** The process's own size, as it was started with it; 0 (V8's default) when it was not. */
function processSemiSpace(bound: 'max' | 'min'): number {
  const flag = `--${bound}-semi-space-size=`;
  const given = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)].findLast((argument) => argument.startsWith(flag));
  return given === undefined ? 0 : Number(given.slice(flag.length)) || 0;
}

/** In a worker: the `data` it was started with. */
export const workerInput = <T>(): T => (workerData as WorkerStart).data as T;
