/**
 * Hands the Archive to Eleventy, which renders one file per page object into
 * the output folder. Every page URL is checked before Eleventy sees it, so
 * that no page can be written outside the output folder.
 */
import { Eleventy } from '@11ty/eleventy';
import type { Archive } from '../archive/pages.ts';
import { eleventyConfigPath, templatesDir } from '../paths.ts';
import { indexSearch } from './indexSearch.ts';

/**
 * Root-relative URLs made of safe segments only: folders like `/` and
 * `/2026/01/06/a-slug/`, or files like `/tags/kyiv/feed.xml`.
 */
const safePageUrl = /^\/(?:[a-z0-9][a-z0-9._~-]*\/)*(?:[a-z0-9][a-z0-9_-]*\.[a-z]+)?$/;

export const allPages = (archive: Archive) => [
  ...archive.articlePages,
  ...archive.listPages,
  ...archive.termIndexPages,
  ...archive.calendarPages,
  ...archive.storyPages,
  ...archive.atomFeedPages,
  ...archive.jsonFeedPages,
  ...archive.sitemapPages,
  ...archive.searchPages,
  ...archive.notFoundPages,
  ...archive.robotsPages,
];

export function assertSafeUrls(archive: Archive): void {
  for (const page of allPages(archive)) {
    if (!safePageUrl.test(page.url) || page.url.split('/').some((segment) => segment === '..' || segment === '.')) {
      throw new Error(`refusing to write a page at an unsafe URL: ${JSON.stringify(page.url)}`);
    }
  }
}

export interface RenderResult {
  /** HTML pages written. */
  pageCount: number;
  /** Other files written from the Archive: feeds, sitemaps, robots.txt. */
  fileCount: number;
  /** Pages in the search index. */
  searchPageCount: number;
}

export interface RenderOptions {
  /** Index the written site for search (default: yes); benchmarks time it apart. */
  indexSearch?: boolean;
}

export async function renderSite(archive: Archive, outputDir: string, options: RenderOptions = {}): Promise<RenderResult> {
  assertSafeUrls(archive);
  const eleventy = new Eleventy(templatesDir, outputDir, {
    configPath: eleventyConfigPath,
    quietMode: true,
    config(eleventyConfig) {
      eleventyConfig.addGlobalData('archive', archive);
    },
  });
  eleventy.disableLogger();
  await eleventy.write();
  const searchPageCount = options.indexSearch === false ? 0 : await indexSearch(outputDir, archive.site.language);
  const pages = allPages(archive);
  const pageCount = pages.filter((page) => page.url.endsWith('/') || page.url.endsWith('.html')).length;
  return { pageCount, fileCount: pages.length - pageCount, searchPageCount };
}
