/**
 * Which articles read alike: TF-IDF vectors (sublinear term frequency,
 * smoothed inverse document frequency, the title counted twice), cut to each
 * article's strongest terms and compared through an inverted index, so each
 * article meets only the articles that share a less common term with it,
 * never all pairs; the best of those are scored exactly.
 */
import type { CountedTerms } from './terms.ts';

export interface Neighbor {
  /** Index of the other document. */
  index: number;
  /** Cosine similarity of the two vectors, 0 to 1. */
  score: number;
}

export interface SimilarityOptions {
  /** Neighbors kept per document. */
  topK?: number;
  /** Terms kept per document vector: its highest weights. */
  termsPerDocument?: number;
  /**
   * Terms found in more documents than this do not propose candidates: in a
   * large archive they are common words, and walking their long lists would
   * be most of the cost. They still count in the exact score of candidates.
   */
  maxPostings?: number;
  /** Of a document's terms, how many of the strongest look for candidates (all count in the score). */
  proposingTerms?: number;
  /** Candidates per document scored exactly: those sharing the most weight in less common terms. */
  candidatesPerDocument?: number;
}

interface SparseVector {
  terms: Uint32Array;
  weights: Float32Array;
  /** Positions (in `terms`) of the strongest few terms, which propose candidates. */
  proposers: Uint8Array;
}

/**
 * Neighbors of `count` documents, each asked for once, in order, by
 * `termsOf`: its terms become ids at once and its strings can go.
 */
export function textNeighbors(count: number, termsOf: (document: number) => CountedTerms, options: SimilarityOptions = {}): Neighbor[][] {
  const { topK = 20, termsPerDocument = 48, proposingTerms = 12, maxPostings = 250, candidatesPerDocument = 48 } = options;
  // Term ids in the order terms first occur in the documents; and in how many documents each term occurs.
  const idOfTerm = new Map<string, number>();
  const documentFrequency: number[] = [];
  // Each document as sorted term ids with their counts.
  const counted = Array.from({ length: count }, (_, index) => {
    const document = termsOf(index);
    const ids = new Uint32Array(document.terms.length);
    document.terms.forEach((term, position) => {
      let id = idOfTerm.get(term);
      if (id === undefined) {
        id = idOfTerm.size;
        idOfTerm.set(term, id);
        documentFrequency.push(0);
      }
      documentFrequency[id]! += 1;
      ids[position] = id;
    });
    // Sorted by id through one native numeric sort of (id, position) packed into a number.
    const packed = new Float64Array(ids.length);
    for (let position = 0; position < ids.length; position++) packed[position] = ids[position]! * positionRange + position;
    packed.sort();
    const terms = new Uint32Array(packed.length);
    const counts = new Uint32Array(packed.length);
    for (let rank = 0; rank < packed.length; rank++) {
      const position = packed[rank]! % positionRange;
      terms[rank] = (packed[rank]! - position) / positionRange;
      counts[rank] = document.counts[position]!;
    }
    return { terms, counts };
  });

  const total = count;
  const vectors: SparseVector[] = counted.map(({ terms, counts }) => {
    const weights = new Float64Array(terms.length);
    for (let i = 0; i < terms.length; i++) weights[i] = (1 + Math.log(counts[i]!)) * Math.log(1 + total / documentFrequency[terms[i]!]!);
    // The strongest terms: those at or above the `termsPerDocument`-th largest weight (a native sort finds it).
    const threshold = terms.length <= termsPerDocument ? -Infinity : Float64Array.from(weights).sort()[terms.length - termsPerDocument]!;
    const kept: number[] = [];
    for (let i = 0; i < terms.length && kept.length < termsPerDocument; i++) if (weights[i]! >= threshold) kept.push(i);
    let norm = 0;
    for (const i of kept) norm += weights[i]! ** 2;
    norm = Math.sqrt(norm) || 1;
    const keptTerms = new Uint32Array(kept.length);
    const keptWeights = new Float32Array(kept.length);
    for (let k = 0; k < kept.length; k++) {
      keptTerms[k] = terms[kept[k]!]!;
      keptWeights[k] = weights[kept[k]!]! / norm;
    }
    const strongestFirst = Array.from({ length: kept.length }, (_, k) => k).sort((a, b) => keptWeights[b]! - keptWeights[a]! || a - b);
    return { terms: keptTerms, weights: keptWeights, proposers: Uint8Array.from(strongestFirst.slice(0, proposingTerms)) };
  });

  // Postings: for each term, the documents whose vector holds it, with its weight there.
  const postingCount = new Uint32Array(idOfTerm.size);
  for (const vector of vectors) for (const term of vector.terms) postingCount[term]! += 1;
  const postingStart = new Uint32Array(idOfTerm.size + 1);
  for (let term = 0; term < idOfTerm.size; term++) postingStart[term + 1] = postingStart[term]! + postingCount[term]!;
  const postingDocument = new Uint32Array(postingStart[idOfTerm.size]!);
  const postingWeight = new Float32Array(postingStart[idOfTerm.size]!);
  const filled = postingStart.slice(0, idOfTerm.size);
  vectors.forEach((vector, document) => {
    vector.terms.forEach((term, position) => {
      const slot = filled[term]!++;
      postingDocument[slot] = document;
      postingWeight[slot] = vector.weights[position]!;
    });
  });

  // Candidates come from the less common terms, through their postings; the
  // best candidates are then scored exactly, over all their terms.
  const partial = new Float32Array(total);
  // The documents met so far (a document can be met again once its sum is back to 0), and their sums for the selection.
  let touched = new Uint32Array(1024);
  let touchedCount = 0;
  let sums = new Float32Array(touched.length);
  const found = vectors.map((vector, document) => {
    for (let p = 0; p < vector.proposers.length; p++) {
      const position = vector.proposers[p]!;
      const term = vector.terms[position]!;
      if (postingCount[term]! > maxPostings) continue;
      const weight = vector.weights[position]!;
      for (let slot = postingStart[term]!; slot < postingStart[term + 1]!; slot++) {
        const other = postingDocument[slot]!;
        if (other === document) continue;
        if (partial[other] === 0) {
          if (touchedCount === touched.length) {
            const larger = new Uint32Array(touched.length * 2);
            larger.set(touched);
            touched = larger;
            sums = new Float32Array(touched.length);
          }
          touched[touchedCount++] = other;
        }
        partial[other]! += weight * postingWeight[slot]!;
      }
    }
    let threshold = -Infinity;
    if (touchedCount > candidatesPerDocument) {
      for (let i = 0; i < touchedCount; i++) sums[i] = partial[touched[i]!]!;
      threshold = kthLargest(sums.subarray(0, touchedCount), candidatesPerDocument);
    }
    const neighbors: Neighbor[] = [];
    for (let i = 0; i < touchedCount; i++) {
      const index = touched[i]!;
      if (partial[index]! >= threshold) neighbors.push({ index, score: Math.min(1, dot(vector, vectors[index]!)) });
    }
    for (let i = 0; i < touchedCount; i++) partial[touched[i]!] = 0;
    touchedCount = 0;
    neighbors.sort((a, b) => b.score - a.score || a.index - b.index);
    return neighbors.length > topK ? neighbors.slice(0, topK) : neighbors;
  });

  // Similarity is symmetric, but candidates are proposed by each side's own
  // strongest terms: a pair found from one side counts for both.
  const reverse: Neighbor[][] = found.map(() => []);
  found.forEach((list, document) => {
    for (const { index, score } of list) reverse[index]!.push({ index: document, score });
  });
  return found.map((list, document) => {
    const own = new Set(list.map((neighbor) => neighbor.index));
    const added = reverse[document]!.filter((neighbor) => !own.has(neighbor.index));
    if (added.length === 0) return list;
    return [...list, ...added].sort((a, b) => b.score - a.score || a.index - b.index).slice(0, topK);
  });
}

/** More than any document's count of distinct terms; times a term id, still an exact integer in a double. */
const positionRange = 2 ** 24;

/** The k-th largest value (quickselect, linear on average: the lists can hold thousands of scores). */
function kthLargest(values: Float32Array, k: number): number {
  const target = values.length - k;
  let low = 0;
  let high = values.length - 1;
  while (low < high) {
    const pivot = values[(low + high) >>> 1]!;
    let i = low;
    let j = high;
    while (i <= j) {
      while (values[i]! < pivot) i++;
      while (values[j]! > pivot) j--;
      if (i <= j) {
        [values[i], values[j]] = [values[j]!, values[i]!];
        i++;
        j--;
      }
    }
    if (target <= j) high = j;
    else if (target >= i) low = i;
    else break;
  }
  return values[target]!;
}

/** Dot product of two sparse vectors with sorted terms. */
function dot(a: SparseVector, b: SparseVector): number {
  let sum = 0;
  for (let i = 0, j = 0; i < a.terms.length && j < b.terms.length; ) {
    if (a.terms[i] === b.terms[j]) sum += a.weights[i++]! * b.weights[j++]!;
    else if (a.terms[i]! < b.terms[j]!) i++;
    else j++;
  }
  return sum;
}
