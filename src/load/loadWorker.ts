/**
 * Reads the content files it is sent, in a worker thread: the CPU-bound part
 * of loading (YAML, validation, sanitizing) spread over the machine's cores.
 */
import { parentPort } from 'node:worker_threads';
import type { SiteSettings } from '../schema/site.ts';
import { workerInput } from '../workerThread.ts';
import { readContentFile, type ReadMode } from './readContentFile.ts';

export interface WorkerSetup {
  site: SiteSettings;
  mode: ReadMode;
}

export interface FileJob {
  file: string;
  bytes: Uint8Array;
}

export interface JobBatch {
  id: number;
  jobs: FileJob[];
}

const { site, mode } = workerInput<WorkerSetup>();
parentPort!.on('message', ({ id, jobs }: JobBatch) => {
  parentPort!.postMessage({ id, results: jobs.map(({ file, bytes }) => readContentFile(file, bytes, site, mode)) });
});
