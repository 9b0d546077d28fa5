/**
 * Which pages a build renders: each page has a hash of everything its file
 * is made from (the page object, the site's settings, the tool's code and
 * templates); pages that are new, changed, or whose file is gone are
 * rendered, and the files of pages that no longer exist are deleted.
 */
import { createHash } from 'node:crypto';
import { existsSync, rmdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Page, SiteView } from '../archive/pages.ts';
import type { Hashes } from '../cache/buildRecord.ts';
import { codeVersion } from '../cache/codeVersion.ts';
import { fileSegmentsOf } from '../routes.ts';

/** Strings at least this long are hashed once and stand in a page's hash by their digest. */
const longString = 256;

export function hashPages(pages: readonly Page[], site: SiteView, templatesHash = ''): Hashes {
  const prefix = `${codeVersion()}\0${templatesHash}\0${JSON.stringify(site)}\0`;
  // An article's HTML is in its page and in up to a few dozen feeds and lists: hashed once, by the string itself,
  // instead of serialized and hashed with every page that holds it (at 10,000 articles, hundreds of megabytes).
  const digests = new Map<string, string>();
  const digestOf = (text: string): string => {
    let digest = digests.get(text);
    if (digest === undefined) {
      digest = `\0sha1:${createHash('sha1').update(text).digest('base64')}`;
      digests.set(text, digest);
    }
    return digest;
  };
  const replacer = (_key: string, value: unknown): unknown => (typeof value === 'string' && value.length >= longString ? digestOf(value) : value);
  return new Map(pages.map((page) => [page.url, createHash('sha1').update(prefix).update(JSON.stringify(page, replacer)).digest('base64')]));
}

/** The file a page URL is written to: `/a/b/` → `a/b/index.html`, `/feed.xml` → `feed.xml`. */
export const outputFileOf = (outputDir: string, url: string): string => path.join(outputDir, ...fileSegmentsOf(url));

export interface RenderPlan {
  /** URLs to render: new, changed, or with their file missing. */
  render: Set<string>;
  /** URLs of the last build that this one no longer has. */
  remove: string[];
}

export function planRender(outputDir: string, current: Hashes, previous: Hashes): RenderPlan {
  const render = new Set<string>();
  for (const [url, hash] of current) {
    if (previous.get(url) !== hash || !existsSync(outputFileOf(outputDir, url))) render.add(url);
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
