/**
 * Results of reading content files, cached by the file's name and bytes,
 * so that a file that has not changed costs a hash and a read on the next
 * build. Entries are written in packs, one per batch of files a thread
 * read, and found through one index: creating a file is what writing an
 * entry costs most (at 10,000 articles, 10,000 files took a cold load from
 * 6.9 s to 8.4–9.6 s, most of it the system's time), and reading 10,000 of
 * them is 10,000 opens. A pack is never changed once written; the index,
 * written last, names only whole packs, so an interrupted build leaves a
 * pack nothing names, removed by the next.
 *
 * The index also keeps, for each file read, its stat (size, times, inode)
 * with its key, as git's index does: a file whose stat is the same on the
 * next build is known by its key without being read and hashed again, once
 * its times are old enough to tell a later write apart (`settledAfterMs`).
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { closeSync, openSync, readSync } from 'node:fs';
import { DefaultDeserializer, deserialize, serialize } from 'node:v8';
import { CacheNamespace } from './buildCache.ts';
import { madeOnce } from '../madeOnce.ts';

const packsFolder = 'packs';
const indexName = 'index';

/**
 * The index file: what the last run used, a column per field instead of an object per entry (at 100,000 articles,
 * 500,000 small arrays made a file of 86 MB that took 1.2 s to read back and 0.36 s to serialize). Entry `n` has the
 * key `keys[n]` and is in pack `packs[places[3n]]`, at offset `places[3n + 1]`, `places[3n + 2]` bytes long. By pack,
 * `readEnds` says where the entries the last run read end: those read come first in a pack, those only kept after
 * (the parts of an article kept apart), and the next run reads a pack that far, not the rest. For each file read,
 * its stat is kept with its key (`statNames`, `statSignatures`, `statKeys`).
 */
interface StoredIndex {
  format: 2;
  packs: string[];
  readEnds: Uint32Array;
  keys: string[];
  places: Uint32Array;
  statNames: string[];
  statSignatures: string[];
  statKeys: string[];
}

const isStoredIndex = (value: unknown): value is StoredIndex => typeof value === 'object' && value !== null && (value as Partial<StoredIndex>).format === 2;

/** The last run's index, looked up by key and by file. */
class KnownIndex {
  private readonly stored: StoredIndex;
  private readonly numbers = new Map<string, number>();
  private readonly statNumbers = new Map<string, number>();
  private readonly readEnds = new Map<string, number>();

  constructor(stored: StoredIndex) {
    this.stored = stored;
    for (const [n, key] of stored.keys.entries()) this.numbers.set(key, n);
    for (const [n, name] of stored.statNames.entries()) this.statNumbers.set(name, n);
    for (const [n, pack] of stored.packs.entries()) this.readEnds.set(pack, stored.readEnds[n]!);
  }

  get size(): number {
    return this.stored.keys.length;
  }

  get statCount(): number {
    return this.stored.statNames.length;
  }

  numberOf(key: string): number | undefined {
    return this.numbers.get(key);
  }

  keyOf(n: number): string {
    return this.stored.keys[n]!;
  }

  placeOf(n: number): Place {
    const { packs, places } = this.stored;
    return { pack: packs[places[3 * n]!]!, offset: places[3 * n + 1]!, length: places[3 * n + 2]! };
  }

  readEndOf(pack: string): number | undefined {
    return this.readEnds.get(pack);
  }

  /** The signature and key `name`'s file had on the last run. */
  statOf(name: string): readonly [signature: string, key: string] | undefined {
    const n = this.statNumbers.get(name);
    return n === undefined ? undefined : [this.stored.statSignatures[n]!, this.stored.statKeys[n]!];
  }
}

const emptyIndex = (): StoredIndex => ({
  format: 2,
  packs: [],
  readEnds: new Uint32Array(0),
  keys: [],
  places: new Uint32Array(0),
  statNames: [],
  statSignatures: [],
  statKeys: [],
});

/** Where an entry is: its pack (by name), and its bytes' offset and length there. */
interface Place {
  pack: string;
  offset: number;
  length: number;
}

/** How this run used an entry of the last run's index. */
const Use = {
  None: 0,
  /** Kept for the next run, not read. */
  Kept: 1,
  /** Read (and kept): first in the packs this run merges, as the next run will read it too. */
  Read: 2,
} as const;

/** Where an entry is, for another process to read it: its pack file (absolute), and its bytes' offset and length there. */
export type EntryPlace = readonly [file: string, offset: number, length: number];

/**
 * The value of an entry at its place (`FileCache.placeOf`), read by whichever process needs it, and checked to be
 * what was stored there (`is`). Packs are never changed once written, but another build on the same cache (a
 * `serve` beside a `build`) may merge them away: then it says so. `what` names the value when its place is not
 * known yet, which is a mistake of the code.
 */
export function readEntryAt<T>(at: EntryPlace | undefined, what: string, is: (value: unknown) => value is T): T {
  if (!at) throw new Error(`${what} was read before its place in the cache was known`);
  const [file, offset, length] = at;
  let value: unknown;
  try {
    // Bytes of its own: a typed array read from them is a view into them.
    const bytes = Buffer.allocUnsafeSlow(length);
    const descriptor = openSync(file, 'r');
    try {
      if (readSync(descriptor, bytes, 0, length, offset) === length) value = deserialize(bytes);
    } finally {
      closeSync(descriptor);
    }
  } catch (error) {
    throw cacheChanged(file, error);
  }
  if (!is(value)) throw cacheChanged(file);
  return value;
}

export const isString = (value: unknown): value is string => typeof value === 'string';

/** What a build says when an entry is no longer where the cache had it. */
const cacheChanged = (file: string, cause?: unknown): Error =>
  new Error(`an entry is no longer where the build cache had it (${file}): another build changed the cache meanwhile; build again`, { cause });

/** A pack as its writer made it: its name, and each entry's key, offset and length. */
export interface WrittenPack {
  name: string;
  size: number;
  entries: (readonly [key: string, offset: number, length: number])[];
  /** Where the entries to be read end: those after it are kept only (`PackWriter.write`). */
  readEnd: number;
}

/**
 * Packs are merged (their live entries into new packs) when they hold more dead bytes than live ones, or are
 * small: a day's news writes a pack of one or two entries, which would otherwise pile up, one per build.
 */
const smallPack = 256 * 1024;
const mergedPack = 32 * 1024 * 1024;
/** Packs kept in memory while entries are read: a few, as their entries come in runs. */
const packsHeld = 4;

export class FileCache<V> {
  private readonly namespace: CacheNamespace;
  private known: KnownIndex | undefined;
  /** How this run used each entry of the last run's index (`Use`), by its number there. */
  private uses = new Uint8Array(0);
  /** The entries this run wrote (or moved, merging packs), and whether they are read: they no longer count as known. */
  private readonly placed = new Map<string, Place & { read: boolean }>();
  /** The stats of the files of this run whose keys can be trusted next time (a file's once), and whether they differ from the last run's. */
  private readonly stats = { names: [] as string[], signatures: [] as string[], keys: [] as string[] };
  private statsChanged = false;
  /**
   * What a file's stat is kept under, before its name: the digest of the recipe of its key. The index outlives
   * the tool's version and the settings files are read with (a time zone), and a file unchanged since a run of
   * other ones has another key now.
   */
  private readonly statPrefix: string;
  private readonly written: WrittenPack[] = [];
  private readonly packFiles = new Map<string, string>();
  /**
   * The packs last read, the latest last: entries are asked for in file order, mostly the order packs were
   * written in, but for those of edited and added files, merged into packs of their own. Each is in a buffer
   * (`room`) that the next pack read takes over when it is dropped (see `CacheNamespace.readInto`): nothing
   * read from it may be kept, which deserializing it does not (`deserializeOwned`).
   */
  private readonly recentPacks = new Map<string, { bytes: Buffer | undefined; room: Buffer | undefined; whole: boolean }>();

  constructor(namespace: CacheNamespace) {
    this.namespace = namespace;
    this.statPrefix = `${namespace.hasher().digest('base64')}\0`;
  }

  keyOf(file: string, bytes: Uint8Array): string {
    return this.namespace.hasher().update(file).update('\0').update(bytes).digest('hex');
  }

  /** The key of `file` (as given to `keyOf`) when it had this stat on the last run, which says it has not changed since. */
  keyByStat(file: string, stat: string): string | undefined {
    const known = this.index().statOf(this.statPrefix + file);
    return known?.[0] === stat ? known[1] : undefined;
  }

  /** The stat `file` had before it was read, with its key: kept for the next run. Once a file a run. */
  noteStat(file: string, stat: string, key: string): void {
    const name = this.statPrefix + file;
    const known = this.index().statOf(name);
    if (known?.[0] !== stat || known[1] !== key) this.statsChanged = true;
    this.stats.names.push(name);
    this.stats.signatures.push(stat);
    this.stats.keys.push(key);
  }

  get(key: string): V | undefined {
    const n = this.index().numberOf(key);
    if (n === undefined) return undefined;
    const { pack, offset, length } = this.index().placeOf(n);
    const bytes = this.packBytes(pack, offset + length);
    if (!bytes || offset + length > bytes.length) return undefined;
    try {
      const value = deserializeOwned(bytes.subarray(offset, offset + length)) as V;
      this.use(key, n, Use.Read);
      return value;
    } catch {
      return undefined;
    }
  }

  /** Notes an entry as used by this run without reading it (it stays in the cache); false when there is none. */
  keep(key: string): boolean {
    const n = this.index().numberOf(key);
    if (n === undefined) return false;
    this.use(key, n, Use.Kept);
    return true;
  }

  /** A known entry is used once this run has not written (nor moved) its key anew: an entry is in the next index once. */
  private use(key: string, n: number, use: (typeof Use)['Kept' | 'Read']): void {
    if (!this.placed.has(key)) this.uses[n] = Math.max(this.uses[n]!, use);
  }

  /** Where a used entry is: its pack file and the entry's offset and length there. Final once the index is saved (`save` merges packs). */
  placeOf(key: string): EntryPlace | undefined {
    const place = this.placed.get(key) ?? this.knownPlaceInUse(key);
    return place && [this.packFile(place.pack), place.offset, place.length];
  }

  private knownPlaceInUse(key: string): Place | undefined {
    const n = this.index().numberOf(key);
    return n !== undefined && this.uses[n] !== Use.None ? this.index().placeOf(n) : undefined;
  }

  /** A pack's file, made once per pack: a build asks for the place of three entries an article. */
  private packFile(pack: string): string {
    return madeOnce(this.packFiles, pack, () => path.resolve(this.namespace.folder, packsFolder, pack));
  }

  /** Where packs are written (`PackWriter`, by the thread that read the files); nothing when the cache is only read. */
  get writableFolder(): string | undefined {
    return this.namespace.writable ? this.namespace.folder : undefined;
  }

  /** A pack written (`PackWriter`): its entries are in the index `save` writes, in place of what the last run's held under their keys. */
  noteWritten(pack: WrittenPack): void {
    this.written.push(pack);
    for (const [key, offset, length] of pack.entries) this.place(key, { pack: pack.name, offset, length, read: offset < pack.readEnd });
  }

  private place(key: string, place: Place & { read: boolean }): void {
    this.placed.set(key, place);
    const n = this.index().numberOf(key);
    if (n !== undefined) this.uses[n] = Use.None;
  }

  /** An entry whose bytes are gone: not in the next index. */
  private drop(key: string): void {
    this.placed.delete(key);
    const n = this.index().numberOf(key);
    if (n !== undefined) this.uses[n] = Use.None;
  }

  /**
   * After packs were written: the index of the entries this run used, with small and mostly dead packs merged,
   * and the packs it no longer names removed (and anything else in the folder: an older version's entries).
   */
  save(): void {
    if (!this.namespace.writable) return;
    const statsChanged = this.statsChanged || this.stats.names.length !== this.index().statCount;
    if (this.written.length === 0 && !statsChanged) return;
    const live = this.mergeSparsePacks(this.liveBytesByPack());
    if (!this.namespace.writeValue(indexName, this.storedIndex())) return;
    this.namespace.prune((name) => name === indexName || name === packsFolder || live.has(name));
  }

  private index(): KnownIndex {
    if (!this.known) {
      const stored = this.namespace.readValue<unknown>(indexName);
      this.known = new KnownIndex(isStoredIndex(stored) ? stored : emptyIndex());
      this.uses = new Uint8Array(this.known.size);
    }
    return this.known;
  }

  /** Each entry this run used, with its place and whether it was read: the last run's, then this run's own. */
  private *entriesInUse(): Generator<[key: string, place: Place, read: boolean]> {
    const known = this.index();
    for (let n = 0; n < known.size; n++) if (this.uses[n] !== Use.None) yield [known.keyOf(n), known.placeOf(n), this.uses[n] === Use.Read];
    for (const [key, place] of this.placed) yield [key, place, place.read];
  }

  /** The index of what this run used, as the file holds it. */
  private storedIndex(): StoredIndex {
    const packNumbers = new Map<string, number>();
    const readEnds: number[] = [];
    const keys: string[] = [];
    const places: number[] = [];
    for (const [key, { pack, offset, length }, read] of this.entriesInUse()) {
      let number = packNumbers.get(pack);
      if (number === undefined) {
        number = packNumbers.size;
        packNumbers.set(pack, number);
        readEnds.push(0);
      }
      if (read) readEnds[number] = Math.max(readEnds[number]!, offset + length);
      keys.push(key);
      places.push(number, offset, length);
    }
    return {
      format: 2,
      packs: [...packNumbers.keys()],
      readEnds: Uint32Array.from(readEnds),
      keys,
      places: Uint32Array.from(places),
      statNames: this.stats.names,
      statSignatures: this.stats.signatures,
      statKeys: this.stats.keys,
    };
  }

  /**
   * A pack's bytes, at least to `end`: as far as the last run read it (its entries read come first), or whole
   * when an entry beyond is asked for (at 10,000 articles, the bodies, texts and terms' counts kept apart are
   * nine tenths of the packs' bytes).
   */
  private packBytes(name: string, end: number): Buffer | undefined {
    let pack = this.recentPacks.get(name);
    if (pack) this.recentPacks.delete(name);
    if (!pack || (!pack.whole && (pack.bytes?.length ?? 0) < end)) {
      let room = pack?.room;
      if (!room && this.recentPacks.size >= packsHeld) {
        const [oldest, dropped] = this.recentPacks.entries().next().value!;
        this.recentPacks.delete(oldest);
        room = dropped.room;
      }
      const readEnd = this.index().readEndOf(name);
      const limit = readEnd !== undefined && end <= readEnd ? readEnd : undefined;
      const bytes = this.namespace.readInto(`${packsFolder}/${name}`, room, limit);
      pack = { bytes, room: bytes && room && bytes.buffer === room.buffer ? room : bytes, whole: limit === undefined || (bytes?.length ?? 0) < limit };
    }
    this.recentPacks.set(name, pack);
    return pack.bytes;
  }

  /** Each pack the used entries are in, with the bytes of them and its size. */
  private liveBytesByPack(): Map<string, { live: number; size: number }> {
    const sizes = new Map(this.written.map((pack) => [pack.name, pack.size]));
    const packs = new Map<string, { live: number; size: number }>();
    for (const [, { pack, length }] of this.entriesInUse()) {
      const known = packs.get(pack) ?? { live: 0, size: sizes.get(pack) ?? this.namespace.size(`${packsFolder}/${pack}`) ?? 0 };
      known.live += length;
      packs.set(pack, known);
    }
    return packs;
  }

  /**
   * Merges the small and mostly dead packs, when there are two or any is mostly dead, into new packs of at most
   * `mergedPack` bytes (what is held in memory at once); returns the pack files kept, by path.
   */
  private mergeSparsePacks(packs: Map<string, { live: number; size: number }>): Set<string> {
    const mostlyDead = [...packs].filter(([, { live, size }]) => live * 2 < size).map(([name]) => name);
    const sparse = new Set([...mostlyDead, ...[...packs].filter(([, { size }]) => size < smallPack).map(([name]) => name)]);
    if (sparse.size >= 2 || mostlyDead.length > 0) {
      const writer = new PackWriter(this.namespace.folder);
      // The entries this run read first, as the next will: it reads each pack no further than them.
      let moved: [key: string, bytes: Uint8Array][] = [];
      let movedApart: [key: string, bytes: Uint8Array][] = [];
      let movedBytes = 0;
      let complete = true;
      const flush = () => {
        const merged = writer.writeSerialized(moved, movedApart);
        if (merged) {
          for (const [key, offset, length] of merged.entries) this.place(key, { pack: merged.name, offset, length, read: offset < merged.readEnd });
          packs.set(merged.name, { live: merged.size, size: merged.size });
        } else if (moved.length + movedApart.length > 0) complete = false;
        moved = [];
        movedApart = [];
        movedBytes = 0;
      };
      // Listed before any is moved: a moved entry is placed anew, in a pack of its own kind.
      for (const [key, { pack, offset, length }, read] of [...this.entriesInUse()]) {
        if (!sparse.has(pack)) continue;
        const bytes = this.packBytes(pack, offset + length);
        if (!bytes || offset + length > bytes.length) {
          this.drop(key);
          continue;
        }
        // A copy: the pack's buffer is another pack's once four more are read.
        (read ? moved : movedApart).push([key, Buffer.from(bytes.subarray(offset, offset + length))]);
        movedBytes += length;
        if (movedBytes >= mergedPack) flush();
      }
      flush();
      // A merge that could not be written leaves its entries where they were.
      if (complete) for (const name of sparse) packs.delete(name);
    }
    return new Set([...packs.keys()].map((name) => `${packsFolder}/${name}`));
  }
}

/**
 * `v8.deserialize` makes each typed array a view into the bytes it was read
 * from (or into a shared pool of them): an article's term counts would keep
 * the whole pack they came in (32 MB) for as long as the article lives. At
 * 100,000 articles a build held every pack, 3.3 GB, beside its heap, and
 * the engine, seeing that much memory outside the heap, collected garbage
 * again and again. Each typed array gets bytes of its own here.
 */
class OwningDeserializer extends DefaultDeserializer {
  _readHostObject(): ArrayBufferView {
    const view = (DefaultDeserializer.prototype as unknown as { _readHostObject(): ArrayBufferView })._readHostObject.call(this);
    const own = new Uint8Array(view.buffer, view.byteOffset, view.byteLength).slice().buffer;
    const View = view.constructor as new (buffer: ArrayBuffer, offset: number, length: number) => ArrayBufferView;
    return new View(own, 0, 'length' in view ? (view.length as number) : view.byteLength);
  }
}

function deserializeOwned(bytes: Uint8Array): unknown {
  const deserializer = new OwningDeserializer(bytes);
  deserializer.readHeader();
  return deserializer.readValue();
}

/**
 * Writes entries into a file cache's folder (`FileCache.writableFolder`) from whichever thread read the files, a
 * loading worker or the main thread: one pack for a batch of files, named so that no two threads or builds meet.
 */
export class PackWriter {
  private readonly namespace: CacheNamespace;

  constructor(folder: string) {
    this.namespace = new CacheNamespace(folder, '');
  }

  /**
   * The values, by key, as one pack: those a load reads first, then those it only keeps (`kept`), which it does not
   * read; nothing when there are none or it could not be written.
   */
  write(read: readonly (readonly [key: string, value: unknown])[], kept: readonly (readonly [key: string, value: unknown])[] = []): WrittenPack | undefined {
    const serialized = (entries: typeof read) => entries.map(([key, value]) => [key, serialize(value)] as const);
    return this.writeSerialized(serialized(read), serialized(kept));
  }

  writeSerialized(
    read: readonly (readonly [key: string, bytes: Uint8Array])[],
    kept: readonly (readonly [key: string, bytes: Uint8Array])[] = [],
  ): WrittenPack | undefined {
    const entries = [...read, ...kept];
    if (entries.length === 0) return undefined;
    const name = `${randomUUID()}.pack`;
    const written: WrittenPack['entries'] = [];
    let offset = 0;
    let readEnd = 0;
    for (const [n, [key, bytes]] of entries.entries()) {
      written.push([key, offset, bytes.length]);
      offset += bytes.length;
      if (n < read.length) readEnd = offset;
    }
    const data = Buffer.concat(
      entries.map(([, bytes]) => bytes),
      offset,
    );
    return this.namespace.write(`${packsFolder}/${name}`, data) ? { name, size: offset, entries: written, readEnd } : undefined;
  }
}
