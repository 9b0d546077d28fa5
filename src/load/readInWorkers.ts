/**
 * Spreads file reading over the machine's cores: the main thread and one
 * worker thread per other core take batches in turn from one queue, and the
 * results come back in the order of the input. The main thread works too, so
 * that nothing waits while the workers start (about half a second each).
 */
import { availableParallelism } from 'node:os';
import { setImmediate as yieldToEvents } from 'node:timers/promises';
import { receivedError } from '../errors.ts';
import type { ReadingSettings } from '../schema/site.ts';
import { startWorker } from '../workerThread.ts';
import type { FileResult, FileStep, LoadedArticle } from './checkFile.ts';
import { batchRunner, type BatchResult, type FileJob } from './fileJobs.ts';
import type { WrittenPack } from '../cache/fileCache.ts';
import type { BatchReply, JobBatch, WorkerSetup } from './loadWorker.ts';
import { moduleBeside } from '../paths.ts';

/** Files per batch: large enough to make messaging cheap, small enough to share the work evenly. */
const batchSize = 50;

/** Batches each worker holds: the one it reads and the next. */
const batchesAhead = 2;

/** Below this many files, starting a worker costs more than it saves. */
export const filesWorthWorkers = 1000;

/** Threads reading files, the main one included. */
export const threadCount = (): number => Math.max(1, Math.min(availableParallelism(), 8));

/**
 * Runs `step` on every job; the results of jobs with a `cacheKey` are written to `cacheFolder` by the thread that
 * reads them, a pack per batch: returned with the results.
 */
export async function readInWorkers<A extends LoadedArticle>(
  jobs: readonly FileJob[],
  site: ReadingSettings,
  step: FileStep<A>,
  cacheFolder?: string,
): Promise<{ results: FileResult<A>[]; packs: WrittenPack[] }> {
  const results: FileResult<A>[] = new Array(jobs.length);
  const packs: WrittenPack[] = [];
  const batches: JobBatch[] = [];
  for (let start = 0; start < jobs.length; start += batchSize) batches.push({ id: start, jobs: jobs.slice(start, start + batchSize) });
  const store = (id: number, batch: BatchResult<A>) => {
    batch.results.forEach((result, offset) => {
      results[id + offset] = result;
    });
    if (batch.pack) packs.push(batch.pack);
  };
  let next = 0;

  const setup: WorkerSetup = { site, stepModule: step.module.href, cacheFolder };
  const run = batchRunner(step, site, cacheFolder);
  const workers = Array.from({ length: threadCount() - 1 }, () => startWorker(moduleBeside('./loadWorker', import.meta.url), setup));
  const inWorkers = workers.map(
    (worker) =>
      new Promise<void>((resolve, reject) => {
        let inFlight = 0;
        const sendNext = () => {
          const batch = batches[next++];
          if (batch) {
            inFlight += 1;
            worker.postMessage(batch);
          } else if (inFlight === 0) resolve();
        };
        worker.on('message', (reply: BatchReply<A>) => {
          if (reply.error) return reject(receivedError(reply.error));
          inFlight -= 1;
          store(reply.id, reply);
          sendNext();
        });
        worker.on('error', (error) => reject(new Error('a loading worker failed', { cause: error })));
        worker.on('exit', (code) => reject(new Error(`a loading worker stopped (exit code ${code})`)));
        // Batches ahead: the next is sent when the main thread is between two of its own, so a worker with only
        // one would wait for it (the loading stage kept 1.5 of 2 cores busy).
        for (let ahead = 0; ahead < batchesAhead; ahead++) sendNext();
      }),
  );
  try {
    // The main thread's share: a batch at a time, letting the workers' results in between.
    for (let batch = batches[next++]; batch; batch = batches[next++]) {
      store(batch.id, run(batch.jobs));
      await yieldToEvents();
    }
    await Promise.all(inWorkers);
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  return { results, packs };
}
