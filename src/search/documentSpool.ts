/**
 * The search documents of the parts to index, written to the build's spool
 * (`spool.ts`) as they are made, one file a part, and read by the worker that
 * indexes the part.
 */
import { readFileSync } from 'node:fs';
import type { Spool } from '../spool.ts';

/** What Pagefind reads of one article: its URL and its search document (`searchDocument.ts`). */
export interface SearchDocument {
  url: string;
  content: string;
}

/** A part of the index to build, as the spool holds it. */
export interface SpooledPart {
  name: string;
  /** The file of its documents, in URL order. */
  file: string;
  pageCount: number;
}

/** Writes a part's documents to a file of their own. */
export const spoolDocuments = (spool: Spool, name: string, documents: readonly SearchDocument[]): SpooledPart => ({
  name,
  file: spool.write(JSON.stringify(documents), 'json'),
  pageCount: documents.length,
});

export const readSpooledDocuments = (part: SpooledPart): SearchDocument[] => JSON.parse(readFileSync(part.file, 'utf8')) as SearchDocument[];
