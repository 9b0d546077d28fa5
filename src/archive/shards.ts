/**
 * `build --shard K/N`: the part of the site that machine K of N builds, so
 * that a large archive builds on several machines at once and `merge` joins
 * their outputs into the site one machine would have built.
 *
 * Every shard reads and relates the whole archive, so each page is the one a
 * single build makes; only rendering and search indexing, most of a build,
 * are divided. A page that belongs to a year (an article and its changes, the
 * year's, months' and days' lists: their URLs begin with the year) goes with
 * its year, and so does the year's part of the search index. The pages that
 * list across years, or belong to the whole site (the home page, tags,
 * sources, feeds, the sitemap, the search page, pictures and files) are the
 * first shard's. Years go to the shard with the fewest pages so far, the
 * largest year first, with the first shard's pages counted from the start:
 * the shards get about as many pages each, and every machine computes the
 * same division from the same archive.
 */
import { UsageError } from '../errors.ts';
import type { Archive, Page } from './pages.ts';

export interface Shard {
  /** 1 to `count`. */
  number: number;
  count: number;
}

/** `K/N`, as `--shard` takes it. */
export function parseShard(text: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  const [number, count] = match ? [Number(match[1]), Number(match[2])] : [0, 0];
  if (!match || count < 1 || number < 1 || number > count) {
    throw new UsageError(`--shard expects K/N, this machine's part of N, from 1/N to N/N (e.g. --shard 2/4), not "${text}"`);
  }
  return { number, count };
}

/** The year a page belongs to, when its URL begins with one. */
const yearOfUrl = (url: string): string | undefined => /^\/(\d{4})\//.exec(url)?.[1];

/** The shard (1 to `count`) that builds each year of the archive. */
export function shardsOfYears(archive: Archive, count: number): Map<string, number> {
  const pagesOfYear = new Map<string, number>();
  let acrossYears = 0;
  for (const page of archive.pages) {
    const year = yearOfUrl(page.url);
    if (year === undefined) acrossYears += 1;
    else pagesOfYear.set(year, (pagesOfYear.get(year) ?? 0) + 1);
  }
  const loads = Array.from({ length: count }, (_, shard) => (shard === 0 ? acrossYears : 0));
  const shardOfYear = new Map<string, number>();
  const largestFirst = [...pagesOfYear].sort(([yearA, a], [yearB, b]) => b - a || (yearA < yearB ? -1 : 1));
  for (const [year, pages] of largestFirst) {
    const lightest = loads.indexOf(Math.min(...loads));
    loads[lightest]! += pages;
    shardOfYear.set(year, lightest + 1);
  }
  return shardOfYear;
}

/** The Archive less what other shards build: its pages and search parts. */
export function shardArchive(archive: Archive, shard: Shard): Archive {
  if (shard.count === 1) return archive;
  const shardOfYear = shardsOfYears(archive, shard.count);
  const ofThisShard = (year: string | undefined) => (year === undefined ? 1 : shardOfYear.get(year)) === shard.number;
  return {
    site: archive.site,
    pages: archive.pages.filter((page: Page) => ofThisShard(yearOfUrl(page.url))),
    // A part holds articles of one year (2025, 2025-01-to-02, 2025-11).
    searchParts: archive.searchParts.filter((part) => ofThisShard(part.pages[0]?.search.year)),
    pageHashes: archive.pageHashes,
  };
}
