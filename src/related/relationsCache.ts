/**
 * Relating articles is the costliest part of indexing (about 3 s at 10,000
 * articles) and depends only on the articles' texts, dates, tags and links:
 * a build whose articles did not change reads the last result from the cache
 * instead. One result is kept, the last one. When articles did change, the
 * index terms of those that did not (tokenizing and stemming is a third of
 * the work) are read from the cache by their text, so that one edited
 * article costs the comparing alone.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { writeCacheFile } from '../cacheFile.ts';
import { codeVersion } from '../codeVersion.ts';
import { relateArticles, termCounter, type RelatableArticle, type Relations, type RelateOptions } from './relateArticles.ts';
import type { CountedTerms } from './terms.ts';

export function cachedRelateArticles(cacheRoot: string): (articles: readonly RelatableArticle[], options: RelateOptions) => Relations {
  const folder = path.join(cacheRoot, 'relations');
  return (articles, options) => {
    const hash = createHash('sha256').update(codeVersion()).update(JSON.stringify(options));
    for (const article of articles) hash.update(JSON.stringify(article));
    const file = path.join(folder, hash.digest('hex'));
    try {
      return deserialize(readFileSync(file)) as Relations;
    } catch {
      // Not cached, or unreadable: computed afresh.
    }
    const terms = new TermCache(path.join(cacheRoot, 'terms'), options.language);
    const relations = relateArticles(articles, options, terms.counter());
    terms.save();
    keepOnly(file);
    writeCacheFile(file, serialize(relations));
    return relations;
  };
}

/** A text's counted terms as stored: the terms joined by spaces (no term holds one), and their counts. */
interface StoredTerms {
  terms: string;
  counts: Uint32Array;
}

/** Counted index terms by a hash of their text, for one language and version of the tool; one file, the last build's texts. */
class TermCache {
  private readonly language: string;
  private readonly file: string;
  private readonly stored: Map<string, StoredTerms>;
  private readonly used = new Map<string, StoredTerms>();
  private added = 0;

  constructor(folder: string, language: string) {
    this.language = language;
    this.file = path.join(folder, createHash('sha256').update(`${codeVersion()}\0${language}`).digest('hex'));
    let stored: unknown;
    try {
      stored = deserialize(readFileSync(this.file));
    } catch {
      // Not there, or unreadable: every text is counted afresh.
    }
    this.stored = stored instanceof Map ? (stored as Map<string, StoredTerms>) : new Map();
  }

  counter(): (text: string) => CountedTerms {
    const count = termCounter(this.language);
    return (text) => {
      const key = createHash('sha1').update(text).digest('base64');
      const known = this.stored.get(key) ?? this.used.get(key);
      if (known) {
        this.used.set(key, known);
        return { terms: known.terms === '' ? [] : known.terms.split(' '), counts: known.counts };
      }
      const counted = count(text);
      this.used.set(key, { terms: counted.terms.join(' '), counts: Uint32Array.from(counted.counts) });
      this.added += 1;
      return counted;
    };
  }

  /** Keeps the texts of this build only, and only when some were new or gone. */
  save(): void {
    if (this.added === 0 && this.used.size === this.stored.size) return;
    keepOnly(this.file);
    writeCacheFile(this.file, serialize(this.used));
  }
}

/** Removes every other file from `file`'s folder: these caches keep the last result only. */
function keepOnly(file: string): void {
  const folder = path.dirname(file);
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return;
  }
  for (const name of names) if (path.join(folder, name) !== file) rmSync(path.join(folder, name), { force: true });
}
