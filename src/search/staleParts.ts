/**
 * Which parts of the search index a build indexes again: a part changes when
 * what Pagefind reads of it does (its articles' search documents), so each
 * part has a hash of those, kept in the build record; parts whose hash
 * changed, or whose folder is gone, are indexed again.
 */
import { createHash } from 'node:crypto';
import type { SearchPart } from '../archive/pages.ts';
import type { Hashes } from '../cache/buildRecord.ts';
import { codeVersion } from '../cache/codeVersion.ts';
import { indexedPageCount } from './indexSearch.ts';
import { searchDocumentOf } from './searchDocument.ts';

export function hashSearchParts(parts: readonly SearchPart[], language: string): Hashes {
  return new Map(
    parts.map((part) => {
      const hash = createHash('sha1').update(`${codeVersion()}\0${part.name}`);
      for (const page of part.pages) hash.update(`\0${page.url}\0${searchDocumentOf(page, language)}`);
      return [part.name, hash.digest('base64')];
    }),
  );
}

export interface SearchPlan {
  hashes: Hashes;
  /** Parts to index again. */
  stale: SearchPart[];
  /** True when the last build had parts this one has not (their folders are to be deleted). */
  partsRemoved: boolean;
}

export function planSearch(parts: readonly SearchPart[], language: string, outputDir: string, previous: Hashes): SearchPlan {
  const hashes = hashSearchParts(parts, language);
  const stale = parts.filter((part) => previous.get(part.name) !== hashes.get(part.name) || indexedPageCount(outputDir, [part.name]) === undefined);
  const partsRemoved = [...previous.keys()].some((name) => !hashes.has(name));
  return { hashes, stale, partsRemoved };
}
