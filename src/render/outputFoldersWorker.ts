/** Makes, in a worker thread, the folders of the pages it is sent (`outputFolders.ts`), parents first. */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { parentPort } from 'node:worker_threads';
import { workerInput } from '../workerThread.ts';
import { outputFileOf } from '../routes.ts';

const outputDir = workerInput<string>();
const made = new Set<string>();

parentPort!.on('message', (urls: string[]) => {
  const folders = [...new Set(urls.map((url) => path.dirname(outputFileOf(outputDir, url))))].filter((folder) => !made.has(folder)).sort();
  for (const folder of folders) {
    try {
      mkdirSync(folder, { recursive: true });
    } catch {
      // Made by the Eleventy that writes the page, or it says why it cannot.
    }
    made.add(folder);
  }
});
