/**
 * What the last build wrote into an output folder: every page's URL and the
 * hash of what its file is made from, the hash of each search index part,
 * what the build was made from and what it reported. Comparing it with this
 * build tells which pages to render and which files to delete; it is kept
 * in the cache, one per output folder, never in the site.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { Problem } from '../problems.ts';
import type { BuildCache, CacheNamespace } from './buildCache.ts';

/** URL (or part name) → hash. */
export type Hashes = Map<string, string>;

/** What a build reports of the site it made, apart from what this build wrote. */
export interface BuildSummary {
  /** Article pages. */
  articleCount: number;
  /** True when feeds and the sitemap were made (they need a base URL). */
  hasFeeds: boolean;
  /** True when `/sources.opml` was made (a source has a feed). */
  hasSourcesOpml?: boolean | undefined;
  /** HTML pages of the site. */
  pageCount: number;
  /** Other files of the site from the Archive: feeds, sitemaps, robots.txt. */
  fileCount: number;
  /** Pages in the search index. */
  searchPageCount: number;
}

/** The stamp of a build's input as it began (`folderStamp.ts`), with what loading it reported. */
export interface Reported {
  stamp: string;
  problems: Problem[];
  contentFileCount: number;
}

export interface BuildRecord {
  pages: Hashes;
  searchParts: Hashes;
  /** What the build was made from (the loaded content's input key and the options). */
  inputKey?: string | undefined;
  summary?: BuildSummary | undefined;
  reported?: Reported | undefined;
}

export const emptyRecord = (): BuildRecord => ({ pages: new Map(), searchParts: new Map() });

export class BuildRecords {
  private readonly namespace: CacheNamespace;
  private readonly name: string;
  /** The record as read or written last: a build asks for it at each stage that needs it, and parses it once. */
  private known: BuildRecord | undefined;

  constructor(cache: BuildCache, outputDir: string) {
    this.namespace = cache.namespace('pages');
    this.name = `${createHash('sha1').update(path.resolve(outputDir)).digest('hex').slice(0, 16)}.json`;
  }

  /** What the last build into this folder wrote; an empty record when there was none (or it cannot be read). */
  read(): BuildRecord {
    this.known ??= this.readFile();
    return this.known;
  }

  private readFile(): BuildRecord {
    try {
      const saved = JSON.parse(this.namespace.read(this.name)!.toString('utf8')) as Omit<BuildRecord, 'pages' | 'searchParts'> & {
        pages: [string, string][];
        searchParts: [string, string][];
      };
      return { ...saved, pages: new Map(saved.pages), searchParts: new Map(saved.searchParts) };
    } catch {
      return emptyRecord();
    }
  }

  /** Without a record (if it cannot be written), the next build renders every page: slower, never wrong. */
  write(record: BuildRecord): void {
    const written = this.namespace.write(this.name, JSON.stringify({ ...record, pages: [...record.pages], searchParts: [...record.searchParts] }));
    this.known = written ? record : undefined;
  }
}
