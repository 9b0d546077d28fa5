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
import { closeSync, fstatSync, mkdirSync, openSync, readdirSync, readSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
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
    return this.writeWith(name, (temporary) => writeFileSync(temporary, data));
  }

  /**
   * Writes `head` (anything structured clone takes) and typed arrays, each given whole or as pieces that follow
   * one another, as the bytes they are in memory: no buffer of them all is made, as serializing does (the text
   * index of 100,000 articles, 147 MB, took 1.0 s to serialize in a build, and 0.13 s to write). Read back by
   * `readWithArrays`; false when it could not be written.
   */
  writeWithArrays(name: string, head: unknown, arrays: Readonly<Record<string, RawArray | readonly RawArray[]>>): boolean {
    const sections = Object.entries(arrays).map(([key, value]) => {
      const pieces = Array.isArray(value) ? (value as readonly RawArray[]) : [value as RawArray];
      const kind = rawKindOf(pieces[0] ?? new Uint8Array(0));
      if (pieces.some((piece) => rawKindOf(piece) !== kind)) throw new Error(`the pieces of ${key} are not all ${kind}`);
      return { key, kind, length: pieces.reduce((sum, piece) => sum + piece.length, 0), pieces };
    });
    const meta = serialize({ head, sections: sections.map(({ key, kind, length }) => [key, kind, length]) } satisfies RawMeta);
    const metaLength = Buffer.alloc(4);
    metaLength.writeUInt32LE(meta.length);
    return this.writeWith(name, (temporary) => {
      const descriptor = openSync(temporary, 'w');
      try {
        let position = 0;
        const put = (bytes: Uint8Array) => {
          for (let done = 0; done < bytes.length; ) done += writeSync(descriptor, bytes, done, bytes.length - done, position + done);
          position += bytes.length;
        };
        const pad = () => put(new Uint8Array(aligned(position) - position));
        put(metaLength);
        put(meta);
        pad();
        for (const { pieces } of sections) {
          for (const piece of pieces) put(new Uint8Array(piece.buffer, piece.byteOffset, piece.byteLength));
          pad();
        }
      } finally {
        closeSync(descriptor);
      }
    });
  }

  /** An entry written by `writeWithArrays`: its head, and each array a view of the one buffer read; nothing when it is not there or cannot be read. */
  readWithArrays<Head>(name: string): { head: Head; arrays: Record<string, RawArray> } | undefined {
    const bytes = this.read(name);
    if (!bytes || bytes.length < 4) return undefined;
    try {
      const metaEnd = 4 + bytes.readUInt32LE(0);
      const { head, sections } = deserialize(bytes.subarray(4, metaEnd)) as RawMeta;
      // Views need their offsets aligned to their elements' size: a buffer read into is (`read`), else a copy is.
      const own = bytes.byteOffset % 8 === 0 ? bytes : Buffer.from(bytes);
      const arrays: Record<string, RawArray> = {};
      let offset = aligned(metaEnd);
      for (const [key, kind, length] of sections) {
        const View = rawKinds[kind];
        if (offset + length * View.BYTES_PER_ELEMENT > own.length) return undefined;
        arrays[key] = new View(own.buffer as ArrayBuffer, own.byteOffset + offset, length);
        offset = aligned(offset + length * View.BYTES_PER_ELEMENT);
      }
      return { head: head as Head, arrays };
    } catch {
      return undefined;
    }
  }

  /** Makes `name`'s file whole or not at all: `write` writes a temporary file, renamed to it; false when it could not. */
  private writeWith(name: string, write: (temporary: string) => void): boolean {
    if (this.readOnly) return false;
    const file = path.join(this.folder, name);
    const folder = path.dirname(file);
    // By process and thread: the loading threads of one build write entries at once (`fileCache.ts`).
    const temporary = `${file}.${process.pid}-${threadId}.tmp`;
    try {
      if (!this.madeFolders.has(folder)) mkdirSync(folder, { recursive: true });
      this.madeFolders.add(folder);
      write(temporary);
      renameSync(temporary, file);
      return true;
    } catch {
      rmSync(temporary, { force: true });
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

/** A typed array `writeWithArrays` writes as its bytes. */
export type RawArray = Uint8Array | Uint32Array | Int32Array | Float64Array;

const rawKinds = { Uint8Array, Uint32Array, Int32Array, Float64Array } as const;

type RawKind = keyof typeof rawKinds;

const rawKindOf = (array: RawArray): RawKind => {
  const kind = array.constructor.name;
  if (!(kind in rawKinds)) throw new Error(`${kind} is not written as bytes`);
  return kind as RawKind;
};

/** What a file of `writeWithArrays` says first: its head, and each array's name, kind and length, in the order their bytes follow. */
interface RawMeta {
  head: unknown;
  sections: (readonly [key: string, kind: RawKind, length: number])[];
}

/** Every array's bytes start at a multiple of 8, as a view of 64-bit numbers must. */
const aligned = (offset: number): number => Math.ceil(offset / 8) * 8;
