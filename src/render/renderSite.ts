/**
 * Hands the Archive to Eleventy, which renders one file per page object into
 * the output folder. Every page URL is checked before Eleventy sees it, so
 * that no page can be written outside the output folder.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Archive } from '../archive/pages.ts';
import { eleventyConfigPath, templatesDir } from '../paths.ts';
import { indexedPageCount, indexSearch, type SearchPart } from './indexSearch.ts';
import { hashPages, hashSearchParts, outputFileOf, PageManifest, planRender, removePages, type PageHashes, type RenderPlan } from './pageManifest.ts';

/**
 * Root-relative URLs made of safe segments only: folders like `/` and
 * `/2026/01/06/a-slug/`, or files like `/tags/kyiv/feed.xml`.
 */
const safePageUrl = /^\/(?:[a-z0-9][a-z0-9._~-]*\/)*(?:[a-z0-9][a-z0-9_-]*\.[a-z]+)?$/;

/** The Archive's lists of pages, one per template. */
const pageLists = [
  'articlePages',
  'listPages',
  'termIndexPages',
  'calendarPages',
  'storyPages',
  'atomFeedPages',
  'jsonFeedPages',
  'sitemapPages',
  'searchPages',
  'notFoundPages',
  'robotsPages',
] as const satisfies readonly (keyof Archive)[];

export const allPages = (archive: Archive) => pageLists.flatMap((list): Archive[(typeof pageLists)[number]][number][] => archive[list]);

function assertSafeUrls(pages: readonly { url: string }[]): void {
  for (const page of pages) {
    if (!safePageUrl.test(page.url) || page.url.split('/').some((segment) => segment === '..' || segment === '.')) {
      throw new Error(`refusing to write a page at an unsafe URL: ${JSON.stringify(page.url)}`);
    }
  }
}

export interface RenderResult {
  /** Article pages. */
  articleCount: number;
  /** True when feeds and the sitemap were made (they need a base URL). */
  hasFeeds: boolean;
  /** HTML pages of the site. */
  pageCount: number;
  /** Other files of the site from the Archive: feeds, sitemaps, robots.txt. */
  fileCount: number;
  /** Pages and files written by this build: all of them, or only the changed ones. */
  renderedCount: number;
  /** Files of the last build deleted because their page is gone. */
  removedCount: number;
  /** Pages in the search index. */
  searchPageCount: number;
}

export interface RenderOptions {
  /** Index the written site for search (default: yes); benchmarks time it apart. */
  indexSearch?: boolean;
  /**
   * Where to keep what this build wrote (absolute), so that the next build
   * into the same folder writes only the pages that changed and deletes those
   * that are gone; `false` renders every page.
   */
  cacheDir?: string | false;
  /** What the Archive was made from; a later build made from the same, into an intact folder, can skip everything. */
  inputKey?: string | undefined;
}

/**
 * Eleventy keeps every page it renders in memory until it is done, so a
 * large site is rendered this many pages at a time, each run a fresh
 * Eleventy whose memory is freed before the next.
 */
const pagesPerRun = 5000;

export async function renderSite(archive: Archive, outputDir: string, options: RenderOptions = {}): Promise<RenderResult> {
  const pages = allPages(archive);
  assertSafeUrls(pages);
  const manifest = options.cacheDir ? new PageManifest(options.cacheDir, outputDir) : undefined;
  const previous = manifest?.read() ?? { pages: new Map(), searchIndexes: new Map() };

  // Pagefind indexes from the Archive, in processes of its own: it starts first and works while pages are hashed and rendered.
  // A part of the index changes with what Pagefind reads: its articles' search documents. Parts whose
  // documents changed, or whose folder is gone, are built again; folders of parts that are gone are deleted.
  const searchParts = searchPartsOf(archive);
  const searchHashes = hashSearchParts(searchParts, archive.site.language);
  const stale = searchParts.filter((part) => previous.searchIndexes.get(part.name) !== searchHashes.get(part.name) || indexedPageCount(outputDir, [part.name]) === undefined);
  const partsRemoved = [...previous.searchIndexes.keys()].some((name) => !searchHashes.has(name));
  const searched =
    options.indexSearch === false
      ? Promise.resolve(0)
      : stale.length === 0 && !partsRemoved
        ? Promise.resolve(indexedPageCount(outputDir, [...searchHashes.keys()]) ?? 0)
        : indexSearch(outputDir, archive.site.language, { all: [...searchHashes.keys()], build: stale });
  // Its failure is reported once pages are rendered (awaited below), not as an unhandled rejection meanwhile.
  searched.catch(() => undefined);

  let hashes: PageHashes;
  let plan: RenderPlan;
  try {
    hashes = hashPages(pages, archive.site);
    plan = planRender(outputDir, hashes, previous.pages);
    removePages(outputDir, plan.remove);
    // `_headers` is not a page of the Archive (it depends on the site alone, which every page's hash holds).
    if (plan.render.size > 0 || !existsSync(path.join(outputDir, '_headers'))) {
      for (const part of archiveParts(archive, plan.render, pagesPerRun)) await runEleventy(part, outputDir);
    }
  } catch (error) {
    await searched.catch(() => undefined);
    throw error;
  }
  const searchPageCount = await searched;
  const pageCount = pages.filter((page) => page.url.endsWith('/') || page.url.endsWith('.html')).length;
  const summary = { articleCount: archive.articlePages.length, hasFeeds: archive.atomFeedPages.length > 0, pageCount, fileCount: pages.length - pageCount, searchPageCount };
  manifest?.write({ pages: hashes, searchIndexes: searchHashes, inputKey: options.inputKey, summary });
  return { ...summary, renderedCount: plan.render.size, removedCount: plan.remove.length };
}

/**
 * The result of the last build into `outputDir` when it was made from the
 * same input (`inputKey`) and all its files are still there: then nothing
 * needs to be computed or written at all.
 */
export function unchangedBuild(outputDir: string, cacheDir: string, inputKey: string): RenderResult | undefined {
  const last = new PageManifest(cacheDir, outputDir).read();
  if (last.inputKey !== inputKey || !last.summary) return undefined;
  const intact =
    existsSync(path.join(outputDir, '_headers')) &&
    [...last.pages.keys()].every((url) => existsSync(outputFileOf(outputDir, url))) &&
    indexedPageCount(outputDir, [...last.searchIndexes.keys()]) !== undefined;
  return intact ? { ...last.summary, renderedCount: 0, removedCount: 0 } : undefined;
}

/** The parts of the search index with their article pages, in URL order. */
export function searchPartsOf(archive: Archive): SearchPart[] {
  const pageAt = new Map(archive.articlePages.map((page) => [page.url, page]));
  return archive.searchIndexes.map((part) => ({
    name: part.name,
    pages: part.articleUrls.map((url) => pageAt.get(url)!).sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0)),
  }));
}

/** The Archive cut into parts of at most `size` of the pages to render, each with the whole site's settings. */
function archiveParts(archive: Archive, render: ReadonlySet<string>, size: number): Archive[] {
  const empty = (): Archive => ({ ...archive, ...Object.fromEntries(pageLists.map((list) => [list, []])) });
  const parts = [empty()];
  let filled = 0;
  for (const list of pageLists) {
    for (const page of archive[list]) {
      if (!render.has(page.url)) continue;
      if (filled === size) {
        parts.push(empty());
        filled = 0;
      }
      (parts.at(-1)![list] as (typeof page)[]).push(page);
      filled += 1;
    }
  }
  return parts;
}

async function runEleventy(archive: Archive, outputDir: string): Promise<void> {
  // Loaded only when there is something to render: it takes a while, and a build without changes needs none of it.
  const { Eleventy } = await import('@11ty/eleventy');
  const eleventy = new Eleventy(templatesDir, outputDir, {
    configPath: eleventyConfigPath,
    quietMode: true,
    config(eleventyConfig) {
      eleventyConfig.addGlobalData('archive', archive);
    },
  });
  eleventy.disableLogger();
  await eleventy.write();
}
