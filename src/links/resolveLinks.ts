/**
 * The links stage, once every file is read: each body's references (links
 * and images into the archive, see `sanitize/references.ts`) become links to
 * the article pages they mean, images copied from the content folder, or
 * addresses on the original site. What none of these answers is left as
 * its text (an image as its description) and named in a warning: a page
 * never has a link going nowhere.
 */
import { createHash } from 'node:crypto';
import { lstatSync, readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { problem, problemKinds, type Problem } from '../problems.ts';
import { relativeUrl, routes } from '../routes.ts';
import type { SafeArticle } from '../sanitize/sanitizeArticles.ts';
import { staticRootsOf, type SiteSettings } from '../schema/site.ts';
import { resolvedHtml } from '../sanitize/bodyHtml.ts';
import type { BodyReference, Resolution } from '../sanitize/references.ts';
import { articleFileExtension } from '../load/findContentFiles.ts';

/** A file of the content folder that a page shows, copied into the output. */
export interface CopiedFile {
  /** Where it is published: beside the article that shows it, or under `/media/`. */
  url: string;
  /** Its path on disk. */
  source: string;
  /** Of its bytes: a changed image is copied again. */
  hash: string;
  /** A narrower copy of a picture, made when it is published (`media/pictureSizes.ts`). */
  resize?: { width: number; format: 'jpeg' | 'png' | 'webp' } | undefined;
}

export interface LinkedContent<A extends SafeArticle = SafeArticle> {
  articles: A[];
  files: CopiedFile[];
  problems: Problem[];
}

export interface LinkOptions {
  /** The content folder, absolute: images are looked for in it, and in `staticRoots`, nowhere else. */
  contentRoot: string;
  /** The folders of pictures site.yaml names (`staticFolders`), absolute: looked in after the content folder. */
  staticRoots?: readonly string[] | undefined;
  /** Whether drafts are published (`serve`): a link to a draft is a link to nothing otherwise. */
  includeDrafts: boolean;
}

export const imageExtensions = new Set(['.apng', '.avif', '.gif', '.jpeg', '.jpg', '.png', '.svg', '.webp']);

/** Addresses as generators vary them: `/a/b.html`, `/a/b/`, `/a/b/index.html` and `/A/B` are one page. */
const pathKey = (value: string): string =>
  value
    .toLowerCase()
    .replace(/\/index\.html?$/, '/')
    .replace(/\.html?$/, '')
    .replace(/\/+$/, '');

/** Files as references name them: `posts/a.md`, `posts/a`, `posts/a/index.md` and `posts/a/_index.md` are one post. */
const fileKey = (value: string): string => value.replace(articleFileExtension, '').replace(/\/_?index$/, '');

/** The name Jekyll's `post_url` gives a post: its file name without the extension. */
const postKey = (contentPath: string): string => path.posix.basename(contentPath).replace(/\.[^.]+$/, '');

/** A path segment safe in a URL and a file name alike. */
const safeSegment = (segment: string): string => segment.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^\.+/, '') || 'file';

class ArchiveIndex {
  readonly byPath = new Map<string, SafeArticle>();
  readonly byFile = new Map<string, SafeArticle>();
  readonly byPost = new Map<string, SafeArticle>();

  constructor(articles: readonly SafeArticle[], includeDrafts: boolean) {
    for (const article of articles) {
      if (article.draft && !includeDrafts) continue;
      for (const address of [article.url, ...article.oldUrls]) if (!this.byPath.has(pathKey(address))) this.byPath.set(pathKey(address), article);
      if (article.contentPath === undefined) continue;
      this.byFile.set(fileKey(article.contentPath), article);
      if (!this.byPost.has(postKey(article.contentPath))) this.byPost.set(postKey(article.contentPath), article);
    }
  }

  article(key: string): SafeArticle | undefined {
    const [type, value = ''] = [key.slice(0, key.indexOf(':')), key.slice(key.indexOf(':') + 1)];
    if (type === 'path') return this.byPath.get(pathKey(value));
    if (type === 'file') return this.byFile.get(fileKey(value));
    if (type === 'post') return this.byPost.get(value);
    return undefined;
  }
}

/**
 * Images of the content folder, then of the folders of pictures site.yaml names, looked up once each: only files,
 * never links, inside their folder, with an image's extension.
 */
class ContentImages {
  readonly #roots: readonly string[];
  readonly #realRoots = new Map<string, string>();
  readonly #found = new Map<string, { source: string; hash: string } | undefined>();

  constructor(root: string, staticRoots: readonly string[] = []) {
    this.#roots = [root, ...staticRoots];
  }

  find(inContent: string): { source: string; hash: string } | undefined {
    if (this.#found.has(inContent)) return this.#found.get(inContent);
    const found = imageExtensions.has(path.posix.extname(inContent).toLowerCase())
      ? this.#roots.map((root) => this.#look(root, inContent)).find((image) => image !== undefined)
      : undefined;
    this.#found.set(inContent, found);
    return found;
  }

  #look(root: string, inContent: string): { source: string; hash: string } | undefined {
    const source = path.join(root, ...inContent.split('/'));
    try {
      if (!lstatSync(source).isFile()) return undefined;
      // A folder on the way may be a link out of the folder.
      const realRoot = this.#realRoots.get(root) ?? this.#realRoots.set(root, realpathSync(root)).get(root)!;
      if (!realpathSync(source).startsWith(realRoot + path.sep)) return undefined;
      return { source, hash: createHash('sha1').update(readFileSync(source)).digest('base64') };
    } catch {
      return undefined;
    }
  }
}

export function resolveLinks<A extends SafeArticle>(articles: readonly A[], options: LinkOptions): LinkedContent<A> {
  // Made when a body first links into the archive: most feed captures hold no such link (0.45 s at 100,000 articles).
  let index: ArchiveIndex | undefined;
  const articleOf = (key: string): SafeArticle | undefined => {
    index ??= new ArchiveIndex(articles, options.includeDrafts);
    return index.article(key);
  };
  const images = new ContentImages(options.contentRoot, options.staticRoots);
  const files = new Map<string, CopiedFile>();
  const problems: Problem[] = [];

  const resolve = (article: SafeArticle, reference: BodyReference): Resolution => {
    for (const key of reference.keys) {
      if (reference.kind === 'image' && key.startsWith('file:')) {
        const inContent = key.slice('file:'.length);
        const image = images.find(inContent);
        if (!image) continue;
        const url = imageUrl(article, inContent);
        files.set(url, { url, ...image });
        return { url: relativeUrl(url, article.url), external: false };
      }
      const target = reference.kind === 'link' ? articleOf(key) : undefined;
      // The fragment names an element of the target's body, whose ids the sanitizer prefixed.
      if (target) return { url: relativeUrl(target.url, article.url) + (reference.fragment ? `#user-content-${reference.fragment}` : ''), external: false };
    }
    return reference.fallback === undefined ? undefined : { url: reference.fallback, external: true };
  };

  /** A lead image written as a path: the archive's own picture when the content folder has it, else where the original site has it. */
  const leadImage = (article: A): A => {
    const written = article.imageFile;
    if (written === undefined || (article.draft && !options.includeDrafts)) return article;
    const folder = article.contentPath ? path.posix.dirname(article.contentPath) : '.';
    const candidates = written.startsWith('/') ? [written.slice(1)] : [path.posix.normalize(path.posix.join(folder, written)), written];
    for (const inContent of candidates) {
      const image = inContent.startsWith('..') ? undefined : images.find(inContent);
      if (!image) continue;
      const url = imageUrl(article, inContent);
      files.set(url, { url, ...image });
      return { ...article, image: url };
    }
    if (article.image === undefined) {
      problems.push(
        problem(problemKinds.unresolvedImage, {
          file: article.file,
          field: 'image',
          message: `"${written}" is no picture of the content folder, and a path on the site the article came from needs that site's address: the article is shown without the image`,
        }),
      );
    }
    return article;
  };

  const linked = articles.map((original): A => {
    const article = leadImage(original);
    // A draft that is not published shows nothing: its links wait for the build that publishes it.
    if (article.references.length === 0 || (article.draft && !options.includeDrafts)) return article;
    const resolutions = article.references.map((reference) => resolve(article, reference));
    const unresolved = article.references.filter((_, n) => resolutions[n] === undefined);
    if (unresolved.length > 0) problems.push(unresolvedWarning(article.file, unresolved));
    return { ...article, html: resolvedHtml(article.html, resolutions), references: [] };
  });
  return { articles: linked, files: [...files.values()], problems };
}

/**
 * An image beside its article's page when it sits in the article's folder (a page bundle, or a post's own
 * images), else under `/media/` at its path in the content folder.
 */
function imageUrl(article: SafeArticle, inContent: string): string {
  const folder = article.contentPath ? path.posix.dirname(article.contentPath) : '.';
  const beside = folder !== '.' && inContent.startsWith(`${folder}/`);
  const segments = (beside ? inContent.slice(folder.length + 1) : inContent).split('/').map(safeSegment);
  if (beside) return `${article.url}${segments.join('/')}`;
  // The archive's own pictures (`content/media/ab/cdef.jpg`) keep their place: `/media/ab/cdef.jpg`.
  return segments[0] === 'media' ? `/${segments.join('/')}` : `/media/${segments.join('/')}`;
}

function unresolvedWarning(file: string, unresolved: readonly BodyReference[]): Problem {
  const shown = unresolved.slice(0, 3).map((reference) => `${reference.kind} "${reference.written}"`);
  const more = unresolved.length > 3 ? ` and ${unresolved.length - 3} more` : '';
  return problem(problemKinds.unresolvedLink, {
    file,
    message: `${shown.join(', ')}${more} point${unresolved.length === 1 ? 's' : ''} to no article or image of the archive, and the article came with no address to find ${unresolved.length === 1 ? 'it' : 'them'} at: shown as text`,
  });
}

/** The site's logo and icon as published: root-relative or absolute URLs. */
export interface SiteAssets {
  logo?: string | undefined;
  favicon?: string | undefined;
}

/**
 * The logo and icon site.yaml names: an http(s) URL stays as it is; a path is an image of the content folder,
 * published under `/assets/site/`. One that is not there is an error naming the setting.
 */
export function siteAssetsOf(site: SiteSettings, contentRoot: string, siteFile: string): { assets: SiteAssets; files: CopiedFile[]; problems: Problem[] } {
  const images = new ContentImages(contentRoot, staticRootsOf(site, contentRoot));
  const assets: SiteAssets = {};
  const files: CopiedFile[] = [];
  const problems: Problem[] = [];
  for (const key of ['logo', 'favicon'] as const) {
    const value = site[key];
    if (value === undefined) continue;
    if (/^https?:/i.test(value)) {
      assets[key] = value;
      continue;
    }
    const inContent = path.posix.normalize(value.replace(/^\/+/, ''));
    const image = inContent.startsWith('../') ? undefined : images.find(inContent);
    if (!image) {
      problems.push(
        problem(problemKinds.invalidSiteSettings, {
          file: siteFile,
          field: key,
          message: `expected an image in the content folder or an http(s) URL, got "${value}", which is not an image there`,
        }),
      );
      continue;
    }
    const url = routes.siteFile(`${key}${path.posix.extname(inContent).toLowerCase()}`);
    files.push({ url, ...image });
    assets[key] = url;
  }
  return { assets, files, problems };
}
