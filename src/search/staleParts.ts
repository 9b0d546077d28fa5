/**
 * Which parts of the search index a build indexes again: a part changes when
 * what Pagefind reads of it does (its articles' search documents), so each
 * part has a hash of those (each body by its digest), kept in the build
 * record; parts whose hash changed, or whose folder is gone, are indexed
 * again. Only their documents are made whole, and go to the spool for the
 * workers that index them: at 100,000 articles, a day's news hashed the parts
 * in 0.9-1.0 s instead of 2.0-2.3 s.
 */
import { createHash } from 'node:crypto';
import type { SearchPart } from '../archive/pages.ts';
import type { Hashes } from '../cache/buildRecord.ts';
import { codeVersion } from '../cache/codeVersion.ts';
import { spoolDocuments, type SearchDocument, type SpooledPart } from './documentSpool.ts';
import type { Spool } from '../spool.ts';
import { indexedPageCount } from './indexSearch.ts';
import { searchDocumentOf } from './searchDocument.ts';
import { hashOfHtml } from '../sanitize/bodyHtml.ts';

export interface SearchPlan {
  hashes: Hashes;
  /** Parts to index again, their documents spooled. */
  stale: SpooledPart[];
  /** True when the last build had parts this one has not (their folders are to be deleted). */
  partsRemoved: boolean;
}

/** `spool`: where the documents of stale parts are written; none when the index is not to be built. */
export function planSearch(parts: readonly SearchPart[], language: string, outputDir: string, previous: Hashes, spool: Spool | undefined): SearchPlan {
  const hashes: Hashes = new Map();
  const stale: SpooledPart[] = [];
  for (const part of parts) {
    const hash = hashOf(part, language);
    hashes.set(part.name, hash);
    if (spool && (previous.get(part.name) !== hash || indexedPageCount(outputDir, [part.name]) === undefined))
      stale.push(spoolDocuments(spool, part.name, documentsOf(part, language)));
  }
  const partsRemoved = [...previous.keys()].some((name) => !hashes.has(name));
  return { hashes, stale, partsRemoved };
}

/** Every part's documents spooled, for an index built whole. */
export const spoolAll = (parts: readonly SearchPart[], language: string, spool: Spool): SpooledPart[] =>
  parts.map((part) => spoolDocuments(spool, part.name, documentsOf(part, language)));

/** A part's documents, each made when it is asked for. */
function* documentsOf(part: SearchPart, language: string): Generator<SearchDocument> {
  for (const page of part.pages) yield { url: page.url, content: searchDocumentOf(page, language) };
}

/**
 * Of what Pagefind would read of the part: its documents, each body by its digest. Only the documents of the
 * parts to index again are made whole, their bodies read from the cache where it holds them.
 */
function hashOf(part: SearchPart, language: string): string {
  const hash = createHash('sha1').update(`${codeVersion()}\0${part.name}`);
  for (const page of part.pages) hash.update(`\0${page.url}\0${searchDocumentOf(page, language, hashOfHtml)}`);
  return hash.digest('base64');
}
