/**
 * The search index: Pagefind reads each article's search document (see
 * `searchDocument.ts`) and writes each part of the index (see
 * `src/archive/searchParts.ts`) with its browser code to `pagefind/<part>/`
 * in the output folder. Parts are built
 * in worker threads, one part per core at a time (`searchWorker.ts`), so
 * that Pagefind's memory is that of a part per core.
 */
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import type { Worker } from 'node:worker_threads';
import { receivedError } from '../errors.ts';
import { routes } from '../routes.ts';
import { startWorker } from '../workerThread.ts';
import { collectGarbage } from '../collectGarbage.ts';
import { articlesPerSearchPart } from '../archive/searchParts.ts';
import type { SpooledPart } from './documentSpool.ts';
import type { SearchJob, SearchJobResult } from './searchWorker.ts';
import { moduleBeside } from '../paths.ts';

/** Parts indexed at once, at most: each holds its pages in memory (see `articlesPerSearchIndex`). */
// Two even on two cores: one at a time lowered no whole build's peak (rendering sets it: 2,255 MB against 2,214 MB
// at 10,000 articles) and left a core idle (the search stage took 42 s against 27 s).
const partsAtOnce = 2;

/** Each half of a search worker's young generation, in MB. */
const searchSemiSpaceMb = 8;

export interface SearchIndexing {
  /** The names of every part of the index; folders of other parts are deleted. */
  all: readonly string[];
  /** The parts to (re)build: those whose articles changed, or all, their documents spooled (`documentSpool.ts`). */
  build: readonly SpooledPart[];
}

/** Indexes the site in `outputDir`; returns how many pages the whole index holds. */
export async function indexSearch(outputDir: string, language: string, { all, build }: SearchIndexing): Promise<number> {
  const root = path.join(outputDir, routes.searchIndexFolder);
  const names = new Set(all);
  for (const folder of listFolders(root)) if (!names.has(folder)) rmSync(path.join(root, folder), { recursive: true, force: true });

  // The worker reads the part's documents from the spool: this process holds none of them.
  const jobOf = (part: SpooledPart): SearchJob => ({ part, outputPath: path.join(root, part.name), language: primaryLanguage(language) });
  // Pagefind's processes come on top of this one: what rendering left as garbage is given back first
  // (30,000 articles: this process went from 1.9 GB to 1.2 GB as the index began), unless fewer articles
  // than a full part are to be indexed (a day's news: the newest month's part).
  if (build.reduce((sum, part) => sum + part.pageCount, 0) >= articlesPerSearchPart) collectGarbage({ compact: true });
  let next = 0;
  const workers = Array.from({ length: Math.min(availableParallelism(), partsAtOnce, build.length) }, () => {
    // Its JavaScript does little but hand documents to Pagefind: the young generation of the build's main thread
    // (64 MB a half) would be 128 MB a worker held for nothing, beside Pagefind's processes.
    const worker = startWorker(moduleBeside('./searchWorker', import.meta.url), undefined, { semiSpaceMb: searchSemiSpaceMb });
    return { worker, exited: new Promise<void>((resolve) => worker.once('exit', () => resolve())) };
  });
  try {
    await Promise.all(
      workers.map(async ({ worker }) => {
        for (let part = build[next++]; part; part = build[next++]) {
          // Its files are named by their content's hash: an earlier index's would stay behind.
          rmSync(path.join(root, part.name), { recursive: true, force: true });
          await runJob(worker, jobOf(part));
        }
      }),
    );
  } finally {
    await Promise.all(workers.map(closeWorker));
  }
  const count = indexedPageCount(outputDir, [...names]);
  if (count === undefined) throw new Error('the search index was not written');
  return count;
}

function runJob(worker: Worker, job: SearchJob): Promise<void> {
  return new Promise((resolve, reject) => {
    const stopped = (code: number) => reject(new Error(`the search index worker stopped (exit code ${code})`));
    const settle = (result: SearchJobResult) => {
      worker.off('error', reject).off('exit', stopped);
      if (result.error === undefined) resolve();
      else {
        const cause = receivedError(result.error);
        reject(new Error(`the search index part ${job.part.name} could not be built: ${cause.message}`, { cause }));
      }
    };
    worker.once('message', settle).once('error', reject).once('exit', stopped);
    worker.postMessage(job);
  });
}

/** Stops the worker's Pagefind process, then the worker (at once, if it does not stop within seconds). */
async function closeWorker({ worker, exited }: { worker: Worker; exited: Promise<void> }): Promise<void> {
  worker.postMessage('close');
  const timeout = setTimeout(() => void worker.terminate(), 10_000);
  await exited;
  clearTimeout(timeout);
}

/**
 * Pages in the parts of the search index already in `outputDir`; undefined
 * when one is missing. (The entry file counts those indexed.)
 */
export function indexedPageCount(outputDir: string, partNames: readonly string[]): number | undefined {
  let count = 0;
  for (const name of partNames) {
    try {
      const entry = JSON.parse(readFileSync(path.join(outputDir, routes.searchIndexFolder, name, 'pagefind-entry.json'), 'utf8')) as PagefindEntry;
      count += Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
    } catch {
      return undefined;
    }
  }
  return count;
}

interface PagefindEntry {
  languages: Record<string, { page_count: number }>;
}

function listFolders(folder: string): string[] {
  try {
    return readdirSync(folder, { withFileTypes: true }).map((entry) => entry.name);
  } catch {
    return [];
  }
}

/** Pagefind stems by ISO 639-1 language: `en-GB` → `en`. */
const primaryLanguage = (tag: string): string => tag.split('-')[0]!.toLowerCase();
