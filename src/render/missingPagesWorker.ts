/** Checks, in a worker thread, which of the pages it is given have lost their file (`missingPages.ts`). */
import { parentPort } from 'node:worker_threads';
import { workerInput } from '../workerThread.ts';
import { missingPagesOf, type PagesToCheck } from './missingPages.ts';

parentPort!.postMessage(missingPagesOf(workerInput<PagesToCheck>()));
