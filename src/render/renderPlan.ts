/**
 * Which pages a build renders: each page has a hash of everything its file
 * is made from (the page object, or what a list page is made from; the
 * site's settings, the tool's code and templates); pages that are new,
 * changed, or whose file is gone are rendered, and the files of pages that
 * no longer exist are deleted.
 */
import { existsSync, rmdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Page, SiteView } from '../archive/pages.ts';
import { digest, digestOfItem, frontByDigests, isSharedByPages, pageHashOf, pageHashPrefix } from '../archive/sharedByPages.ts';
import { hashOfHtml, isStoredHtml, type BodyHtml } from '../sanitize/bodyHtml.ts';
import { madeOnce } from '../madeOnce.ts';
import type { Hashes } from '../cache/buildRecord.ts';
import { outputFileOf } from '../routes.ts';

/** Every page's hash: those in `known` were hashed as they were made, from what they are made from (`ArchiveOptions.pageHashing`); the others, from their data. */
export function hashPages(pages: readonly Page[], site: SiteView, templatesHash = '', known?: ReadonlyMap<string, string>): Hashes {
  const prefix = pageHashPrefix(site, templatesHash);
  const json = new PageJson();
  return new Map(pages.map((page) => [page.url, page.kind === 'unchanged' ? page.hash : (known?.get(page.url) ?? pageHashOf(prefix, json.of(page)))]));
}

/** Strings at least this long stand in a page's hash by their digest, made once. */
const longString = 256;

/**
 * A page's data as JSON for its hash, where what many pages hold stands by a
 * digest made once: an article's HTML and its summary and feed entry (marked by
 * `sharedByPages`) are in up to a few dozen lists and feeds, which would be
 * hundreds of megabytes at 10,000 articles. The pages most of a site is
 * (articles, lists, stories, feeds) are serialized without a replacer, which
 * the engine calls back for every value: the members that hold shared values
 * are mapped to their digests first, and the rest is taken as it is (a day's
 * news at 10,000 articles: 0.75-0.92 s of hashing, 0.84-1.06 s with the
 * replacer).
 * An article page is serialized by what it is made from: its HTML by the
 * digest its feed entries meet again, its related articles by their summaries'
 * digests. (Its link previews and JSON-LD, made from its article and the site
 * alone, are made as it is rendered: `RenderedArticlePage`.) Any other page
 * goes through the replacer, which finds shared values wherever they are.
 */
class PageJson {
  private readonly strings = new Map<string, string>();
  private readonly replacer = (_key: string, value: unknown): unknown => {
    if (typeof value === 'string') return value.length >= longString ? this.digestOfString(value) : value;
    if (isStoredHtml(value)) return hashOfHtml(value);
    if (typeof value === 'object' && value !== null && isSharedByPages(value)) return digestOfItem(value);
    return value;
  };

  of(page: Page): string {
    switch (page.kind) {
      case 'article':
        return JSON.stringify({
          ...page,
          related: page.related.map(digestOfItem),
          alsoCoveredBy: page.alsoCoveredBy.map(digestOfItem),
          article: { ...page.article, html: this.digestOfBody(page.article.html) },
        });
      case 'list':
        return JSON.stringify({
          ...page,
          items: page.items.map(digestOfItem),
          days: page.days.map((day) => ({ ...day, items: day.items.map(digestOfItem) })),
          front: page.front && frontByDigests(page.front),
        });
      case 'story':
        return JSON.stringify({ ...page, sources: page.sources.map((source) => ({ ...source, items: source.items.map(digestOfItem) })) });
      case 'atom-feed':
      case 'json-feed':
        return JSON.stringify({ ...page, entries: page.entries.map(digestOfItem) });
      default:
        return JSON.stringify(page, this.replacer);
    }
  }

  /** HTML the cache holds, by the digest it has already. */
  private digestOfBody(html: BodyHtml): string {
    return typeof html === 'string' ? this.digestOfString(html) : hashOfHtml(html);
  }

  private digestOfString(text: string): string {
    return madeOnce(this.strings, text, () => digest(text));
  }
}

/** Whether the page at `url` has its file in `outputDir`. */
export const hasPageFile = (outputDir: string, url: string): boolean => existsSync(outputFileOf(outputDir, url));

export interface RenderPlan {
  /** URLs to render: new, changed, or with their file missing. */
  render: Set<string>;
  /** URLs of the last build that this one no longer has. */
  remove: string[];
}

/** Whether a page of the last build lost its file: by `missing`, when they were checked already (`missingPages.ts`); else checked now. */
export function fileGoneFrom(outputDir: string, missing: ReadonlySet<string> | undefined): (url: string) => boolean {
  return missing ? (url) => missing.has(url) : (url) => !hasPageFile(outputDir, url);
}

/**
 * Whether the page at `url`, with this hash, is to be written: new or changed since `previous`, or its file gone. The
 * one rule for rendering a page and for making it again at all (`ArchiveOptions.pageHashing`).
 */
export const mustWrite =
  (previous: Hashes, fileGone: (url: string) => boolean) =>
  (url: string, hash: string): boolean =>
    previous.get(url) !== hash || fileGone(url);

/** `missing`: the last build's pages whose file is gone, when they were checked already (`missingPages.ts`); else each is checked here. */
export function planRender(outputDir: string, current: Hashes, previous: Hashes, missing?: ReadonlySet<string>): RenderPlan {
  const render = new Set<string>();
  const toWrite = mustWrite(previous, fileGoneFrom(outputDir, missing));
  for (const [url, hash] of current) {
    if (toWrite(url, hash)) render.add(url);
  }
  const remove = [...previous.keys()].filter((url) => !current.has(url));
  return { render, remove };
}

/** Deletes the files of pages that are gone, and the folders this leaves empty, never above `outputDir`. */
export function removePages(outputDir: string, urls: readonly string[]): void {
  const root = path.resolve(outputDir);
  for (const url of urls) {
    const file = outputFileOf(root, url);
    if (!file.startsWith(root + path.sep)) continue;
    rmSync(file, { force: true });
    for (let folder = path.dirname(file); folder.startsWith(root + path.sep); folder = path.dirname(folder)) {
      try {
        rmdirSync(folder);
      } catch {
        break; // Not empty: other pages live there.
      }
    }
  }
}
