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
import type { BuildCache, CacheNamespace } from '../cache/buildCache.ts';
import { relateArticles, termCounter, type RelatableArticle, type Relations, type RelateOptions } from './relateArticles.ts';
import type { CountedTerms } from './terms.ts';

export function cachedRelateArticles(cache: BuildCache): (articles: readonly RelatableArticle[], options: RelateOptions) => Relations {
  const results = cache.namespace('relations');
  return (articles, options) => {
    const hash = results.hasher().update(JSON.stringify(options));
    for (const article of articles) hash.update(JSON.stringify(article));
    const name = hash.digest('hex');
    const cached = results.readValue<Relations>(name);
    if (cached) return cached;
    const terms = new TermCache(cache.namespace('terms', options.language), options.language);
    const relations = relateArticles(articles, options, terms.counter());
    terms.save();
    // The last result only.
    results.prune((other) => other === name);
    results.writeValue(name, relations);
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
  private readonly namespace: CacheNamespace;
  private readonly name: string;
  private readonly language: string;
  private readonly stored: Map<string, StoredTerms>;
  private readonly used = new Map<string, StoredTerms>();
  private added = 0;

  constructor(namespace: CacheNamespace, language: string) {
    this.namespace = namespace;
    this.language = language;
    this.name = namespace.hasher().digest('hex');
    const stored = namespace.readValue<unknown>(this.name);
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
    this.namespace.prune((other) => other === this.name);
    this.namespace.writeValue(this.name, this.used);
  }
}
