/**
 * Results of reading content files, cached by the file's name and bytes,
 * so that a file that has not changed costs a hash and a read on the next
 * build. Entries live one per file, so memory stays flat however large the
 * archive is.
 */
import { CacheNamespace } from './buildCache.ts';

const entryName = /^[0-9a-f]{64}$/;

export class FileCache<V> {
  private readonly namespace: CacheNamespace;
  private readonly used = new Set<string>();
  private written = 0;

  constructor(namespace: CacheNamespace) {
    this.namespace = namespace;
  }

  keyOf(file: string, bytes: Uint8Array): string {
    return this.namespace.hasher().update(file).update('\0').update(bytes).digest('hex');
  }

  get(key: string): V | undefined {
    this.used.add(key);
    return this.namespace.readValue<V>(this.entryOf(key));
  }

  /** Where entries are written (`EntryWriter`, by the thread that read the file); nothing when the cache is only read. */
  get writableFolder(): string | undefined {
    return this.namespace.writable ? this.namespace.folder : undefined;
  }

  /** An entry written (`EntryWriter`): kept by the next `prune`, which runs once any was written. */
  noteWritten(key: string): void {
    this.used.add(key);
    this.written += 1;
  }

  /** After new entries were written: removes those this run did not use (files changed or gone since). */
  prune(): void {
    if (this.written === 0) return;
    this.namespace.prune((name) => {
      const key = name.split(/[\\/]/).pop()!;
      return !entryName.test(key) || this.used.has(key);
    });
  }

  /** The entry's name in the cache's folder. */
  entryOf(key: string): string {
    return `${key.slice(0, 2)}/${key}`;
  }
}

/**
 * Writes entries into a file cache's folder (`FileCache.writableFolder`) from whichever thread read the file, a
 * loading worker or the main thread. Creating a file takes a while (at 10,000 articles, writing every entry from
 * the main thread after the files were read took 2.6 s of one core), so each thread writes its own.
 */
export class EntryWriter {
  private readonly namespace: CacheNamespace;

  constructor(folder: string) {
    this.namespace = new CacheNamespace(folder, '');
  }

  write(entry: string, value: unknown): void {
    this.namespace.writeValue(entry, value);
  }
}
