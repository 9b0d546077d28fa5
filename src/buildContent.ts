/**
 * A content folder loaded for building (or checking): every file read,
 * checked and sanitized (`prepareFile.ts`, through the cache, on every
 * core), the links of every body resolved against the whole archive, and
 * the sizes of the archive's own lead pictures. What `check` reports and
 * what a build makes its Archive from.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { BuildCache } from './cache/buildCache.ts';
import type { SettledStats } from './cache/folderStamp.ts';
import { loadContent, pathShownFrom, type LoadedContent } from './load/loadContent.ts';
import { resolveLinks, siteAssetsOf, type CopiedFile, type SiteAssets } from './links/resolveLinks.ts';
import { staticRootsOf } from './schema/site.ts';
import { sizesOf, type PictureSizes } from './media/pictureSizes.ts';
import { step as prepareStep } from './prepareFile.ts';
import { sortProblems } from './problems.ts';
import type { SafeArticle } from './sanitize/sanitizeArticles.ts';
import type { PreparedArticle } from './prepareFile.ts';
import type { StageTimer } from './stageTimes.ts';

export interface BuildContent extends LoadedContent<PreparedArticle> {
  /** Files of the content folder that bodies and the site show, to publish beside the pages. */
  files: CopiedFile[];
  /** The site's logo and icon as published. */
  siteAssets: SiteAssets;
  /** The sizes of the archive's own lead pictures, by URL. */
  pictureSizes: ReadonlyMap<string, PictureSizes>;
}

/**
 * Loads a content folder for building: every file read, checked and sanitized (through the cache when there
 * is one), then the links of every body resolved against the whole archive.
 */
export async function loadBuildContent(
  contentDir: string,
  cwd: string,
  cache?: BuildCache,
  { includeDrafts = false, timer, settledStats }: { includeDrafts?: boolean; timer?: StageTimer | undefined; settledStats?: SettledStats | undefined } = {},
): Promise<BuildContent> {
  const content = await loadContent(contentDir, cwd, { step: prepareStep, cache, settledStats });
  timer?.lap('read, check and sanitize every file');
  const contentRoot = path.resolve(cwd, contentDir);
  const linked = resolveLinks(content.articles, { contentRoot, staticRoots: staticRootsOf(content.site, contentRoot), includeDrafts });
  const site = siteAssetsOf(content.site, contentRoot, pathShownFrom(cwd)(path.join(contentRoot, 'site.yaml')));
  const pictures = await leadPictureSizes(linked.articles, linked.files);
  const files = [...linked.files, ...pictures.files, ...site.files];
  // The images shown are input too: a changed one is a changed site.
  const inputKey = content.inputKey && createHash('sha256').update(content.inputKey).update(JSON.stringify(files)).digest('hex');
  const problems = sortProblems([...content.problems, ...linked.problems, ...site.problems]);
  timer?.lap('links between articles, pictures');
  return { ...content, articles: linked.articles, files, siteAssets: site.assets, pictureSizes: pictures.sizes, problems, inputKey };
}

/** The sizes of the archive's own lead pictures, and their narrower copies to publish. */
async function leadPictureSizes(
  articles: readonly SafeArticle[],
  files: readonly CopiedFile[],
): Promise<{ sizes: Map<string, PictureSizes>; files: CopiedFile[] }> {
  const published = new Map(files.map((file) => [file.url, file]));
  const sizes = new Map<string, PictureSizes>();
  const resized: CopiedFile[] = [];
  for (const url of new Set(articles.map((article) => article.image).filter((image) => image !== undefined))) {
    const file = published.get(url);
    const made = file && (await sizesOf(url, file.source));
    if (!file || !made) continue;
    sizes.set(url, made.sizes);
    for (const copy of made.resized) resized.push({ url: copy.url, source: file.source, hash: file.hash, resize: { width: copy.width, format: copy.format } });
  }
  return { sizes, files: resized };
}
