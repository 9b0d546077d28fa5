/**
 * Runs a file step on the files it is sent, in a worker thread: the
 * CPU-bound part of loading (YAML, validation, sanitizing) spread over the
 * machine's cores. The step comes from its module, as functions cannot be
 * sent to a thread.
 */
import { parentPort } from 'node:worker_threads';
import { sendableError, type SentError } from '../errors.ts';
import type { ReadingSettings } from '../schema/site.ts';
import { workerInput } from '../workerThread.ts';
import type { FileResult, FileStep, LoadedArticle } from './checkFile.ts';
import { batchRunner, type FileJob } from './fileJobs.ts';
import type { WrittenPack } from '../cache/fileCache.ts';

export interface WorkerSetup {
  site: ReadingSettings;
  /** The module that exports the step as `step`. */
  stepModule: string;
  /** The folder of the file cache that results are written to (see `FileJob.cacheKey`); none without a cache. */
  cacheFolder?: string | undefined;
}

export interface JobBatch {
  id: number;
  jobs: FileJob[];
}

/** A batch's results and the pack their cache entries went to, or the error that stopped it (a bug: problems with content are results). */
export type BatchReply<A> = { id: number; results: FileResult<A>[]; pack?: WrittenPack | undefined; error?: undefined } | { id: number; error: SentError };

const { site, stepModule, cacheFolder } = workerInput<WorkerSetup>();
const { step } = (await import(stepModule)) as { step: FileStep<LoadedArticle> };
const run = batchRunner(step, site, cacheFolder);
parentPort!.on('message', ({ id, jobs }: JobBatch) => {
  let reply: BatchReply<LoadedArticle>;
  try {
    reply = { id, ...run(jobs) };
  } catch (error) {
    reply = { id, error: sendableError(error) };
  }
  parentPort!.postMessage(reply);
});
