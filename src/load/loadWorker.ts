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
import type { FileResult, FileStep, LoadedArticle, RevisionsInput } from './checkFile.ts';

export interface WorkerSetup {
  site: ReadingSettings;
  /** The module that exports the step as `step`. */
  stepModule: string;
}

export interface FileJob {
  /** As problems name it: relative to the working folder. */
  file: string;
  /** Relative to the content folder, `/`-separated: where the article sat in the site it came from. */
  inContent: string;
  bytes: Uint8Array;
  /** The revisions file beside it, if any. */
  revisions?: RevisionsInput | undefined;
}

export interface JobBatch {
  id: number;
  jobs: FileJob[];
}

/** A batch's results, or the error that stopped it (a bug: problems with content are results). */
export type BatchReply<A> = { id: number; results: FileResult<A>[]; error?: undefined } | { id: number; error: SentError };

const { site, stepModule } = workerInput<WorkerSetup>();
const { step } = (await import(stepModule)) as { step: FileStep<LoadedArticle> };
parentPort!.on('message', ({ id, jobs }: JobBatch) => {
  const results: FileResult<LoadedArticle>[] = [];
  for (const { file, inContent, bytes, revisions } of jobs) {
    try {
      results.push(step.run(file, bytes, site, inContent, revisions));
    } catch (error) {
      parentPort!.postMessage({ id, error: sendableError(new Error(`${file} could not be read`, { cause: error })) } satisfies BatchReply<LoadedArticle>);
      return;
    }
  }
  parentPort!.postMessage({ id, results } satisfies BatchReply<LoadedArticle>);
});
