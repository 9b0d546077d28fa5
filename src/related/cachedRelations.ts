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
import type { BuildCache, RawArray } from '../cache/buildCache.ts';
import {
  articleTerms,
  digestOfWords,
  relateArticles,
  type NeighborFinder,
  type RelatableArticle,
  type Relations,
  type RelateOptions,
} from './relateArticles.ts';
import { indexNeighbors, neighborsOf, updateNeighbors, type NeighborIndex } from './similarity.ts';

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

/** Neighbors from the last build's text index when its older articles are the same; else from all articles, with their terms cached. */
function cachedNeighbors(cache: BuildCache, textKeyOf: (article: RelatableArticle) => string): NeighborFinder {
  return (ordered, options) => {
    const namespace = cache.namespace('text-index', options.language);
    const name = namespace.hasher().digest('hex');
    const keys = ordered.map(textKeyOf);
    const stored = storedIndexOf(namespace.readWithArrays<StoredHead>(name));
    const termsOf = articleTerms(options.language);
    let index: NeighborIndex | undefined;
    if (stored) index = updateNeighbors(stored.index, positionsIn(stored.keys, keys), (document) => termsOf(ordered[document]!));
    index ??= indexNeighbors(ordered.length, (document) => termsOf(ordered[document]!));
    // The last index only (one of another version of the tool is no use).
    namespace.prune((other) => other === name);
    namespace.writeWithArrays(name, { keys, settled: index.settled, terms: index.terms } satisfies StoredHead, arraysOf(index));
    return neighborsOf(index);
  };
}

/**
 * Where each key is in `previous`, or undefined: compared in place as far as the two agree (the older articles,
 * most of an archive), looked up after that. Keys are unique (they begin with the article's URL), so a key
 * found in place is nowhere else. A map of all 100,000 keys took 0.5 s of a day's news.
 */
function positionsIn(previous: readonly string[], keys: readonly string[]): (number | undefined)[] {
  let same = 0;
  while (same < keys.length && same < previous.length && keys[same] === previous[same]) same += 1;
  const positionOf = new Map<string, number>();
  for (let position = same; position < previous.length; position++) positionOf.set(previous[position]!, position);
  return keys.map((key, document) => (document < same ? document : positionOf.get(key)));
}

/** What the text index's file holds beside its arrays: the text keys of its articles (oldest first), and its terms. */
interface StoredHead {
  keys: string[];
  settled: number;
  terms: string[];
}

/**
 * The text index's arrays, as the cache writes them: each document's vector is a view into arrays made for many
 * (the last build's, read back, and those of the documents added since), so a vector's terms, weights and
 * proposers are given as pieces, one for each run of vectors that follow one another in memory, not copied into
 * arrays of them all. Document d's vector terms and weights are at `vectorStart[d]` to `vectorStart[d + 1]`.
 */
function arraysOf(index: NeighborIndex): Record<string, RawArray | RawArray[]> {
  const { vectors, candidates } = index;
  const starts = (lengthOf: (vector: NeighborIndex['vectors'][number]) => number) => {
    const start = new Uint32Array(vectors.length + 1);
    vectors.forEach((vector, document) => {
      start[document + 1] = start[document]! + lengthOf(vector);
    });
    return start;
  };
  return {
    documentFrequency: Uint32Array.from(index.documentFrequency),
    proposes: Uint8Array.from(index.proposes, Number),
    vectorStart: starts((vector) => vector.terms.length),
    vectorTerms: runsOf(vectors.map((vector) => vector.terms)),
    vectorWeights: runsOf(vectors.map((vector) => vector.weights)),
    proposerStart: starts((vector) => vector.proposers.length),
    proposers: runsOf(vectors.map((vector) => vector.proposers)),
    candidateStart: candidates.start,
    candidateIndex: candidates.index,
    candidateShared: candidates.shared,
    candidateScore: candidates.score,
    candidateMet: candidates.met,
  };
}

/** Views that follow one another in memory, joined: as many pieces as runs of them. */
function runsOf<T extends Uint32Array | Uint8Array>(views: readonly T[]): T[] {
  const runs: T[] = [];
  let run: { first: T; end: number; length: number } | undefined;
  const flush = () => {
    if (run)
      runs.push(
        new (run.first.constructor as new (buffer: ArrayBufferLike, offset: number, length: number) => T)(run.first.buffer, run.first.byteOffset, run.length),
      );
  };
  for (const view of views) {
    if (run && view.buffer === run.first.buffer && view.byteOffset === run.end) {
      run.end += view.byteLength;
      run.length += view.length;
      continue;
    }
    flush();
    run = { first: view, end: view.byteOffset + view.byteLength, length: view.length };
  }
  flush();
  return runs;
}

/** The last build's index, from its file: its arrays are views of the bytes read. Nothing when the file is not all there. */
function storedIndexOf(stored: { head: StoredHead; arrays: Record<string, RawArray> } | undefined): { keys: string[]; index: NeighborIndex } | undefined {
  if (!stored) return undefined;
  const { head, arrays } = stored;
  const of = <T extends RawArray>(key: string, kind: new (length: number) => T): T | undefined =>
    arrays[key] instanceof kind ? (arrays[key] as T) : undefined;
  const [documentFrequency, proposes, vectorStart, vectorTerms, vectorWeights, proposerStart, proposers] = [
    of('documentFrequency', Uint32Array),
    of('proposes', Uint8Array),
    of('vectorStart', Uint32Array),
    of('vectorTerms', Uint32Array),
    of('vectorWeights', Uint32Array),
    of('proposerStart', Uint32Array),
    of('proposers', Uint8Array),
  ];
  const candidates = {
    start: of('candidateStart', Uint32Array),
    index: of('candidateIndex', Uint32Array),
    shared: of('candidateShared', Float64Array),
    score: of('candidateScore', Float64Array),
    met: of('candidateMet', Uint32Array),
  };
  if (!documentFrequency || !proposes || !vectorStart || !vectorTerms || !vectorWeights || !proposerStart || !proposers) return undefined;
  if (!candidates.start || !candidates.index || !candidates.shared || !candidates.score || !candidates.met) return undefined;
  const documents = vectorStart.length - 1;
  const slice = <T extends Uint32Array | Uint8Array>(array: T, start: Uint32Array, document: number) =>
    array.subarray(start[document], start[document + 1]) as T;
  return {
    keys: head.keys,
    index: {
      settled: head.settled,
      terms: head.terms,
      documentFrequency: Array.from(documentFrequency),
      proposes: Array.from(proposes, Boolean),
      vectors: Array.from({ length: documents }, (_, document) => ({
        terms: slice(vectorTerms, vectorStart, document),
        weights: slice(vectorWeights, vectorStart, document),
        proposers: slice(proposers, proposerStart, document),
      })),
      candidates: { start: candidates.start, index: candidates.index, shared: candidates.shared, score: candidates.score, met: candidates.met },
    },
  };
}
