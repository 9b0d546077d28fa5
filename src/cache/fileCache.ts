/**
 * Results of reading content files, cached by the file's name and bytes,
 * so that a file that has not changed costs a hash and a read on the next
 * build. Entries live one per file, so memory stays flat however large the
 * archive is.
 */
import type { CacheNamespace } from './buildCache.ts';

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

  set(key: string, value: V): void {
    this.used.add(key);
    if (this.namespace.writeValue(this.entryOf(key), value)) this.written += 1;
  }

  /** After new entries were written: removes those this run did not use (files changed or gone since). */
  prune(): void {
    if (this.written === 0) return;
    this.namespace.prune((name) => {
      const key = name.split(/[\\/]/).pop()!;
      return !entryName.test(key) || this.used.has(key);
    });
  }

  private entryOf(key: string): string {
    return `${key.slice(0, 2)}/${key}`;
  }
}
