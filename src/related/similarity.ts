/**
 * Which articles read alike: TF-IDF vectors (sublinear term frequency,
 * smoothed inverse document frequency, the title counted twice), cut to each
 * article's strongest terms and compared through an inverted index, so each
 * article meets only the articles that share a less common term with it,
 * never all pairs; the best of those are scored exactly.
 *
 * So that a day's news does not compare the whole archive again, the index can
 * take added and removed documents (`updateNeighbors`) with the same result as
 * indexing them all anew (`indexNeighbors`):
 * - term weights come from the *settled* documents only, the oldest ones, which
 *   change in whole blocks (`settledCount`); the newest block or two are weighed
 *   by them and change freely;
 * - weights are integers, so that a score is an exact sum whatever the order of
 *   its terms, and ties are broken by what documents are (their order, a term's
 *   spelling), never by when they came into the index;
 * - a document's candidates come from its own strongest terms: when documents
 *   come or go, only the documents holding one of those terms among their
 *   proposing ones look for candidates again.
 */
import type { CountedTerms } from './terms.ts';

export interface Neighbor {
  /** Index of the other document. */
  index: number;
  /** Cosine similarity of the two vectors, 0 to 1. */
  score: number;
}

/** Every document's neighbors, best first, in three typed arrays: document d's are at `start[d]` to `start[d + 1]`. */
export interface NeighborLists {
  start: Uint32Array;
  index: Uint32Array;
  score: Float64Array;
}

export interface SimilarityOptions {
  /** Neighbors kept per document. */
  topK?: number;
  /** Terms kept per document vector: its highest weights. */
  termsPerDocument?: number;
  /**
   * Terms held by the vectors of more settled documents than this do not propose
   * candidates: in a large archive they are common words, and walking their long
   * lists would be most of the cost. They still count in the exact score of candidates.
   */
  maxPostings?: number;
  /** Of a document's terms, how many of the strongest look for candidates (all count in the score). */
  proposingTerms?: number;
  /** Candidates per document scored exactly: those sharing the most weight in less common terms. */
  candidatesPerDocument?: number;
  /** Documents settle, and weigh terms, in blocks of this many (see `settledCount`). */
  settledBlock?: number;
}

const defaults: Required<SimilarityOptions> = {
  topK: 20,
  termsPerDocument: 48,
  proposingTerms: 12,
  maxPostings: 250,
  candidatesPerDocument: 48,
  settledBlock: 1024,
};

/** A document's strongest terms, sorted by id, with integer weights (a unit vector times `unit`). */
interface SparseVector {
  terms: Uint32Array;
  weights: Uint32Array;
  /** Positions (in `terms`) of the strongest few terms, which propose candidates. */
  proposers: Uint8Array;
}

/** A candidate neighbor, with what chose it: the weight it shares with the document in the document's proposing terms. */
export interface Candidate extends Neighbor {
  shared: number;
}

/** A document's candidates, best score first, and how many documents its proposing terms met (they were chosen from those). */
export interface Candidates {
  list: Candidate[];
  met: number;
}

/**
 * Every document's candidates in a few typed arrays, not an object each (4.8 million at 100,000 documents, which
 * the build cache wrote and read back each time): document d's are at `start[d]` to `start[d + 1]`.
 */
export interface CandidateLists {
  start: Uint32Array;
  index: Uint32Array;
  shared: Float64Array;
  score: Float64Array;
  met: Uint32Array;
}

/** What `updateNeighbors` needs of the last run: kept in the build cache. */
export interface NeighborIndex {
  /** How many of the oldest documents weigh terms (see `settledCount`). */
  settled: number;
  /** Terms by id. */
  terms: string[];
  /** In how many settled documents each term occurs. */
  documentFrequency: number[];
  /** Whether a term proposes candidates (see `maxPostings`). */
  proposes: boolean[];
  /** One per document, in document order. */
  vectors: SparseVector[];
  /** Each document's candidates as found from its own terms (the other side adds its own in `neighborsOf`). */
  candidates: CandidateLists;
}

/** What terms are weighed by: the settled documents, and in how many of them each term occurs. */
type Weighing = Pick<NeighborIndex, 'settled' | 'terms' | 'documentFrequency'>;

/** A weight of 1 (`unit` squared is a score of 1): products of two weights stay exact integers, and so do their sums. */
const unit = 2 ** 20;

/**
 * How many of `count` documents, oldest first, are settled: all of a small
 * archive; in a large one, all but the newest block and what has come since
 * (one to two blocks), so the settled part changes once per block added.
 */
export function settledCount(count: number, block = defaults.settledBlock): number {
  return count < 2 * block ? count : count - block - (count % block);
}

/** Neighbors of `count` documents, oldest first, each asked for once by `termsOf`. */
export function textNeighbors(count: number, termsOf: (document: number) => CountedTerms, options: SimilarityOptions = {}): NeighborLists {
  return neighborsOf(indexNeighbors(count, termsOf, options), options);
}

/** Indexes `count` documents, oldest first; each is asked for once, in order, by `termsOf`, and its strings can go. */
export function indexNeighbors(count: number, termsOf: (document: number) => CountedTerms, options: SimilarityOptions = {}): NeighborIndex {
  const settings = { ...defaults, ...options };
  const { weighing, vectors } = weighedVectors(count, termsOf, settings);
  const { settled } = weighing;
  // A term proposes when held by the vectors of few settled documents.
  const held = new Uint32Array(weighing.terms.length);
  for (const vector of vectors.slice(0, settled)) for (const term of vector.terms) held[term]! += 1;
  const proposes = Array.from(held, (documents) => documents <= settings.maxPostings);
  const search = new CandidateSearch(vectors, proposes, settings);
  const candidates = new CandidateListsBuilder(count);
  for (let document = 0; document < count; document++) search.find(document, candidates);
  return { ...weighing, proposes, vectors, candidates: candidates.lists() };
}

/**
 * Every document's vector, and the weighing they were made by. The documents' counted terms (290 MB at 100,000) and
 * the map of every term to its id are this function's alone, garbage once it returns: kept to the end of
 * `indexNeighbors`, they were held while candidates were searched for, the peak of a cold build's memory.
 */
function weighedVectors(
  count: number,
  termsOf: (document: number) => CountedTerms,
  settings: Required<SimilarityOptions>,
): { weighing: Weighing; vectors: SparseVector[] } {
  const settled = settledCount(count, settings.settledBlock);
  const dictionary = new Dictionary();
  const counted = new CountedDocuments(count);
  for (let document = 0; document < count; document++) counted.add(dictionary.count(termsOf(document), document < settled));
  const weighing = { settled, terms: dictionary.terms, documentFrequency: dictionary.documentFrequency };
  const vectorMaker = new VectorMaker(weighing, settings, count);
  return { weighing, vectors: Array.from({ length: count }, (_, document) => vectorMaker.make(counted.of(document))) };
}

/**
 * The index of the documents now, oldest first, from the last one: `previousOf[d]`
 * is document d's index in `previous` when it is unchanged, else undefined, and
 * `termsOf` is asked for the others only. Undefined when the settled documents
 * are not all the same, in the same places: then terms weigh differently, and
 * only `indexNeighbors` can say.
 */
export function updateNeighbors(
  previous: NeighborIndex,
  previousOf: readonly (number | undefined)[],
  termsOf: (document: number) => CountedTerms,
  options: SimilarityOptions = {},
): NeighborIndex | undefined {
  const settings = { ...defaults, ...options };
  const settled = settledCount(previousOf.length, settings.settledBlock);
  if (settled !== previous.settled) return undefined;
  for (let document = 0; document < settled; document++) if (previousOf[document] !== document) return undefined;

  const dictionary = Dictionary.from(previous);
  const weighing = { settled, terms: dictionary.terms, documentFrequency: dictionary.documentFrequency };
  const vectorMaker = new VectorMaker(weighing, settings, previousOf.filter((old) => old === undefined).length);
  const vectors = previousOf.map((old, document) =>
    old === undefined ? vectorMaker.make(dictionary.count(termsOf(document), false)) : previous.vectors[old]!,
  );
  // Terms no settled document holds are rare: they propose.
  const proposes = [...previous.proposes, ...Array<boolean>(dictionary.terms.length - previous.proposes.length).fill(true)];
  const search = new CandidateSearch(vectors, proposes, settings);

  const newIndexOf = new Int32Array(previous.vectors.length).fill(-1);
  previousOf.forEach((old, document) => {
    if (old !== undefined) newIndexOf[old] = document;
  });
  // A document met by a removed one looks for candidates again: some it had, or did not take, may be gone.
  const looksAgain = new Set<number>();
  previous.vectors.forEach((vector, old) => {
    if (newIndexOf[old] === -1) search.forEachMet(vector, (document) => looksAgain.add(document));
  });
  // A document met by added ones chooses again from its candidates and them: the others it met were no better before, and are no better now.
  const addedMeeting = new Map<number, Map<number, number>>();
  previousOf.forEach((old, added) => {
    if (old !== undefined) return;
    search.forEachMet(vectors[added]!, (document, shared) => {
      if (previousOf[document] === undefined) return;
      const meeting = addedMeeting.get(document) ?? new Map<number, number>();
      meeting.set(added, (meeting.get(added) ?? 0) + shared);
      addedMeeting.set(document, meeting);
    });
  });

  // Room for the candidates of the documents that look again, twice what they had (growing the arrays copies them).
  const lookingAgain = previousOf.filter((old) => old === undefined).length + looksAgain.size;
  const candidates = new CandidateListsBuilder(previousOf.length, previous.candidates.index.length + 2 * lookingAgain * settings.candidatesPerDocument);
  for (const [document, old] of previousOf.entries()) {
    const meeting = old === undefined ? undefined : addedMeeting.get(document);
    if (old === undefined || looksAgain.has(document)) search.find(document, candidates);
    else if (!meeting) candidates.addMoved(previous.candidates, old, newIndexOf);
    else {
      const kept = candidatesOf(previous.candidates, old).map((candidate) => ({ ...candidate, index: newIndexOf[candidate.index]! }));
      const added = [...meeting].map(([other, shared]) => ({ index: other, shared, score: search.score(document, other) }));
      candidates.add(search.choose([...kept, ...added], previous.candidates.met[old]! + added.length));
    }
  }
  return { ...weighing, proposes, vectors, candidates: candidates.lists() };
}

/**
 * Each document's neighbors, its best candidates: similarity is symmetric, but
 * candidates are proposed by each side's own strongest terms, so a pair found
 * from one side counts for both.
 */
export function neighborsOf(index: NeighborIndex, options: SimilarityOptions = {}): NeighborLists {
  const { topK } = { ...defaults, ...options };
  const candidates = index.candidates;
  const count = candidates.start.length - 1;
  const ownEnd = (document: number) => Math.min(candidates.start[document + 1]!, candidates.start[document]! + topK);
  // The pairs each document was found by, in document order: counted, then placed.
  const reverseStart = new Uint32Array(count + 1);
  for (let document = 0; document < count; document++)
    for (let slot = candidates.start[document]!; slot < ownEnd(document); slot++) reverseStart[candidates.index[slot]! + 1]! += 1;
  for (let document = 0; document < count; document++) reverseStart[document + 1]! += reverseStart[document]!;
  const reverseIndex = new Uint32Array(reverseStart[count]!);
  const reverseScore = new Float64Array(reverseStart[count]!);
  const placed = reverseStart.slice(0, count);
  for (let document = 0; document < count; document++)
    for (let slot = candidates.start[document]!; slot < ownEnd(document); slot++) {
      const at = placed[candidates.index[slot]!]!++;
      reverseIndex[at] = document;
      reverseScore[at] = candidates.score[slot]!;
    }

  const start = new Uint32Array(count + 1);
  const other = new Uint32Array(count * topK);
  const score = new Float64Array(count * topK);
  let length = 0;
  for (let document = 0; document < count; document++) {
    const [from, to] = [candidates.start[document]!, ownEnd(document)];
    const own = candidates.index.subarray(from, to);
    const list: Neighbor[] = [];
    for (let slot = reverseStart[document]!; slot < reverseStart[document + 1]!; slot++)
      if (!own.includes(reverseIndex[slot]!)) list.push({ index: reverseIndex[slot]!, score: reverseScore[slot]! });
    if (list.length === 0) {
      other.set(own, length);
      score.set(candidates.score.subarray(from, to), length);
      length += to - from;
    } else {
      for (let slot = from; slot < to; slot++) list.push({ index: candidates.index[slot]!, score: candidates.score[slot]! });
      for (const neighbor of list.sort(byScore).slice(0, topK)) {
        other[length] = neighbor.index;
        score[length] = neighbor.score;
        length += 1;
      }
    }
    start[document + 1] = length;
  }
  return { start, index: other.slice(0, length), score: score.slice(0, length) };
}

/** One document's candidates, as objects. */
function candidatesOf(lists: CandidateLists, document: number): Candidate[] {
  const list: Candidate[] = [];
  for (let slot = lists.start[document]!; slot < lists.start[document + 1]!; slot++)
    list.push({ index: lists.index[slot]!, shared: lists.shared[slot]!, score: lists.score[slot]! });
  return list;
}

/** Candidate lists made document after document, in arrays that grow as needed. */
class CandidateListsBuilder {
  private readonly start: Uint32Array;
  private readonly met: Uint32Array;
  private index: Uint32Array;
  private shared: Float64Array;
  private score: Float64Array;
  private length = 0;
  private documents = 0;
  /** The documents whose candidates were moved and not yet copied (`addMoved`): `from` to `to` in `lists`. */
  private moved: { lists: CandidateLists; newIndexOf: Int32Array; from: number; to: number } | undefined;

  constructor(documents: number, expected = documents * defaults.candidatesPerDocument) {
    this.start = new Uint32Array(documents + 1);
    this.met = new Uint32Array(documents);
    this.index = new Uint32Array(expected);
    this.shared = new Float64Array(expected);
    this.score = new Float64Array(expected);
  }

  /** The next document's candidates. */
  add({ list, met }: Candidates): void {
    this.copyMoved();
    this.makeRoom(list.length);
    for (const candidate of list) {
      this.index[this.length] = candidate.index;
      this.shared[this.length] = candidate.shared;
      this.score[this.length] = candidate.score;
      this.length += 1;
    }
    this.next(met);
  }

  /** The next document's candidates: `index[order[k]]`, with their shared weight and score at the same place, for each k. */
  addInOrder(order: Uint32Array, index: Uint32Array, shared: Float64Array, score: Float64Array, met: number): void {
    this.copyMoved();
    this.makeRoom(order.length);
    for (const position of order) {
      this.index[this.length] = index[position]!;
      this.shared[this.length] = shared[position]!;
      this.score[this.length] = score[position]!;
      this.length += 1;
    }
    this.next(met);
  }

  /**
   * The next document's candidates: those of document `old` in `lists`, whose documents are now at `newIndexOf[d]`.
   * Documents that follow one another in `lists` are copied as one run (most of an archive, on a day's news: copied
   * one by one, 100,000 documents' candidates took 1.2 s).
   */
  addMoved(lists: CandidateLists, old: number, newIndexOf: Int32Array): void {
    const run = this.moved;
    if (run && run.lists === lists && run.newIndexOf === newIndexOf && run.to === old) run.to += 1;
    else {
      this.copyMoved();
      this.moved = { lists, newIndexOf, from: old, to: old + 1 };
    }
  }

  /**
   * The candidates of every document. The arrays they were made in, when little of them is left over (a day's
   * news: the room made for the documents that look again), else copies of what is used.
   */
  lists(): CandidateLists {
    this.copyMoved();
    const { start, met, length } = this;
    const used = <T extends Uint32Array | Float64Array>(array: T) =>
      (array.length - length <= length / 8 ? array.subarray(0, length) : array.slice(0, length)) as T;
    return { start, met, index: used(this.index), shared: used(this.shared), score: used(this.score) };
  }

  private copyMoved(): void {
    if (!this.moved) return;
    const { lists, newIndexOf, from, to } = this.moved;
    this.moved = undefined;
    const [first, last] = [lists.start[from]!, lists.start[to]!];
    this.makeRoom(last - first);
    const offset = this.length - first;
    for (let slot = first; slot < last; slot++) this.index[offset + slot] = newIndexOf[lists.index[slot]!]!;
    this.shared.set(lists.shared.subarray(first, last), this.length);
    this.score.set(lists.score.subarray(first, last), this.length);
    this.met.set(lists.met.subarray(from, to), this.documents);
    for (let old = from; old < to; old++) this.start[this.documents + old - from + 1] = offset + lists.start[old + 1]!;
    this.length += last - first;
    this.documents += to - from;
  }

  private next(met: number): void {
    this.met[this.documents] = met;
    this.documents += 1;
    this.start[this.documents] = this.length;
  }

  private makeRoom(more: number): void {
    if (this.length + more <= this.index.length) return;
    // By a quarter: the room made for the candidates expected is most of what they need (twice would copy them all).
    const size = Math.max(this.length + more, Math.ceil(this.index.length * 1.25));
    const grown = <T extends Uint32Array | Float64Array>(array: T, larger: T): T => {
      larger.set(array.subarray(0, this.length));
      return larger;
    };
    this.index = grown(this.index, new Uint32Array(size));
    this.shared = grown(this.shared, new Float64Array(size));
    this.score = grown(this.score, new Float64Array(size));
  }
}

const byScore = (a: Neighbor, b: Neighbor): number => b.score - a.score || a.index - b.index;

/** Term ids, in the order terms first occur; and in how many settled documents each occurs. */
class Dictionary {
  readonly idOfTerm = new Map<string, number>();
  terms: string[] = [];
  documentFrequency: number[] = [];

  static from(index: NeighborIndex): Dictionary {
    const dictionary = new Dictionary();
    dictionary.terms = [...index.terms];
    dictionary.documentFrequency = [...index.documentFrequency];
    for (const [id, term] of dictionary.terms.entries()) dictionary.idOfTerm.set(term, id);
    return dictionary;
  }

  // Scratch for `count`, grown as needed: one array per document would be hundreds of thousands of small
  // allocations outside the engine's heap, which leave the process's memory in holes it keeps (see `CountedDocuments`).
  private ids = new Uint32Array(1024);
  private packed = new Float64Array(1024);
  private sortedTerms = new Uint32Array(1024);
  private sortedCounts = new Uint32Array(1024);

  /** A document as sorted term ids with their counts: views of scratch arrays, good until the next call. */
  count(document: CountedTerms, settled: boolean): CountedDocument {
    const length = document.terms.length;
    if (length > this.ids.length) {
      const size = Math.max(length, 2 * this.ids.length);
      [this.ids, this.packed, this.sortedTerms, this.sortedCounts] = [
        new Uint32Array(size),
        new Float64Array(size),
        new Uint32Array(size),
        new Uint32Array(size),
      ];
    }
    const ids = this.ids;
    document.terms.forEach((term, position) => {
      let id = this.idOfTerm.get(term);
      if (id === undefined) {
        id = this.terms.length;
        this.idOfTerm.set(term, id);
        this.terms.push(term);
        this.documentFrequency.push(0);
      }
      if (settled) this.documentFrequency[id]! += 1;
      ids[position] = id;
    });
    // Sorted by id through one native numeric sort of (id, position) packed into a number.
    const packed = this.packed.subarray(0, length);
    for (let position = 0; position < length; position++) packed[position] = ids[position]! * positionRange + position;
    packed.sort();
    const [terms, counts] = [this.sortedTerms.subarray(0, length), this.sortedCounts.subarray(0, length)];
    for (let rank = 0; rank < length; rank++) {
      const position = packed[rank]! % positionRange;
      terms[rank] = (packed[rank]! - position) / positionRange;
      counts[rank] = document.counts[position]!;
    }
    return { terms, counts };
  }
}

/** A document's distinct term ids, sorted, and how often each occurs. */
interface CountedDocument {
  terms: Uint32Array;
  counts: Uint32Array;
}

/**
 * Every document's counted terms, kept until the terms' weights are known, in large arrays shared by many
 * documents. As an array pair each (about 370 terms a document, 290 MB at 100,000), they were small allocations
 * of the C library, freed between the vectors that outlive them: the build's process kept 0.4 GB it did not use
 * to its end. Arrays of 32 MB are always given their own pages by the C library, which go back to the system
 * when freed; they are filled one after the other, never grown (a grown array's copy would be as much again).
 */
class CountedDocuments {
  private readonly chunkSize: number;
  private readonly chunks: CountedDocument[] = [];
  /** Document d's terms are in chunk `chunkOf[d]`, from `start[d]` to `end[d]`. */
  private readonly chunkOf: Uint32Array;
  private readonly start: Uint32Array;
  private readonly end: Uint32Array;
  private documents = 0;
  private used = 0;

  constructor(documents: number) {
    [this.chunkOf, this.start, this.end] = [new Uint32Array(documents), new Uint32Array(documents), new Uint32Array(documents)];
    // Room for a thousand terms a document, up to the large size: a few documents' need not take 64 MB.
    this.chunkSize = Math.min(largeArray, documents * 1024);
  }

  add({ terms, counts }: CountedDocument): void {
    let chunk = this.chunks.at(-1);
    if (!chunk || this.used + terms.length > chunk.terms.length) {
      const size = Math.max(this.chunkSize, terms.length);
      chunk = { terms: new Uint32Array(size), counts: new Uint32Array(size) };
      this.chunks.push(chunk);
      this.used = 0;
    }
    chunk.terms.set(terms, this.used);
    chunk.counts.set(counts, this.used);
    this.chunkOf[this.documents] = this.chunks.length - 1;
    this.start[this.documents] = this.used;
    this.used += terms.length;
    this.end[this.documents] = this.used;
    this.documents += 1;
  }

  of(document: number): CountedDocument {
    const chunk = this.chunks[this.chunkOf[document]!]!;
    const [from, to] = [this.start[document]!, this.end[document]!];
    return { terms: chunk.terms.subarray(from, to), counts: chunk.counts.subarray(from, to) };
  }
}

/** Entries of a 32-bit array that make 32 MB: the C library's largest threshold for giving an allocation pages of its own. */
const largeArray = (32 * 2 ** 20) / 4;

/** More than any document's count of distinct terms; times a term id, still an exact integer in a double. */
const positionRange = 2 ** 24;

/**
 * Documents' vectors: their strongest terms, weighed by the settled documents; of equal weights, the first term
 * in spelling order. Each vector is a view of arrays made for them all, with room for every document's
 * `termsPerDocument` (see `CountedDocuments` for why not an array each).
 */
class VectorMaker {
  private readonly index: Weighing;
  private readonly settings: Required<SimilarityOptions>;
  private readonly terms: Uint32Array;
  private readonly weights: Uint32Array;
  private readonly proposers: Uint8Array;
  private used = 0;
  private proposersUsed = 0;
  /** Scratch: the weights of a document's terms, and a copy to sort. */
  private weighed = new Float64Array(1024);
  private sorted = new Float64Array(1024);

  constructor(index: Weighing, settings: Required<SimilarityOptions>, documents: number) {
    this.index = index;
    this.settings = settings;
    this.terms = new Uint32Array(documents * settings.termsPerDocument);
    this.weights = new Uint32Array(documents * settings.termsPerDocument);
    this.proposers = new Uint8Array(documents * settings.proposingTerms);
  }

  make({ terms, counts }: CountedDocument): SparseVector {
    const { index } = this;
    const { termsPerDocument, proposingTerms } = this.settings;
    if (terms.length > this.weighed.length) {
      const size = Math.max(terms.length, 2 * this.weighed.length);
      [this.weighed, this.sorted] = [new Float64Array(size), new Float64Array(size)];
    }
    const weights = this.weighed.subarray(0, terms.length);
    for (let i = 0; i < terms.length; i++)
      // A term no settled document holds weighs as one that a single one does.
      weights[i] = (1 + Math.log(counts[i]!)) * Math.log(1 + index.settled / Math.max(1, index.documentFrequency[terms[i]!]!));
    let kept: number[] = [];
    if (terms.length <= termsPerDocument) kept = Array.from(terms, (_, i) => i);
    else {
      // At or above the `termsPerDocument`-th largest weight (a native sort finds it); of the terms at it, the first by spelling.
      const sorted = this.sorted.subarray(0, terms.length);
      sorted.set(weights);
      const threshold = sorted.sort()[terms.length - termsPerDocument]!;
      const atThreshold: number[] = [];
      for (let i = 0; i < terms.length; i++) {
        if (weights[i]! > threshold) kept.push(i);
        else if (weights[i] === threshold) atThreshold.push(i);
      }
      atThreshold.sort((a, b) => compareTerms(index.terms[terms[a]!]!, index.terms[terms[b]!]!));
      kept = [...kept, ...atThreshold.slice(0, termsPerDocument - kept.length)].sort((a, b) => a - b);
    }
    let norm = 0;
    for (const i of kept) norm += weights[i]! ** 2;
    norm = Math.sqrt(norm) || 1;
    const keptTerms = this.terms.subarray(this.used, this.used + kept.length);
    const keptWeights = this.weights.subarray(this.used, this.used + kept.length);
    this.used += kept.length;
    kept.forEach((i, k) => {
      keptTerms[k] = terms[i]!;
      keptWeights[k] = Math.max(1, Math.round((weights[i]! / norm) * unit));
    });
    const strongestFirst = Array.from(kept, (_, k) => k)
      .sort((a, b) => keptWeights[b]! - keptWeights[a]! || compareTerms(index.terms[keptTerms[a]!]!, index.terms[keptTerms[b]!]!))
      .slice(0, proposingTerms);
    const proposers = this.proposers.subarray(this.proposersUsed, this.proposersUsed + strongestFirst.length);
    proposers.set(strongestFirst);
    this.proposersUsed += strongestFirst.length;
    return { terms: keptTerms, weights: keptWeights, proposers };
  }
}

const compareTerms = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Postings (for each term, the documents whose vector holds it, with its weight there), and the scratch space of a search. */
class CandidateSearch {
  private readonly vectors: readonly SparseVector[];
  private readonly proposes: readonly boolean[];
  private readonly settings: Required<SimilarityOptions>;
  private readonly start: Uint32Array;
  private readonly document: Uint32Array;
  private readonly weight: Uint32Array;
  private readonly shared: Float64Array;
  private readonly met: Uint8Array;
  private touched: Uint32Array = new Uint32Array(1024);
  /** The weight each document met shares, in the order met: scratch for choosing the candidates. */
  private sharedByMet: Float64Array = new Float64Array(1024);
  /** The score of each candidate chosen, in the order chosen; and the order they are added in. */
  private chosenScore: Float64Array = new Float64Array(1024);
  private order: Uint32Array = new Uint32Array(1024);
  /** The weight of each term in the vector of the document searched for, 0 for the others: its candidates are scored against it. */
  private readonly ownWeight: Float64Array;

  constructor(vectors: readonly SparseVector[], proposes: readonly boolean[], settings: Required<SimilarityOptions>) {
    this.vectors = vectors;
    this.proposes = proposes;
    this.settings = settings;
    const termCount = proposes.length;
    const postings = new Uint32Array(termCount);
    for (const vector of vectors) for (const term of vector.terms) postings[term]! += 1;
    this.start = new Uint32Array(termCount + 1);
    for (let term = 0; term < termCount; term++) this.start[term + 1] = this.start[term]! + postings[term]!;
    this.document = new Uint32Array(this.start[termCount]!);
    this.weight = new Uint32Array(this.start[termCount]!);
    const filled = this.start.slice(0, termCount);
    for (let document = 0; document < vectors.length; document++) {
      const { terms, weights } = vectors[document]!;
      for (let position = 0; position < terms.length; position++) {
        const slot = filled[terms[position]!]!++;
        this.document[slot] = document;
        this.weight[slot] = weights[position]!;
      }
    }
    this.shared = new Float64Array(vectors.length);
    this.met = new Uint8Array(vectors.length);
    this.ownWeight = new Float64Array(termCount);
  }

  /**
   * A document's candidates, added to `into`: of the documents its proposing terms meet, those sharing the most
   * weight with it in those terms, each then scored over all terms. In plain loops over scratch arrays, without
   * an object for each of the thousands met in a large archive, or for each candidate: at 100,000 articles a
   * mapping `Float64Array.from` took 4 s, merging sparse vectors 8 s, and the 4.8 million candidates as objects,
   * which the engine came to make in its old generation, 0.44 GB of garbage by the end.
   */
  find(document: number, into: CandidateListsBuilder): void {
    const vector = this.vectors[document]!;
    let touchedCount = 0;
    for (let p = 0; p < vector.proposers.length; p++) {
      const position = vector.proposers[p]!;
      const term = vector.terms[position]!;
      if (!this.proposes[term]) continue;
      const weight = vector.weights[position]!;
      for (let slot = this.start[term]!; slot < this.start[term + 1]!; slot++) {
        const other = this.document[slot]!;
        if (other === document) continue;
        if (this.met[other] === 0) {
          this.met[other] = 1;
          if (touchedCount === this.touched.length) {
            const larger = new Uint32Array(this.touched.length * 2);
            larger.set(this.touched);
            this.touched = larger;
            this.sharedByMet = new Float64Array(larger.length);
            this.chosenScore = new Float64Array(larger.length);
            this.order = new Uint32Array(larger.length);
          }
          this.touched[touchedCount++] = other;
        }
        this.shared[other]! += weight * this.weight[slot]!;
      }
    }
    for (let i = 0; i < touchedCount; i++) this.sharedByMet[i] = this.shared[this.touched[i]!]!;
    const threshold = this.threshold(this.sharedByMet.subarray(0, touchedCount), touchedCount);
    for (let i = 0; i < vector.terms.length; i++) this.ownWeight[vector.terms[i]!] = vector.weights[i]!;
    // The chosen, in place at the front of `touched` (with their shared weight and score beside them), then in order.
    let chosen = 0;
    for (let i = 0; i < touchedCount; i++) {
      const other = this.touched[i]!;
      if (this.shared[other]! >= threshold) {
        this.touched[chosen] = other;
        this.sharedByMet[chosen] = this.shared[other]!;
        this.chosenScore[chosen] = this.scoreAgainstOwn(other);
        chosen += 1;
      }
      this.shared[other] = 0;
      this.met[other] = 0;
    }
    for (let i = 0; i < vector.terms.length; i++) this.ownWeight[vector.terms[i]!] = 0;
    const order = this.order.subarray(0, chosen);
    for (let i = 0; i < chosen; i++) order[i] = i;
    // As `byScore`: best score first, then the lower index.
    order.sort((a, b) => this.chosenScore[b]! - this.chosenScore[a]! || this.touched[a]! - this.touched[b]!);
    into.addInOrder(order, this.touched, this.sharedByMet, this.chosenScore, touchedCount);
  }

  /** `score` against the document whose weights are in `ownWeight`: the same exact sum of integers, without merging term lists. */
  private scoreAgainstOwn(other: number): number {
    const { terms, weights } = this.vectors[other]!;
    let sum = 0;
    for (let i = 0; i < terms.length; i++) sum += this.ownWeight[terms[i]!]! * weights[i]!;
    return Math.min(1, sum / unit ** 2);
  }

  /**
   * Of the documents met (`met` of them, all those in `pool` that can still be
   * chosen), those sharing at least the `candidatesPerDocument`-th largest
   * weight; best score first.
   */
  choose(pool: Candidate[], met: number): Candidates {
    const threshold = this.threshold(
      Float64Array.from(pool, (candidate) => candidate.shared),
      met,
    );
    const list = pool.filter((candidate) => candidate.shared >= threshold);
    list.sort(byScore);
    return { list, met };
  }

  /** The weight a candidate must share: the `candidatesPerDocument`-th largest of `shared` (reordered), when more were met than that. */
  private threshold(shared: Float64Array, met: number): number {
    return met > this.settings.candidatesPerDocument ? kthLargest(shared, this.settings.candidatesPerDocument) : -Infinity;
  }

  /** Cosine similarity of two documents: an exact sum of integers, scaled. */
  score(document: number, other: number): number {
    return Math.min(1, dot(this.vectors[document]!, this.vectors[other]!) / unit ** 2);
  }

  /** Each document (but `vector`'s own) that `vector` meets by one of that document's proposing terms, with the weight they share in those. */
  forEachMet(vector: SparseVector, meet: (document: number, shared: number) => void): void {
    vector.terms.forEach((term, position) => {
      if (!this.proposes[term]) return;
      for (let slot = this.start[term]!; slot < this.start[term + 1]!; slot++) {
        const other = this.vectors[this.document[slot]!]!;
        if (other === vector) continue;
        for (const proposer of other.proposers) if (other.terms[proposer] === term) meet(this.document[slot]!, this.weight[slot]! * vector.weights[position]!);
      }
    });
  }
}

/** The k-th largest value (quickselect, linear on average: the lists can hold thousands of scores). */
function kthLargest(values: Float64Array, k: number): number {
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

/** Dot product of two sparse vectors with sorted terms: an exact integer. */
function dot(a: SparseVector, b: SparseVector): number {
  let sum = 0;
  for (let i = 0, j = 0; i < a.terms.length && j < b.terms.length; ) {
    if (a.terms[i] === b.terms[j]) sum += a.weights[i++]! * b.weights[j++]!;
    else if (a.terms[i]! < b.terms[j]!) i++;
    else j++;
  }
  return sum;
}
