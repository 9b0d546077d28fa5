/**
 * Renders shares of a site's pages in a worker process, with an Eleventy of
 * its own, so that a large site renders on more than one core and the memory
 * of rendering goes back to the system when it is done (`renderSite.ts`
 * hands out the shares; `workerProcess.ts`).
 */
import { collectGarbage } from '../collectGarbage.ts';
import { sendableError, type SentError } from '../errors.ts';
import { loadEleventy, runEleventy, type RenderData } from './eleventyRun.ts';
import type { Templates } from './siteTemplates.ts';

export interface RenderJob {
  data: RenderData;
  outputDir: string;
  templates: Templates;
}

export type RenderJobResult = { error?: undefined } | { error: SentError };

const answer = (result: RenderJobResult) => process.send!(result);

// The build stopped (it was killed, say): nothing is left to render for.
process.on('disconnect', () => process.exit(0));

// Eleventy loaded while the build makes the pages (a process started early: `makeSite.ts`), not when they arrive.
loadEleventy().catch(() => undefined);

process.on('message', (job: RenderJob) => {
  runEleventy(job.data, job.outputDir, job.templates).then(
    () => {
      // The share is written: what rendering it made is garbage, collected before the next share arrives.
      collectGarbage();
      answer({});
    },
    (error: unknown) => answer({ error: sendableError(error) }),
  );
});
