/**
 * Renders a share of a site's pages in a worker thread, with an Eleventy of
 * its own, so that a large site renders on more than one core
 * (`renderSite.ts` hands out the shares).
 */
import { parentPort } from 'node:worker_threads';
import { collectGarbage } from '../collectGarbage.ts';
import { sendableError, type SentError } from '../errors.ts';
import { runEleventy, type RenderData } from './eleventyRun.ts';
import type { Templates } from './siteTemplates.ts';

export interface RenderJob {
  data: RenderData;
  outputDir: string;
  templates: Templates;
}

export type RenderJobResult = { error?: undefined } | { error: SentError };

parentPort!.on('message', (job: RenderJob) => {
  runEleventy(job.data, job.outputDir, job.templates).then(
    () => {
      // The share is written: what rendering it made is garbage, collected before the next share arrives.
      collectGarbage();
      parentPort!.postMessage({} satisfies RenderJobResult);
    },
    (error: unknown) => parentPort!.postMessage({ error: sendableError(error) } satisfies RenderJobResult),
  );
});
