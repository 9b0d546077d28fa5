/**
 * The search index: Pagefind reads the built article pages (only elements
 * marked `data-pagefind-body`, so index pages stay out) and writes its index
 * and browser code to `pagefind/` in the output folder.
 */
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import * as pagefind from 'pagefind';

/**
 * Pagefind runs one backend process per Node process, and `close()` stops it
 * for everyone: builds in one process (tests, scripts) take turns, and the
 * last one out closes it.
 */
let turn: Promise<unknown> = Promise.resolve();
let waiting = 0;

/** Indexes the site in `outputDir`; returns how many pages the index holds. */
export function indexSearch(outputDir: string, language: string): Promise<number> {
  waiting += 1;
  const result = turn.then(() => indexNow(outputDir, language));
  turn = result.catch(() => undefined).finally(async () => {
    waiting -= 1;
    if (waiting === 0) await pagefind.close();
  });
  return result;
}

async function indexNow(outputDir: string, language: string): Promise<number> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: primaryLanguage(language) });
  if (!index) throw new Error(`the search index could not be created: ${errors.join('; ')}`);
  // Only article pages hold indexed content; reading the lists too would double the work.
  const added = await index.addDirectory({ path: outputDir, glob: articlePages });
  if (added.errors.length > 0) throw new Error(`the search index could not read the site: ${added.errors.join('; ')}`);
  const outputPath = path.join(outputDir, 'pagefind');
  // Its files are named by their content's hash: an earlier index's would stay behind.
  rmSync(outputPath, { recursive: true, force: true });
  const written = await index.writeFiles({ outputPath });
  if (written.errors.length > 0) throw new Error(`the search index could not be written: ${written.errors.join('; ')}`);
  // `added.page_count` counts every page read; the entry file counts those indexed.
  const count = indexedPageCount(outputDir);
  if (count === undefined) throw new Error('the search index was not written');
  return count;
}

/** Pages in the search index already in `outputDir`; undefined when there is none. */
export function indexedPageCount(outputDir: string): number | undefined {
  try {
    const entry = JSON.parse(readFileSync(path.join(outputDir, 'pagefind', 'pagefind-entry.json'), 'utf8')) as PagefindEntry;
    return Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
  } catch {
    return undefined;
  }
}

interface PagefindEntry {
  languages: Record<string, { page_count: number }>;
}

/** Article pages, `/YYYY/MM/DD/<slug>/`: the pages the search index is made of. */
export const isArticleUrl = (url: string): boolean => /^\/\d{4}\/\d{2}\/\d{2}\/[^/]+\/$/.test(url);

/** The same, as a glob relative to the output folder. */
const articlePages = '[0-9][0-9][0-9][0-9]/[0-9][0-9]/[0-9][0-9]/*/index.html';

/** Pagefind stems by ISO 639-1 language: `en-GB` → `en`. */
const primaryLanguage = (tag: string): string => tag.split('-')[0]!.toLowerCase();
