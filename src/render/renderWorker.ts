/**
 * Renders shares of a site's pages in a worker process, with an Eleventy of
 * its own, so that a large site renders on more than one core and the memory
 * of rendering goes back to the system when it is done (`renderSite.ts`
 * hands out the shares; `workerProcess.ts`).
 */
import { collectGarbage } from '../collectGarbage.ts';
import { sendableError, type SentError } from '../errors.ts';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { deserialize } from 'node:v8';
import { loadEleventy, pagesByKind, runEleventy, withEleventy, type RenderData } from './eleventyRun.ts';
import type { Templates } from './siteTemplates.ts';
import type { SiteView } from '../archive/pages.ts';

export interface RenderJob {
  /** The file in the build's spool that holds the share of pages to render (`RenderData`, as `v8.serialize` wrote it). */
  share: string;
  outputDir: string;
  templates: Templates;
}

/** Asked of a process started before the pages are made: render nothing with these templates, unanswered. */
export interface WarmUp {
  warmUp: Templates;
}

export type RenderJobResult = { error?: undefined } | { error: SentError };

const answer = (result: RenderJobResult) => process.send!(result);

// The build stopped (it was killed, say): nothing is left to render for.
process.on('disconnect', () => process.exit(0));

// Eleventy loaded while the build makes the pages (a process started early: `makeSite.ts`), not when they arrive.
// A job waits for what came before it: one Eleventy at a time.
let ready: Promise<unknown> = loadEleventy().catch(() => undefined);

process.on('message', (message: RenderJob | WarmUp) => {
  if ('warmUp' in message) {
    ready = ready.then(() => warmUp(message.warmUp));
    return;
  }
  const job = message;
  ready = ready
    .then(() => runEleventy(deserialize(readFileSync(job.share)) as RenderData, job.outputDir, job.templates))
    .then(
      () => {
        // The share is written: what rendering it made is garbage, collected before the next share arrives.
        collectGarbage();
        answer({});
      },
      (error: unknown) => answer({ error: sendableError(error) }),
    );
});

/**
 * An Eleventy's first run in a process takes half a second more than the next (its configuration, the templates
 * and the modules they load, read for the first time): run over no pages, in memory, while the build still makes
 * the pages, so that the run that writes them is a next one (72 pages of a day's news at 10,000 articles: 0.67 s
 * first, 0.22–0.25 s after). What it fails at, the run that writes the pages says.
 */
async function warmUp(templates: Templates): Promise<void> {
  try {
    // No page is rendered, so nothing reads the site: it is not known yet, its settings not read.
    await withEleventy(
      { site: {} as SiteView, pages: pagesByKind([]) },
      path.join(templates.dir, '..', '.warm-up-output-never-written'),
      templates,
      (eleventy) => eleventy.toJSON(),
    );
  } catch {
    // Said by the run that writes the pages.
  }
}
