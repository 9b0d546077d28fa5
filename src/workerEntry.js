// Where every worker thread starts (see workerThread.ts): workers do not
// inherit the main thread's TypeScript loader, so tsx is registered first.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.module);
