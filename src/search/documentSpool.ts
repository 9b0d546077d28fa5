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

/**
 * Writes a part's documents to a file of their own, each as it is made: a part's documents at once were old
 * garbage by the time they were written (100,000 articles: 2.1 GB for this process while they were spooled).
 */
export function spoolDocuments(spool: Spool, name: string, documents: Iterable<SearchDocument>): SpooledPart {
  let pageCount = 0;
  function* json(): Generator<string> {
    for (const document of documents) yield `${pageCount++ === 0 ? '[' : ','}${JSON.stringify(document)}`;
    yield pageCount === 0 ? '[]' : ']';
  }
  const file = spool.writeEach(json(), 'json');
  return { name, file, pageCount };
}

export const readSpooledDocuments = (part: SpooledPart): SearchDocument[] => JSON.parse(readFileSync(part.file, 'utf8')) as SearchDocument[];
