/**
 * The search index: Pagefind reads the built article pages (only elements
 * marked `data-pagefind-body`) and writes each part of the index (see
 * `src/archive/searchIndexes.ts`) with its browser code to
 * `pagefind/<part>/` in the output folder. Parts are built two at a time (one
 * a core), so that Pagefind's memory is that of two parts.
 */
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import type { SearchIndex } from '../archive/pages.ts';

/**
 * Pagefind runs one backend process per Node process, and `close()` stops it
 * for everyone: builds in one process (tests, scripts) take turns, and the
 * last one out closes it.
 */
let turn: Promise<unknown> = Promise.resolve();

/** Parts indexed at once, at most: each holds its pages in memory (see `articlesPerSearchIndex`). */
const partsAtOnce = 2;
let waiting = 0;

export interface SearchIndexing {
  /** Every part of the index; folders of other parts are deleted. */
  all: readonly SearchIndex[];
  /** The parts to (re)build: those whose articles changed, or all. */
  build: readonly SearchIndex[];
}

/** Indexes the site in `outputDir`; returns how many pages the whole index holds. */
export function indexSearch(outputDir: string, language: string, parts: SearchIndexing): Promise<number> {
  waiting += 1;
  const result = turn.then(() => indexNow(outputDir, language, parts));
  turn = result.catch(() => undefined).finally(async () => {
    waiting -= 1;
    if (waiting === 0) await (await import('pagefind')).close();
  });
  return result;
}

async function indexNow(outputDir: string, language: string, { all, build }: SearchIndexing): Promise<number> {
  // Loaded when used: a build without changed articles needs none of it.
  const pagefind = await import('pagefind');
  const root = path.join(outputDir, 'pagefind');
  const names = new Set(all.map((part) => part.name));
  for (const folder of listFolders(root)) if (!names.has(folder)) rmSync(path.join(root, folder), { recursive: true, force: true });

  const indexPart = async (part: SearchIndex): Promise<void> => {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: primaryLanguage(language) });
    if (!index) throw new Error(`the search index could not be created: ${errors.join('; ')}`);
    const added = await index.addDirectory({ path: outputDir, glob: articlePagesOf(part.name) });
    if (added.errors.length > 0) throw new Error(`the search index could not read the site: ${added.errors.join('; ')}`);
    const outputPath = path.join(root, part.name);
    // Its files are named by their content's hash: an earlier index's would stay behind.
    rmSync(outputPath, { recursive: true, force: true });
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length > 0) throw new Error(`the search index could not be written: ${written.errors.join('; ')}`);
    await index.deleteIndex();
  };
  // Pagefind builds one index on about one core: parts are built a core's worth at a time.
  let next = 0;
  const worker = async () => {
    for (let part = build[next++]; part; part = build[next++]) await indexPart(part);
  };
  await Promise.all(Array.from({ length: Math.min(availableParallelism(), partsAtOnce) }, worker));
  const count = indexedPageCount(outputDir, [...names]);
  if (count === undefined) throw new Error('the search index was not written');
  return count;
}

/**
 * Pages in the parts of the search index already in `outputDir`; undefined
 * when one is missing. (`addDirectory` counts every page read; the entry
 * file counts those indexed.)
 */
export function indexedPageCount(outputDir: string, partNames: readonly string[]): number | undefined {
  let count = 0;
  for (const name of partNames) {
    try {
      const entry = JSON.parse(readFileSync(path.join(outputDir, 'pagefind', name, 'pagefind-entry.json'), 'utf8')) as PagefindEntry;
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

/** Article pages, `/YYYY/MM/DD/<slug>/`: the pages the search index is made of. */
export const isArticleUrl = (url: string): boolean => /^\/\d{4}\/\d{2}\/\d{2}\/[^/]+\/$/.test(url);

/** The article pages of a part (`2025`, `2025-q1`, `2025-03`), as a glob relative to the output folder. */
function articlePagesOf(name: string): string {
  const [year, period = ''] = name.split('-');
  const months = /^q[1-4]$/.test(period)
    ? `{${[1, 2, 3].map((m) => String((Number(period.slice(1)) - 1) * 3 + m).padStart(2, '0')).join(',')}}`
    : period || '[0-9][0-9]';
  return `${year}/${months}/[0-9][0-9]/*/index.html`;
}

/** Pagefind stems by ISO 639-1 language: `en-GB` → `en`. */
const primaryLanguage = (tag: string): string => tag.split('-')[0]!.toLowerCase();
