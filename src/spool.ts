/**
 * A build's spool: a temporary folder where what one stage makes waits, on
 * disk, for the processes and threads of the next, so that the build needs
 * neither the Archive nor what was made of it in memory meanwhile: the search
 * documents of the parts to index (at 30,000 articles this process held
 * 1.5 GB beside Pagefind's 1.6 GB), and the shares of pages to render. The
 * folder is made when the first file is written and removed at the end of the
 * build. A build with a cache spools into it, on the project's disk: the
 * system's temporary folder is memory on many systems (a tmpfs), and small.
 */
import { closeSync, mkdirSync, mkdtempSync, openSync, readdirSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export class Spool {
  private readonly parent: string;
  private folder: string | undefined;
  private written = 0;

  /** `parent`: where the spool's own folder is made, when the first file is written. */
  constructor(parent = tmpdir()) {
    this.parent = parent;
  }

  /** Writes a file of its own; returns its path. */
  write(contents: string | Uint8Array, extension: string): string {
    const file = this.nextFile(extension);
    writeFileSync(file, contents);
    return file;
  }

  /**
   * Writes a file of its own from pieces made as they are written, so that each is garbage while it is young
   * and cheap to collect, not all of them at once; returns its path.
   */
  writeEach(pieces: Iterable<string>, extension: string): string {
    const file = this.nextFile(extension);
    const descriptor = openSync(file, 'w');
    try {
      let pending: string[] = [];
      let pendingLength = 0;
      const flush = () => {
        const bytes = Buffer.from(pending.join(''));
        // A write may take fewer bytes than it was given.
        for (let offset = 0; offset < bytes.length; ) offset += writeSync(descriptor, bytes, offset);
        [pending, pendingLength] = [[], 0];
      };
      for (const piece of pieces) {
        pending.push(piece);
        pendingLength += piece.length;
        if (pendingLength >= writtenAtOnce) flush();
      }
      flush();
    } finally {
      closeSync(descriptor);
    }
    return file;
  }

  private nextFile(extension: string): string {
    if (this.folder === undefined) {
      mkdirSync(this.parent, { recursive: true });
      removeAbandoned(this.parent);
      this.folder = mkdtempSync(path.join(this.parent, spoolPrefix));
    }
    // Named by number: what a file holds needs no trust in a name.
    return path.join(this.folder, `${++this.written}.${extension}`);
  }

  /** Removes the folder and every file in it. */
  remove(): void {
    if (this.folder) rmSync(this.folder, { recursive: true, force: true });
    this.folder = undefined;
  }
}

const spoolPrefix = 'news-archive-spool-';

/** Characters gathered before a write: a few hundred pieces of a few kilobytes. */
const writtenAtOnce = 2 ** 20;

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
