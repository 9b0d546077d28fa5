/**
 * The search documents of the parts to index, written to a temporary folder
 * as they are made, one file a part, and read by the worker that indexes the
 * part. The build then needs neither the Archive nor the documents in memory
 * while Pagefind works: at 30,000 articles this process held 1.5 GB beside
 * Pagefind's 1.6 GB. The folder is removed once the index is written. A
 * build with a cache spools into it, on the project's disk: the system's
 * temporary folder is memory on many systems (a tmpfs), and small.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

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

export class DocumentSpool {
  private readonly parent: string;
  private folder: string | undefined;
  private written = 0;

  /** `parent`: where the spool's own folder is made, when the first part is written. */
  constructor(parent = tmpdir()) {
    this.parent = parent;
  }

  /** Writes a part's documents to a file of their own. */
  write(name: string, documents: readonly SearchDocument[]): SpooledPart {
    if (this.folder === undefined) {
      mkdirSync(this.parent, { recursive: true });
      removeAbandoned(this.parent);
      this.folder = mkdtempSync(path.join(this.parent, spoolPrefix));
    }
    // Named by number: a part's name is safe in a URL, but a file of the spool needs no such trust.
    const file = path.join(this.folder, `${++this.written}.json`);
    writeFileSync(file, JSON.stringify(documents));
    return { name, file, pageCount: documents.length };
  }

  /** Removes the folder and every file in it. */
  remove(): void {
    if (this.folder) rmSync(this.folder, { recursive: true, force: true });
    this.folder = undefined;
  }
}

const spoolPrefix = 'news-archive-search-';

/** A spool this old is no build's: one that was killed left it (a build of 100,000 articles takes minutes). */
const abandonedAfterMs = 24 * 60 * 60 * 1000;

/** Removes the spools of builds that were stopped before they could (which a CI cache would otherwise keep). */
function removeAbandoned(parent: string): void {
  for (const name of readdirSync(parent)) {
    if (!name.startsWith(spoolPrefix)) continue;
    const folder = path.join(parent, name);
    try {
      if (Date.now() - statSync(folder).mtimeMs > abandonedAfterMs) rmSync(folder, { recursive: true, force: true });
    } catch {
      // Gone already, or another's: left alone.
    }
  }
}

export const readSpooledDocuments = (part: SpooledPart): SearchDocument[] => JSON.parse(readFileSync(part.file, 'utf8')) as SearchDocument[];
