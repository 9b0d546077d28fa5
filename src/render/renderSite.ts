/**
 * Hands the Archive's pages to Eleventy, which renders one file per page
 * object into the output folder. Every page URL is checked before Eleventy
 * sees it, so that no page can be written outside the output folder, and
 * only pages that are new or changed since the last build are rendered.
 */
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { writeResized } from '../media/pictureSizes.ts';
import type { WrittenPage } from '@11ty/eleventy';
import type { Archive, Page, PageKind, PageOfKind, SiteView } from '../archive/pages.ts';
import type { Hashes } from '../cache/buildRecord.ts';
import { eleventyConfigPath } from '../paths.ts';
import { isSafePageUrl, routes } from '../routes.ts';
import { hashPages, outputFileOf, planRender, removePages } from './renderPlan.ts';
import { toolTemplates, type Templates } from './siteTemplates.ts';
import { describeTemplateError } from './templateErrors.ts';

/** The pages of each kind: the global data `archive.pages` that each template paginates over. */
export type RenderedKind = Exclude<PageKind, 'file'>;
export type PagesByKind = { [K in RenderedKind]: PageOfKind<K>[] };

/** What templates receive as `archive`. */
export interface RenderData {
  site: SiteView;
  pages: PagesByKind;
}

/** Every kind, so that a kind missing here fails to compile: rendered by a template, or copied as it is. */
const pageKinds = {
  file: false,
  article: true,
  list: true,
  terms: true,
  calendar: true,
  story: true,
  changes: true,
  'atom-feed': true,
  'json-feed': true,
  sitemap: true,
  search: true,
  'not-found': true,
  robots: true,
  redirect: true,
  'redirect-list': true,
  'sources-opml': true,
  'site-style': true,
} as const satisfies Record<PageKind, boolean>;

export function pagesByKind(pages: readonly Page[]): PagesByKind {
  const rendered = Object.entries(pageKinds).filter(([, byTemplate]) => byTemplate);
  const byKind: Partial<Record<string, Page[]>> = Object.fromEntries(rendered.map(([kind]) => [kind, []]));
  for (const page of pages) {
    if (page.kind === 'file') continue;
    const list = byKind[page.kind];
    if (!list)
      throw new Error(
        `no template renders pages of kind "${page.kind}" (${page.url}): add the kind to renderSite.ts and a template that paginates over archive.pages.${page.kind}`,
      );
    list.push(page);
  }
  return byKind as unknown as PagesByKind;
}

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
 * large site is rendered this many pages at a time, each run a fresh
 * Eleventy whose memory is freed before the next.
 */
const pagesPerRun = 5000;

/** Renders the pages whose hash differs from `previous` (all of them when it is empty) and deletes the files of pages that are gone. */
export async function renderSite(
  archive: Archive,
  outputDir: string,
  previous: Hashes,
  templates: Templates = toolTemplates,
  pictureCache: string = path.join(tmpdir(), 'news-archive-pictures'),
): Promise<RenderResult> {
  assertSafeUrls(archive.pages);
  // A site's own templates change every page they render: their hash is part of each page's.
  const hashes = hashPages(archive.pages, archive.site, templates.hash);
  const plan = planRender(outputDir, hashes, previous);
  removePages(outputDir, plan.remove);
  // `_headers` is not a page of the Archive (it depends on the site alone, which every page's hash holds).
  if (plan.render.size > 0 || !existsSync(outputFileOf(outputDir, routes.headers))) {
    const toRender = archive.pages.filter((page) => plan.render.has(page.url));
    await copyFiles(toRender, outputDir, pictureCache);
    for (let start = 0; start === 0 || start < toRender.length; start += pagesPerRun) {
      await runEleventy({ site: archive.site, pages: pagesByKind(toRender.slice(start, start + pagesPerRun)) }, outputDir, templates);
    }
  }
  return { hashes, renderedCount: plan.render.size, removedCount: plan.remove.length };
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

async function eleventyFor(data: RenderData, outputDir: string, templates: Templates) {
  // Loaded only when there is something to render: it takes a while, and a build without changes needs none of it.
  const { Eleventy } = await import('@11ty/eleventy');
  const eleventy = new Eleventy(templates.dir, outputDir, {
    configPath: eleventyConfigPath,
    quietMode: true,
    config(eleventyConfig) {
      eleventyConfig.addGlobalData('archive', data);
    },
  });
  eleventy.disableLogger();
  return eleventy;
}

/** A page of a kind that no template renders would be missing from the site without a word: that is a bug, said as one. */
function assertAllRendered(data: RenderData, written: readonly WrittenPage[]): void {
  const urls = new Set(written.map((result) => result.url));
  for (const [kind, pages] of Object.entries(data.pages)) {
    const missing = (pages as Page[]).find((page) => !urls.has(page.url));
    if (missing) throw new Error(`no template rendered the ${kind} page ${missing.url}: a template must paginate over archive.pages.${kind}`);
  }
}

async function runEleventy(data: RenderData, outputDir: string, templates: Templates): Promise<void> {
  const eleventy = await eleventyFor(data, outputDir, templates);
  const [, written] = await eleventy.write().catch((error: unknown) => {
    throw describeTemplateError(error, templates);
  });
  assertAllRendered(data, written);
}

/** The pages rendered in memory, written nowhere: URL → content. For tests and tools that look at pages without a site on disk. */
export async function renderInMemory(archive: Archive, templates: Templates = toolTemplates): Promise<Map<string, string>> {
  assertSafeUrls(archive.pages);
  const data = { site: archive.site, pages: pagesByKind(archive.pages) };
  const eleventy = await eleventyFor(data, path.join(templates.dir, '..', '.in-memory-output-never-written'), templates);
  const rendered = await eleventy.toJSON().catch((error: unknown) => {
    throw describeTemplateError(error, templates);
  });
  assertAllRendered(data, rendered);
  return new Map(rendered.flatMap((result) => (result.url === false ? [] : [[result.url, result.content]])));
}
