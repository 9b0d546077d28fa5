/** Makes, in a worker thread, the folders of the pages it is sent (`outputFolders.ts`), parents first, until it is told to end. */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { parentPort } from 'node:worker_threads';
import { outputFileOf } from '../routes.ts';
import { workerInput } from '../workerThread.ts';

const outputDir = workerInput<string>();

parentPort!.on('message', (urls: string[] | 'end') => {
  if (urls === 'end') return parentPort!.close();
  for (const folder of [...new Set(urls.map((url) => path.dirname(outputFileOf(outputDir, url))))].sort()) {
    try {
      mkdirSync(folder, { recursive: true });
    } catch {
      // Made by the Eleventy that writes the page, or it says why it cannot.
    }
  }
});
