/**
 * What is made from a text, kept by the text's hash in one entry of a cache
 * namespace: the last run's texts only, written again only when some were new
 * or gone. For what every build or check makes from every article's text and
 * that costs more than hashing it (index terms, fingerprints).
 */
import { createHash } from 'node:crypto';
import type { CacheNamespace } from './buildCache.ts';

export class TextCache<T> {
  private readonly namespace: CacheNamespace;
  private readonly name: string;
  private readonly stored: Map<string, T>;
  private readonly used = new Map<string, T>();
  private added = 0;

  /** The namespace's context says what the values depend on besides the text (a language). */
  constructor(namespace: CacheNamespace) {
    this.namespace = namespace;
    this.name = namespace.hasher().digest('hex');
    const stored = namespace.readValue<unknown>(this.name);
    this.stored = stored instanceof Map ? (stored as Map<string, T>) : new Map();
  }

  /** `make` through the cache: what it made of the same text in the last run, else made now. */
  through<R>(make: (text: string) => R, store: (made: R) => T, restore: (stored: T) => R): (text: string) => R {
    return (text) => {
      const key = createHash('sha1').update(text).digest('base64');
      const known = this.stored.get(key) ?? this.used.get(key);
      if (known !== undefined) {
        this.used.set(key, known);
        return restore(known);
      }
      const made = make(text);
      this.used.set(key, store(made));
      this.added += 1;
      return made;
    };
  }

  /** `make` through the cache, for values kept as they are made. */
  cached(make: (text: string) => T): (text: string) => T {
    return this.through(
      make,
      (made) => made,
      (stored) => stored,
    );
  }

  /** Keeps this run's texts only, and writes only when some were new or gone. */
  save(): void {
    if (this.added === 0 && this.used.size === this.stored.size) return;
    this.namespace.prune((other) => other === this.name);
    this.namespace.writeValue(this.name, this.used);
  }
}
