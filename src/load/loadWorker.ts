/**
 * Runs a file step on the files it is sent, in a worker thread: the
 * CPU-bound part of loading (YAML, validation, sanitizing) spread over the
 * machine's cores. The step comes from its module, as functions cannot be
 * sent to a thread.
 */
import { parentPort } from 'node:worker_threads';
import type { SiteSettings } from '../schema/site.ts';
import { workerInput } from '../workerThread.ts';
import type { FileStep, LoadedArticle } from './checkFile.ts';

export interface WorkerSetup {
  site: SiteSettings;
  /** The module that exports the step as `step`. */
  stepModule: string;
}

export interface FileJob {
  file: string;
  bytes: Uint8Array;
}

export interface JobBatch {
  id: number;
  jobs: FileJob[];
}

const { site, stepModule } = workerInput<WorkerSetup>();
const { step } = (await import(stepModule)) as { step: FileStep<LoadedArticle> };
parentPort!.on('message', ({ id, jobs }: JobBatch) => {
  parentPort!.postMessage({ id, results: jobs.map(({ file, bytes }) => step.run(file, bytes, site)) });
});
