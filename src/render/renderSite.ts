/**
 * Hands the Archive's pages to Eleventy, which renders one file per page
 * object into the output folder. Every page URL is checked before Eleventy
 * sees it, so that no page can be written outside the output folder, and
 * only pages that are new or changed since the last build are rendered.
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { writeResized } from '../media/pictureSizes.ts';
import type { Archive, Page } from '../archive/pages.ts';
import type { Hashes } from '../cache/buildRecord.ts';
import { isSafePageUrl, outputFileOf, routes } from '../routes.ts';
import { hashPages, hasPageFile, planRender, removePages } from './renderPlan.ts';
import { toolTemplates, type Templates } from './siteTemplates.ts';
import { assertAllRendered, pagesByKind, runEleventy, withEleventy, type RenderData } from './eleventyRun.ts';
import type { RenderJob, RenderJobResult, WarmUp } from './renderWorker.ts';
import { receivedError } from '../errors.ts';
import type { ChildProcess } from 'node:child_process';
import { ask, startProcess, stopProcess } from '../workerProcess.ts';
import { collectGarbage } from '../collectGarbage.ts';
import { type HandOver, received } from '../handOver.ts';
import { Spool } from '../spool.ts';
import { serialize } from 'node:v8';
import { moduleBeside } from '../paths.ts';

export function assertSafeUrls(pages: readonly Page[]): void {
  for (const page of pages) {
    if (!isSafePageUrl(page.url)) throw new Error(`refusing to write a page at an unsafe URL: ${JSON.stringify(page.url)}`);
  }
}

export interface RenderResult {
  /** Every page's hash, for the build record. */
  hashes: Hashes;
  /** Pages and files written by this build: all of them, or only the changed ones. */
  renderedCount: number;
  /** Files of the last build deleted because their page is gone. */
  removedCount: number;
}

/**
 * Eleventy keeps every page it renders in memory until it is done, so a
 * large site is rendered this many pages at a time (by weight: a feed
 * weighs its entries), each run a fresh Eleventy whose memory is freed
 * before the next; the runs at once share it on a site of more than
 * `pagesForWholeShares` pages.
 */
const pagesAtOnce = 5000;

/**
 * A site of at most this many pages renders `pagesAtOnce` at a time in each worker process, not shared among them:
 * every Eleventy run costs its process about 0.2 s of setting up (its configuration, the templates compiled again),
 * and the build's own process, which holds what the site's size makes, is small beside the rendering ones. 10,000
 * articles (18,642 pages) cold: 9 runs instead of 18, rendering 12.7-14.9 s (median 13.3 s) instead of 13.7-17.0 s
 * (median 15.3 s) in five alternating builds each, and 13.5-15.4 s against 14.6-15.8 s in two more; the rendering
 * processes hold 150-180 MB more, and the whole build's peak stays where it was (1,118-1,197 MB against
 * 1,182-1,265 MB in three alternating builds). At 100,000 articles it saved nothing and took the build's peak to
 * 1.93 GB, so a large site keeps the smaller shares.
 */
const pagesForWholeShares = 40_000;

/** Below this many pages to render, starting Eleventy in worker processes costs more than it saves. */
const pagesWorthWorkers = 2000;

/**
 * Worker processes that render at once: every core, but the two Pagefind takes when it builds a large index beside
 * the rendering (`makeSite.ts`), and at most four, as each holds an Eleventy.
 */
export const renderWorkers = (largeIndexAlongside: boolean): number => Math.max(1, Math.min(4, availableParallelism() - (largeIndexAlongside ? 2 : 0)));

/**
 * What a page weighs in a batch, in article pages: a feed holds the bodies of its entries (a share of 2,500
 * pages that were 1,400 feeds of 50 full entries took a worker's heap to 2 GB at 100,000 articles).
 */
const weightOf = (page: Page): number => (page.kind === 'atom-feed' || page.kind === 'json-feed' ? Math.max(1, page.entries.length) : 1);

/** `pages` in order, cut into batches of at most `capacity` by weight (at least one page each; one empty batch for none). */
function batchesOf(pages: readonly Page[], capacity: number): Page[][] {
  const batches: Page[][] = [[]];
  let load = 0;
  for (const page of pages) {
    const weight = weightOf(page);
    if (load + weight > capacity && batches.at(-1)!.length > 0) {
      batches.push([]);
      load = 0;
    }
    batches.at(-1)!.push(page);
    load += weight;
  }
  return batches;
}

/**
 * A worker process that renders: it loads Eleventy as soon as it starts (`renderWorker.ts`). Given the templates
 * it will render with, it runs an Eleventy over no pages meanwhile, so that the pages are rendered by a second run.
 */
export function startRenderProcess(warmUpWith?: Templates): ChildProcess {
  const child = startProcess(moduleBeside('./renderWorker', import.meta.url));
  if (warmUpWith) child.send({ warmUp: warmUpWith } satisfies WarmUp);
  return child;
}

export interface RenderOptions {
  /** What pages are rendered with: the tool's templates by default, or those merged with a site's own. */
  templates?: Templates | undefined;
  /** Where the narrower copies of pictures are kept between builds (default: a folder in the system's temporary one). */
  pictureCache?: string | undefined;
  /** Worker processes that render at once, when there are many pages. */
  workers?: number | undefined;
  /**
   * A rendering process started early (`makeSite.ts`, for a build that changes little), which has loaded
   * Eleventy meanwhile: the pages are rendered there, however few, and it is stopped with the other rendering
   * processes; its starter stops it when there is nothing to render.
   */
  started?: ChildProcess | undefined;
  /** Where the shares of pages wait for the processes that render them (default: one in the system's temporary folder). */
  spool?: Spool | undefined;
  /** The pages of `previous` whose file is gone, being checked on another thread (`missingPages.ts`); else each is checked as the render is planned. */
  missing?: Promise<ReadonlySet<string> | undefined> | undefined;
}

/**
 * Renders the pages whose hash differs from `previous` (all of them when it is empty) and deletes the files of
 * pages that are gone. Handed over, the Archive is freed while worker processes render: they read their shares
 * from the spool.
 */
export async function renderSite(
  archive: Archive | HandOver<Archive>,
  outputDir: string,
  previous: Hashes,
  options: RenderOptions = {},
): Promise<RenderResult> {
  const { templates = toolTemplates, workers = 1 } = options;
  const spool = options.spool ?? new Spool();
  try {
    const { result, shares } = await writeOrSpool(received(archive), outputDir, previous, { ...options, templates, workers, spool });
    if (shares) {
      // What making the pages left, and the Archive now, go back to the system before the workers' heaps grow.
      if (shares.processes.length > 1) collectGarbage({ compact: true });
      await renderInWorkers(shares, outputDir, templates);
    }
    return result;
  } finally {
    if (!options.spool) spool.remove();
  }
}

/** Shares of pages in the spool, and the worker processes that render them. */
interface SpooledShares {
  files: string[];
  processes: ChildProcess[];
}

/**
 * Everything but rendering in worker processes: the pages' hashes, the files of pages gone deleted, the copied
 * files written, and the pages rendered here when they are few and no process was started for them; otherwise
 * their shares spooled. Returns nothing of the Archive.
 */
async function writeOrSpool(
  archive: Archive,
  outputDir: string,
  previous: Hashes,
  {
    templates,
    pictureCache = path.join(tmpdir(), 'news-archive-pictures'),
    workers,
    started,
    spool,
    missing,
  }: RenderOptions & { templates: Templates; workers: number; spool: Spool },
): Promise<{ result: RenderResult; shares?: SpooledShares | undefined }> {
  assertSafeUrls(archive.pages);
  // A site's own templates change every page they render: their hash is part of each page's.
  const hashes = hashPages(archive.pages, archive.site, templates.hash, archive.pageHashes);
  const plan = planRender(outputDir, hashes, previous, await missing);
  removePages(outputDir, plan.remove);
  const result = { hashes, renderedCount: plan.render.size, removedCount: plan.remove.length };
  // `_headers` is not a page of the Archive (it depends on the site alone, which every page's hash holds).
  if (plan.render.size === 0 && hasPageFile(outputDir, routes.headers)) return { result };
  const toRender = archive.pages.filter((page) => plan.render.has(page.url));
  await copyFiles(toRender, outputDir, pictureCache);
  const many = workers > 1 && toRender.length >= pagesWorthWorkers;
  if (many || started) {
    const processCount = many ? workers : 1;
    const shares = sharesOf(toRender, processCount, archive.pages.length <= pagesForWholeShares ? pagesAtOnce : pagesAtOnce / processCount);
    // Started before the shares are spooled, they load Eleventy and run it once over nothing meanwhile (see `startRenderProcess`).
    const count = Math.min(processCount, shares.length) - (started ? 1 : 0);
    const processes = [...(started ? [started] : []), ...Array.from({ length: count }, () => startRenderProcess(templates))];
    // Hashing left its garbage, which spooling would pile more on before the engine collects (100,000 articles:
    // 1.4 GB of heap for 0.75 GB alive while the first shares were written).
    if (many) collectGarbage();
    try {
      const files = shares.map((share) => {
        const file = spool.write(serialize({ site: archive.site, pages: pagesByKind(share) } satisfies RenderData), 'share');
        // Each share's bytes go as soon as they are written (100,000 articles: 250 MB of them were held at once).
        collectGarbage({ young: true });
        return file;
      });
      return { result, shares: { files, processes } };
    } catch (error) {
      await Promise.all(processes.map(stopProcess));
      throw error;
    }
  }
  for (const batch of batchesOf(toRender, pagesAtOnce)) await runEleventy({ site: archive.site, pages: pagesByKind(batch) }, outputDir, templates);
  return { result };
}

/** The pages in shares for as many workers, by weight: an even share each, or `capacity` at most. */
function sharesOf(pages: readonly Page[], workers: number, capacity: number): Page[][] {
  const weight = pages.reduce((sum, page) => sum + weightOf(page), 0);
  return batchesOf(pages, Math.ceil(Math.min(capacity, weight / workers)));
}

/** Copied files are not rendered: their bytes go to their URL's file as they are, or resized (made once, kept in `pictureCache`). */
async function copyFiles(pages: readonly Page[], outputDir: string, pictureCache: string): Promise<void> {
  for (const page of pages) {
    if (page.kind !== 'file') continue;
    const target = outputFileOf(outputDir, page.url);
    if (page.resize) {
      await writeResized(page.source, page.hash, page.resize.width, page.resize.format, target, pictureCache);
      continue;
    }
    mkdirSync(path.dirname(target), { recursive: true });
    copyFileSync(page.source, target);
  }
}

/**
 * The shares, each rendered by an Eleventy in a worker process, `workers` at a time. Every Eleventy also writes
 * the files that are not pages of the Archive (`_headers`, the assets): the same bytes each time.
 */
async function renderInWorkers({ files, processes }: SpooledShares, outputDir: string, templates: Templates): Promise<void> {
  let next = 0;
  try {
    await Promise.all(
      processes.map(async (child) => {
        for (let share = files[next++]; share; share = files[next++]) {
          const result = await ask<RenderJobResult>(child, { share, outputDir, templates } satisfies RenderJob, 'a rendering worker');
          if (result.error !== undefined) throw receivedError(result.error);
        }
      }),
    );
  } finally {
    await Promise.all(processes.map(stopProcess));
  }
}

/** The pages rendered in memory, written nowhere: URL → content. For tests and tools that look at pages without a site on disk. */
export async function renderInMemory(archive: Archive, templates: Templates = toolTemplates): Promise<Map<string, string>> {
  assertSafeUrls(archive.pages);
  const data = { site: archive.site, pages: pagesByKind(archive.pages) };
  const rendered = await withEleventy(data, path.join(templates.dir, '..', '.in-memory-output-never-written'), templates, (eleventy) => eleventy.toJSON());
  assertAllRendered(data, rendered);
  return new Map(rendered.flatMap((result) => (result.url === false ? [] : [[result.url, result.content]])));
}
