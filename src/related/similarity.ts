/**
 * Which articles read alike: TF-IDF vectors (sublinear term frequency,
 * smoothed inverse document frequency, the title counted twice), cut to each
 * article's strongest terms and compared through an inverted index, so each
 * article meets only the articles that share a term with it, never all pairs.
 */
import type { Tokenizer } from './terms.ts';

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
   * Terms found in more documents than this are left out of the comparison:
   * in a large archive they are common words with little weight, and walking
   * their long lists is most of the cost.
   */
  maxPostings?: number;
}

interface SparseVector {
  terms: Uint32Array;
  weights: Float32Array;
}

export function textNeighbors(texts: readonly string[], tokenize: Tokenizer, options: SimilarityOptions = {}): Neighbor[][] {
  const { topK = 20, termsPerDocument = 48, maxPostings = 2000 } = options;
  const vocabulary = new Map<string, number>();
  const documentFrequency: number[] = [];

  // Term counts per document, and in how many documents each term occurs.
  const counts = texts.map((text) => {
    const termCounts = new Map<number, number>();
    for (const term of tokenize(text)) {
      let id = vocabulary.get(term);
      if (id === undefined) {
        id = vocabulary.size;
        vocabulary.set(term, id);
        documentFrequency.push(0);
      }
      const previous = termCounts.get(id);
      if (previous === undefined) documentFrequency[id]! += 1;
      termCounts.set(id, (previous ?? 0) + 1);
    }
    return termCounts;
  });

  const total = texts.length;
  const vectors: SparseVector[] = counts.map((termCounts) => {
    const weighted = [...termCounts].map(([term, count]) => ({
      term,
      weight: (1 + Math.log(count)) * Math.log(1 + total / documentFrequency[term]!),
    }));
    weighted.sort((a, b) => b.weight - a.weight || a.term - b.term);
    const kept = weighted.slice(0, termsPerDocument);
    const norm = Math.hypot(...kept.map((entry) => entry.weight)) || 1;
    return { terms: Uint32Array.from(kept, (entry) => entry.term), weights: Float32Array.from(kept, (entry) => entry.weight / norm) };
  });

  // Postings: for each term, the documents whose vector holds it, with its weight there.
  const postingCount = new Uint32Array(vocabulary.size);
  for (const vector of vectors) for (const term of vector.terms) postingCount[term]! += 1;
  const postingStart = new Uint32Array(vocabulary.size + 1);
  for (let term = 0; term < vocabulary.size; term++) postingStart[term + 1] = postingStart[term]! + postingCount[term]!;
  const postingDocument = new Uint32Array(postingStart[vocabulary.size]!);
  const postingWeight = new Float32Array(postingStart[vocabulary.size]!);
  const filled = postingStart.slice(0, vocabulary.size);
  vectors.forEach((vector, document) => {
    vector.terms.forEach((term, position) => {
      const slot = filled[term]!++;
      postingDocument[slot] = document;
      postingWeight[slot] = vector.weights[position]!;
    });
  });

  const scores = new Float32Array(total);
  const touched: number[] = [];
  return vectors.map((vector, document) => {
    vector.terms.forEach((term, position) => {
      if (postingCount[term]! > maxPostings) return;
      const weight = vector.weights[position]!;
      for (let slot = postingStart[term]!; slot < postingStart[term + 1]!; slot++) {
        const other = postingDocument[slot]!;
        if (other === document) continue;
        if (scores[other] === 0) touched.push(other);
        scores[other]! += weight * postingWeight[slot]!;
      }
    });
    const neighbors = touched.map((index) => ({ index, score: Math.min(1, scores[index]!) }));
    for (const index of touched) scores[index] = 0;
    touched.length = 0;
    neighbors.sort((a, b) => b.score - a.score || a.index - b.index);
    return neighbors.slice(0, topK);
  });
}
