/**
 * The on-disk cache of read (and sanitized) content files, so that a file
 * whose bytes have not changed costs a hash and a read on the next build.
 *
 * An entry's key is a hash of everything its result depends on: the tool's
 * code (`codeVersion`), what is done to the file (`check` or `build`), the
 * site's time zone (it decides the article's URL), the file's name and
 * bytes. Entries live one per file under `.cache/news-archive/`, so memory
 * stays flat however large the archive is; they are written whole, and an
 * unreadable entry is a miss, never an error.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { writeCacheFile } from '../cacheFile.ts';
import { codeVersion } from '../codeVersion.ts';

export class ContentCache<V> {
  private readonly dir: string;
  private readonly prefix: string;
  private readonly used = new Set<string>();
  private readonly madeFolders = new Set<string>();
  private written = 0;

  /** `kind` keeps apart entries of different shapes; `context` is what else every entry depends on. */
  constructor(cacheRoot: string, kind: string, context: string) {
    this.dir = path.join(cacheRoot, kind);
    this.prefix = `${codeVersion()}\0${kind}\0${context}\0`;
  }

  keyOf(file: string, bytes: Uint8Array): string {
    return createHash('sha256').update(this.prefix).update(file).update('\0').update(bytes).digest('hex');
  }

  get(key: string): V | undefined {
    this.used.add(key);
    try {
      return deserialize(readFileSync(this.pathOf(key))) as V;
    } catch {
      return undefined;
    }
  }

  set(key: string, value: V): void {
    this.used.add(key);
    const file = this.pathOf(key);
    const folder = path.dirname(file);
    if (writeCacheFile(file, serialize(value), { folderExists: this.madeFolders.has(folder) })) {
      this.madeFolders.add(folder);
      this.written += 1;
    }
  }

  /** After new entries were written: removes those this run did not use (files changed or gone since). */
  prune(): void {
    if (this.written === 0) return;
    let names: string[];
    try {
      names = readdirSync(this.dir, { recursive: true, encoding: 'utf8' });
    } catch {
      return;
    }
    for (const name of names) {
      const key = path.basename(name);
      if (/^[0-9a-f]{64}$/.test(key) && !this.used.has(key)) rmSync(path.join(this.dir, name), { force: true });
    }
  }

  private pathOf(key: string): string {
    return path.join(this.dir, key.slice(0, 2), key);
  }
}
