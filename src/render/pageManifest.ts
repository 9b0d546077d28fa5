/**
 * What the last build wrote into an output folder: every page's URL and a
 * hash of everything its file is made from (the page object, the site's
 * settings, the tool's code and templates). Comparing it with the pages of
 * this build tells which pages to render (new or changed, or whose file is
 * gone) and which files to delete (pages that no longer exist). It is kept
 * beside the content cache, one per output folder, never in the site.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { writeCacheFile } from '../cacheFile.ts';
import { codeVersion } from '../codeVersion.ts';
import type { SearchPart } from './indexSearch.ts';
import type { RenderResult } from './renderSite.ts';
import { searchDocumentOf } from './searchDocument.ts';

/** What a build reports of the site it made, apart from what this build wrote. */
export type BuildSummary = Omit<RenderResult, 'renderedCount' | 'removedCount'>;

export interface PageLike {
  url: string;
}

/** URL → hash. */
export type PageHashes = Map<string, string>;

/** What a build wrote: its pages' hashes, and its search index parts' (name → hash of their articles' search documents). */
export interface BuildRecord {
  pages: PageHashes;
  searchIndexes: Map<string, string>;
  /** What the build was made from (`LoadedContent.inputKey` and the options), and what it said it made. */
  inputKey?: string | undefined;
  summary?: BuildSummary | undefined;
}

/** A search index part changes when what Pagefind reads does: the hash of its articles' search documents. */
export function hashSearchParts(parts: readonly SearchPart[], language: string): Map<string, string> {
  return new Map(
    parts.map((part) => {
      const hash = createHash('sha1').update(`${codeVersion()}\0${part.name}`);
      for (const page of part.pages) hash.update(`\0${page.url}\0${searchDocumentOf(page, language)}`);
      return [part.name, hash.digest('base64')];
    }),
  );
}

export function hashPages(pages: readonly PageLike[], shared: unknown): PageHashes {
  const prefix = `${codeVersion()}\0${JSON.stringify(shared)}\0`;
  return new Map(pages.map((page) => [page.url, createHash('sha1').update(prefix).update(JSON.stringify(page)).digest('base64')]));
}

/** The file a page URL is written to: `/a/b/` → `a/b/index.html`, `/feed.xml` → `feed.xml`. */
export const outputFileOf = (outputDir: string, url: string): string =>
  path.join(outputDir, ...url.split('/').filter(Boolean), ...(url.endsWith('/') ? ['index.html'] : []));

export class PageManifest {
  private readonly file: string;

  constructor(cacheRoot: string, outputDir: string) {
    const name = createHash('sha1').update(path.resolve(outputDir)).digest('hex').slice(0, 16);
    this.file = path.join(cacheRoot, 'pages', `${name}.json`);
  }

  /** What the last build into this folder wrote; nothing when there was none (or it cannot be read). */
  read(): BuildRecord {
    try {
      const saved = JSON.parse(readFileSync(this.file, 'utf8')) as Omit<BuildRecord, 'pages' | 'searchIndexes'> & {
        pages: [string, string][];
        searchIndexes: [string, string][];
      };
      return { ...saved, pages: new Map(saved.pages), searchIndexes: new Map(saved.searchIndexes) };
    } catch {
      return { pages: new Map(), searchIndexes: new Map() };
    }
  }

  /** Without a manifest (if it cannot be written), the next build renders every page: slower, never wrong. */
  write(record: BuildRecord): void {
    writeCacheFile(this.file, JSON.stringify({ ...record, pages: [...record.pages], searchIndexes: [...record.searchIndexes] }));
  }
}

export interface RenderPlan {
  /** URLs to render: new, changed, or with their file missing. */
  render: Set<string>;
  /** URLs of the last build that this one no longer has. */
  remove: string[];
}

export function planRender(outputDir: string, current: PageHashes, previous: PageHashes): RenderPlan {
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
