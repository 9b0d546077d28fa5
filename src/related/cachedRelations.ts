/**
 * Relating articles is the costliest part of indexing (about 4 s at 10,000
 * articles) and depends only on the articles' texts, dates, tags and links,
 * so the build cache keeps two things, each the last build's only:
 * - the result: a build whose articles did not change reads it;
 * - the text index (`similarity.ts`): a build whose older articles did not
 *   change gives it the new and changed ones, and only the articles near
 *   them in text look for neighbors again, with the same result as a whole run.
 * Each text's index terms (tokenizing and stemming is a third of a whole run)
 * were counted and cached when its file was read; in a build with a cache
 * they stay there, and are read back only for the articles the text index
 * is asked about (`related/terms.ts`).
 */
import type { BuildCache } from '../cache/buildCache.ts';
import {
  articleTerms,
  digestOfWords,
  relateArticles,
  type NeighborFinder,
  type RelatableArticle,
  type Relations,
  type RelateOptions,
} from './relateArticles.ts';
import { indexNeighbors, neighborsOf, updateNeighbors, type CandidateLists, type NeighborIndex } from './similarity.ts';

export function cachedRelateArticles(cache: BuildCache): (articles: readonly RelatableArticle[], options: RelateOptions) => Relations {
  const results = cache.namespace('relations');
  return (articles, options) => {
    // What an article's text neighbors depend on, and then the rest.
    const textKeys = new Map<RelatableArticle, string>();
    const hash = results.hasher().update(JSON.stringify(options));
    for (const article of articles) {
      // Its terms are made from its title, dek and text, digested when its file was read.
      const { url, title: _title, description: _description, text: _text, terms, ...rest } = article;
      const textKey = `${url}\0${terms?.digest ?? digestOfWords(article)}`;
      textKeys.set(article, textKey);
      hash.update(textKey).update(JSON.stringify(rest));
    }
    const name = hash.digest('hex');
    const cached = results.readValue<Relations>(name);
    if (cached) return cached;
    const relations = relateArticles(
      articles,
      options,
      cachedNeighbors(cache, (article) => textKeys.get(article)!),
    );
    results.prune((other) => other === name);
    results.writeValue(name, relations);
    return relations;
  };
}

/** The last build's text index, by the text keys of its articles (oldest first). */
interface StoredIndex {
  keys: string[];
  index: PackedIndex;
}

/** Neighbors from the last build's text index when its older articles are the same; else from all articles, with their terms cached. */
function cachedNeighbors(cache: BuildCache, textKeyOf: (article: RelatableArticle) => string): NeighborFinder {
  return (ordered, options) => {
    const namespace = cache.namespace('text-index', options.language);
    const name = namespace.hasher().digest('hex');
    const keys = ordered.map(textKeyOf);
    const stored = namespace.readValue<StoredIndex>(name);
    const termsOf = articleTerms(options.language);
    let index: NeighborIndex | undefined;
    if (stored) {
      const positionOf = new Map(stored.keys.map((key, position) => [key, position]));
      index = updateNeighbors(
        unpack(stored.index),
        keys.map((key) => positionOf.get(key)),
        (document) => termsOf(ordered[document]!),
      );
    }
    index ??= indexNeighbors(ordered.length, (document) => termsOf(ordered[document]!));
    // The last index only (one of another version of the tool is no use).
    namespace.prune((other) => other === name);
    namespace.writeValue(name, { keys, index: pack(index) } satisfies StoredIndex);
    return neighborsOf(index);
  };
}

/** A text index in a few typed arrays, which the cache reads and writes at once, instead of an object per vector. */
interface PackedIndex {
  settled: number;
  terms: string[];
  documentFrequency: Uint32Array;
  proposes: Uint8Array;
  /** Document d's vector terms and weights are at `vectorStart[d]` to `vectorStart[d + 1]`. */
  vectorStart: Uint32Array;
  vectorTerms: Uint32Array;
  vectorWeights: Uint32Array;
  proposerStart: Uint32Array;
  proposers: Uint8Array;
  candidates: CandidateLists;
}

function pack(index: NeighborIndex): PackedIndex {
  const starts = (lengths: number[]) => {
    const start = new Uint32Array(lengths.length + 1);
    lengths.forEach((length, i) => {
      start[i + 1] = start[i]! + length;
    });
    return start;
  };
  const vectorStart = starts(index.vectors.map((vector) => vector.terms.length));
  const proposerStart = starts(index.vectors.map((vector) => vector.proposers.length));
  const packed: PackedIndex = {
    settled: index.settled,
    terms: index.terms,
    documentFrequency: Uint32Array.from(index.documentFrequency),
    proposes: Uint8Array.from(index.proposes, Number),
    vectorStart,
    vectorTerms: new Uint32Array(vectorStart.at(-1)!),
    vectorWeights: new Uint32Array(vectorStart.at(-1)!),
    proposerStart,
    proposers: new Uint8Array(proposerStart.at(-1)!),
    candidates: index.candidates,
  };
  index.vectors.forEach((vector, document) => {
    packed.vectorTerms.set(vector.terms, vectorStart[document]);
    packed.vectorWeights.set(vector.weights, vectorStart[document]);
    packed.proposers.set(vector.proposers, proposerStart[document]);
  });
  return packed;
}

function unpack(packed: PackedIndex): NeighborIndex {
  const documents = Array.from({ length: packed.vectorStart.length - 1 }, (_, document) => document);
  const slice = <T extends Uint32Array | Uint8Array>(array: T, start: Uint32Array, document: number) =>
    array.subarray(start[document], start[document + 1]) as T;
  return {
    settled: packed.settled,
    terms: packed.terms,
    documentFrequency: Array.from(packed.documentFrequency),
    proposes: Array.from(packed.proposes, Boolean),
    vectors: documents.map((document) => ({
      terms: slice(packed.vectorTerms, packed.vectorStart, document),
      weights: slice(packed.vectorWeights, packed.vectorStart, document),
      proposers: slice(packed.proposers, packed.proposerStart, document),
    })),
    candidates: packed.candidates,
  };
}
