/**
 * The whole pipeline: load → sanitize → index → render. Returns the problems
 * instead of printing them, and writes nothing when content has errors,
 * unless asked to build what is valid.
 */
import path from 'node:path';
import { buildArchive } from './archive/buildArchive.ts';
import type { Archive } from './archive/pages.ts';
import { defaultCacheDir, loadContent, type LoadedContent } from './load/loadContent.ts';
import { isError, type Problem } from './problems.ts';
import { cachedRelateArticles } from './related/relationsCache.ts';
import { renderSite, unchangedBuild } from './render/renderSite.ts';
import type { SafeArticle } from './sanitize/sanitizeArticles.ts';

export interface BuildOptions {
  /** The folder that `contentDir` and `outputDir` are relative to; the process's by default. */
  cwd?: string | undefined;
  contentDir: string;
  outputDir: string;
  /** Overrides `baseUrl` in site.yaml. */
  baseUrl?: string | undefined;
  /** Build the valid articles even when others have errors. */
  skipInvalid?: boolean | undefined;
  /** Where loaded articles are cached between builds, relative to `cwd`; `false` for none. */
  cacheDir?: string | false | undefined;
  /** Show drafts, marked as such: for the preview of `serve`, never for `build`. */
  includeDrafts?: boolean | undefined;
}

export interface BuildResult {
  /** True when the site was written. */
  built: boolean;
  problems: Problem[];
  /** Files read from the content folder. */
  contentFileCount: number;
  articleCount: number;
  /** HTML pages written. */
  pageCount: number;
  /** Feeds, sitemaps and robots.txt written. */
  fileCount: number;
  /** Pages and files written by this build: the changed ones, when the last build's output is there. */
  renderedCount: number;
  /** Files of pages that no longer exist, deleted. */
  removedCount: number;
  searchPageCount: number;
  /** False without a base URL: feeds and the sitemap need absolute URLs. */
  hasFeeds: boolean;
}

export async function buildSite(options: BuildOptions): Promise<BuildResult> {
  const cwd = options.cwd ?? process.cwd();
  const outputDir = path.resolve(cwd, options.outputDir);
  assertSeparateFolders(path.resolve(cwd, options.contentDir), outputDir, options);
  const cacheDir = options.cacheDir ?? defaultCacheDir;
  const cacheRoot = cacheDir === false ? undefined : path.resolve(cwd, cacheDir);
  const indexed = await loadAndIndex({ ...options, cwd }, outputDir, cacheRoot);
  if (!('archive' in indexed)) return indexed;
  const rendered = await renderSite(indexed.archive, outputDir, { cacheDir: cacheRoot ?? false, inputKey: indexed.inputKey });
  return { ...indexed.result, built: true, ...rendered };
}

/**
 * Load and index: the Archive to render, or the result of a build that ends
 * here (content with errors, or the same input as the last build). The loaded
 * articles stay in here: once the Archive is made, their text is not needed,
 * and at 100,000 articles it weighs hundreds of megabytes while pages render.
 */
async function loadAndIndex(
  options: BuildOptions & { cwd: string },
  outputDir: string,
  cacheRoot: string | undefined,
): Promise<BuildResult | { archive: Archive; inputKey: string | undefined; result: Omit<BuildResult, 'built'> }> {
  const content = await loadBuildContent(options);
  const result = {
    problems: content.problems,
    contentFileCount: content.fileCount,
    articleCount: 0,
    pageCount: 0,
    fileCount: 0,
    renderedCount: 0,
    removedCount: 0,
    searchPageCount: 0,
    hasFeeds: false,
  };
  if (content.problems.some(isError) && !options.skipInvalid) return { ...result, built: false };

  // The same content and options as the last build into an intact output folder: nothing to do.
  const inputKey = content.inputKey && `${content.inputKey}:${content.includeDrafts}:${JSON.stringify(content.site)}`;
  const unchanged = inputKey && cacheRoot ? unchangedBuild(outputDir, cacheRoot, inputKey) : undefined;
  if (unchanged) return { ...result, built: true, ...unchanged };
  return { archive: archiveOf(content, { cacheRoot }), inputKey, result };
}

type BuildContent = LoadedContent<SafeArticle> & { includeDrafts: boolean };

/** Load and sanitize, through the cache: the valid articles (drafts only when previewing) and every problem found. */
async function loadBuildContent(options: BuildOptions & { cwd: string }): Promise<BuildContent> {
  const content = await loadContent(options.contentDir, options.cwd, { mode: 'build', cacheDir: options.cacheDir ?? defaultCacheDir });
  const includeDrafts = options.includeDrafts ?? false;
  return {
    ...content,
    site: options.baseUrl ? { ...content.site, baseUrl: options.baseUrl } : content.site,
    articles: content.articles.filter((article) => includeDrafts || !article.draft),
    includeDrafts,
  };
}

/** Index: every page of the site. */
function archiveOf(content: BuildContent, { cacheRoot }: { cacheRoot: string | undefined }): Archive {
  const relate = cacheRoot === undefined ? undefined : cachedRelateArticles(cacheRoot);
  return buildArchive(content.articles, content.site, { includeDrafts: content.includeDrafts, relate });
}

/** The output folder receives generated files; it must not be, or hold, the content. */
export function assertSeparateFolders(content: string, output: string, { contentDir, outputDir }: BuildOptions): void {
  const inside = (child: string, parent: string) => child === parent || child.startsWith(parent + path.sep);
  if (inside(content, output) || inside(output, content)) {
    throw new UsageError(
      `the output folder ${outputDir} and the content folder ${contentDir} overlap: choose an output folder outside the content, like _site`,
    );
  }
}

/** A mistake in how the tool was called, reported without a stack trace. */
export class UsageError extends Error {}
