// Where every worker thread starts (see workerThread.ts): workers do not
// inherit the main thread's TypeScript loader, so tsx is registered first
// when the module is TypeScript (the tool run from its sources, not `lib/`).
import { workerData } from 'node:worker_threads';

if (workerData.module.endsWith('.ts')) (await import('tsx/esm/api')).register();
await import(workerData.module);
