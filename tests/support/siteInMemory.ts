/**
 * The fast tier's site: content files loaded, checked and sanitized as a
 * build does, made into the Archive, and every page rendered by Eleventy in
 * memory. Nothing is written but the content files themselves, and there is
 * no search index (Pagefind is for the end-to-end tier, tests/e2e/).
 */
import { buildArchive } from '../../src/archive/buildArchive.ts';
import assert from 'node:assert/strict';
import { pagesOf, type Archive, type ArticlePage } from '../../src/archive/pages.ts';
import { loadBuildContent } from '../../src/buildContent.ts';
import type { Problem } from '../../src/problems.ts';
import { renderInMemory } from '../../src/render/renderSite.ts';
import { writeTree } from '../helpers.ts';

export interface SiteInMemory {
  /** The folder the content files were written to. */
  cwd: string;
  archive: Archive;
  problems: Problem[];
  /** URL → the file's text. */
  pages: Map<string, string>;
  /** A file of the site by its path in the output folder (`index.html`, `tags/kyiv/feed.xml`) or by its URL (`/tags/kyiv/`). */
  file(pathOrUrl: string): string;
  has(pathOrUrl: string): boolean;
  /** The URLs of the HTML pages, sorted. */
  htmlUrls(): string[];
  /** The URLs of the article pages rendered, sorted. */
  articleUrls(): string[];
  /** The article page at `url`; a failed assertion when there is none. */
  articlePage(url: string): ArticlePage;
}

/** `tags/index.html` → `/tags/`, `feed.xml` → `/feed.xml`; a URL stays itself. */
export const urlOf = (pathOrUrl: string): string => {
  if (pathOrUrl.startsWith('/')) return pathOrUrl;
  const url = `/${pathOrUrl}`.replace(/(^|\/)index\.html$/, '$1');
  return url.includes('.') || url.endsWith('/') ? url : `${url}/`;
};

export async function siteInMemory(
  files: Record<string, string | Uint8Array>,
  { baseUrl, includeDrafts = false }: { baseUrl?: string; includeDrafts?: boolean } = {},
): Promise<SiteInMemory> {
  const cwd = writeTree(files);
  const content = await loadBuildContent('content', cwd, undefined, { includeDrafts });
  const site = baseUrl ? { ...content.site, baseUrl } : content.site;
  const archive = buildArchive(content.articles, site, {
    includeDrafts,
    files: content.files,
    siteAssets: content.siteAssets,
    pictureSizes: content.pictureSizes,
  });
  const pages = await renderInMemory(archive);
  return {
    cwd,
    archive,
    problems: content.problems,
    pages,
    file(pathOrUrl) {
      const text = pages.get(urlOf(pathOrUrl));
      if (text === undefined) throw new Error(`the site has no ${pathOrUrl}`);
      return text;
    },
    has: (pathOrUrl) => pages.has(urlOf(pathOrUrl)),
    htmlUrls: () => [...pages.keys()].filter((url) => url.endsWith('/')).sort(),
    articleUrls: () =>
      pagesOf(archive, 'article')
        .map((page) => page.url)
        .filter((url) => pages.has(url))
        .sort(),
    articlePage(url) {
      const page = pagesOf(archive, 'article').find((candidate) => candidate.url === url);
      assert.ok(page, `the site has no article page ${url}`);
      return page;
    },
  };
}
