/**
 * The build cache, `.cache/news-archive/` beside Eleventy's own `.cache`:
 * what one build keeps so that the next does less. Every stage gets its own
 * namespace (a folder) from it, and every key follows one recipe: the tool's
 * own code (`codeVersion`), the namespace and its context, then what the
 * entry is made from, so that a new version of the tool never reuses an old
 * result. A cache is only ever a shortcut: an entry that cannot be read is a
 * miss, one that cannot be written makes the next build slower, and neither
 * fails a build.
 */
import { createHash, type Hash } from 'node:crypto';
import { closeSync, fstatSync, mkdirSync, openSync, readdirSync, readSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { threadId } from 'node:worker_threads';
import { codeVersion } from './codeVersion.ts';

/** The cache folder, relative to the working folder. */
export const defaultCacheDir = '.cache/news-archive';

export class BuildCache {
  readonly root: string;
  /** Entries are read, never written or removed: for a command that promises to write nothing (a dry run). */
  readonly readOnly: boolean;

  /** `root` is absolute. */
  constructor(root: string, { readOnly = false } = {}) {
    this.root = root;
    this.readOnly = readOnly;
  }

  /** A stage's folder; `context` is what else every key of it depends on (a time zone, a language). */
  namespace(name: string, context = ''): CacheNamespace {
    return new CacheNamespace(path.join(this.root, name), `${codeVersion()}\0${name}\0${context}\0`, this.readOnly);
  }
}

export class CacheNamespace {
  readonly folder: string;
  private readonly recipe: string;
  private readonly readOnly: boolean;
  private readonly madeFolders = new Set<string>();

  constructor(folder: string, recipe: string, readOnly = false) {
    this.folder = folder;
    this.recipe = recipe;
    this.readOnly = readOnly;
  }

  /** False when entries are only read (a dry run). */
  get writable(): boolean {
    return !this.readOnly;
  }

  /** A hash already fed with the key recipe: feed it what the entry is made from. */
  hasher(algorithm = 'sha256'): Hash {
    return createHash(algorithm).update(this.recipe);
  }

  /** The entry's bytes, or nothing when it is not there or cannot be read. */
  read(name: string): Buffer | undefined {
    return this.readInto(name, undefined);
  }

  /**
   * The entry's bytes, its first `limit` at most, read into `room` when they fit (else into a buffer of their
   * own), or nothing when it is not there or cannot be read. Reusing the room matters when entries are large and many are read: every
   * buffer taken from the system counts towards when the engine collects garbage, and reading 100,000 articles
   * from 32 MB packs, each in a new buffer, took 21 full collections, 4 s of the 11 s it took.
   */
  readInto(name: string, room: Buffer | undefined, limit = Number.POSITIVE_INFINITY): Buffer | undefined {
    let fd: number | undefined;
    try {
      fd = openSync(path.join(this.folder, name), 'r');
      const size = Math.min(fstatSync(fd).size, limit);
      const buffer = room && room.length >= size ? room : Buffer.allocUnsafeSlow(size);
      let read = 0;
      while (read < size) {
        const got = readSync(fd, buffer, read, size - read, read);
        if (got === 0) break;
        read += got;
      }
      return buffer.subarray(0, read);
    } catch {
      return undefined;
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
  }

  /** The entry's size in bytes, or nothing when it is not there. */
  size(name: string): number | undefined {
    try {
      return statSync(path.join(this.folder, name)).size;
    } catch {
      return undefined;
    }
  }

  /** An entry written by `writeValue`: the value, or nothing when it is not there or cannot be read. */
  readValue<T>(name: string): T | undefined {
    const bytes = this.read(name);
    try {
      return bytes && (deserialize(bytes) as T);
    } catch {
      return undefined;
    }
  }

  /** Writes a value (anything structured clone takes: maps, typed arrays) as an entry; false when it could not. */
  writeValue(name: string, value: unknown): boolean {
    return this.write(name, serialize(value));
  }

  /** Writes an entry whole or not at all (a temporary file, then a rename); false when it could not. */
  write(name: string, data: string | Uint8Array): boolean {
    if (this.readOnly) return false;
    const file = path.join(this.folder, name);
    const folder = path.dirname(file);
    try {
      if (!this.madeFolders.has(folder)) mkdirSync(folder, { recursive: true });
      this.madeFolders.add(folder);
      // By process and thread: the loading threads of one build write entries at once (`fileCache.ts`).
      const temporary = `${file}.${process.pid}-${threadId}.tmp`;
      writeFileSync(temporary, data);
      renameSync(temporary, file);
      return true;
    } catch {
      return false;
    }
  }

  /** Removes every entry and folder (in any subfolder, `/`-separated) that `keep` does not accept, by name; a folder with all it holds. */
  prune(keep: (name: string) => boolean): void {
    if (this.readOnly) return;
    let names: string[];
    try {
      names = readdirSync(this.folder, { recursive: true, encoding: 'utf8' });
    } catch {
      return;
    }
    for (const name of names) {
      try {
        if (!keep(name.split(path.sep).join('/'))) rmSync(path.join(this.folder, name), { force: true, recursive: true });
      } catch {
        // A folder, or already gone.
      }
    }
  }
}
