/**
 * Articles that are the same article: equal links once normalized, or
 * near-identical texts (two captures of one story). Candidates come from an
 * index of a few "anchor" shingles per text, so the work grows with the
 * archive, not with its square.
 */
import { compareStrings, problem, problemKinds, type Problem } from '../problems.ts';
import { fingerprint, overlap, type Fingerprint } from './fingerprint.ts';
import { normalizedLinkOf } from './normalizeLink.ts';

export interface Comparable {
  /** Names the article in reports: its file. */
  id: string;
  link?: string | undefined;
  body: string;
}

export interface DuplicatePair {
  /** The earlier of the two in `id` order. */
  first: string;
  second: string;
  reason: 'link' | 'text';
  /** For `text`: the share of the shorter text found in the other, 0 to 1. */
  similarity?: number | undefined;
}

/** Share of the shorter text's passages found in the other for the two to be one article. */
export const nearIdentical = 0.8;
/** A text must be at least this share of the other's length: a paragraph quoted in a long article is not a copy of it. */
const minimumLengthRatio = 0.5;
/** Texts shorter than this many shingles are too short to call copies. */
const minimumShingles = 12;
/** Anchor shingles per text: its smallest hashes, a sample that copies share. */
const anchorsPerText = 16;
/** Anchors two texts must share to be compared in full. */
const minimumSharedAnchors = 2;
/** An anchor shared by more texts than this is boilerplate ("All rights reserved"), not evidence. */
const maxBucketSize = 50;

export interface IndexedText {
  id: string;
  fingerprint: Fingerprint;
}

/** Finds every duplicate pair among `items`. */
export function findDuplicates(items: readonly Comparable[]): DuplicatePair[] {
  const index = new DuplicateIndex();
  const pairs: DuplicatePair[] = [];
  for (const item of [...items].sort((a, b) => compareStrings(a.id, b.id))) {
    const print = fingerprint(item.body);
    pairs.push(...index.match(item, print));
    index.add(item, print);
  }
  return pairs;
}

/** An archive's links and texts, to ask "is this already here?" of new articles. */
export class DuplicateIndex {
  readonly #byLink = new Map<string, string>();
  readonly #texts = new Map<string, Fingerprint>();
  readonly #byAnchor = new Map<number, string[]>();

  /** `print` is `fingerprint(item.body)`, when already computed. */
  add(item: Comparable, print = fingerprint(item.body)): void {
    const link = normalizedLinkOf(item.link);
    if (link && !this.#byLink.has(link)) this.#byLink.set(link, item.id);
    if (print.shingles.length < minimumShingles) return;
    this.#texts.set(item.id, print);
    for (const anchor of anchorsOf(print)) {
      const bucket = this.#byAnchor.get(anchor);
      if (!bucket) this.#byAnchor.set(anchor, [item.id]);
      else if (bucket.length <= maxBucketSize) bucket.push(item.id);
    }
  }

  /** The articles already indexed that `item` duplicates: by link first, then by text. */
  match(item: Comparable, print = fingerprint(item.body)): DuplicatePair[] {
    const pairs: DuplicatePair[] = [];
    const link = normalizedLinkOf(item.link);
    const sameLink = link ? this.#byLink.get(link) : undefined;
    if (sameLink !== undefined) pairs.push({ first: sameLink, second: item.id, reason: 'link' });

    if (print.shingles.length < minimumShingles) return pairs;
    // Copies share several anchors; texts that share one are usually just alike in a phrase.
    const sharedAnchors = new Map<string, number>();
    for (const anchor of anchorsOf(print)) {
      const bucket = this.#byAnchor.get(anchor);
      if (bucket && bucket.length <= maxBucketSize) for (const id of bucket) sharedAnchors.set(id, (sharedAnchors.get(id) ?? 0) + 1);
    }
    const candidates = [...sharedAnchors].filter(([, count]) => count >= minimumSharedAnchors).map(([id]) => id);
    for (const id of candidates.sort(compareStrings)) {
      if (id === sameLink) continue;
      const similarity = copySimilarity(print, this.#texts.get(id)!);
      if (similarity !== undefined) pairs.push({ first: id, second: item.id, reason: 'text', similarity });
    }
    return pairs;
  }
}

/**
 * When two texts are one article captured twice: how alike they are (the
 * share of the shorter's passages found in the other); undefined when they
 * are not copies, or too short to tell.
 */
export function copySimilarity(a: Fingerprint, b: Fingerprint): number | undefined {
  const [shorter, longer] = [Math.min(a.shingles.length, b.shingles.length), Math.max(a.shingles.length, b.shingles.length)];
  if (shorter < minimumShingles || shorter / longer < minimumLengthRatio) return undefined;
  const similarity = overlap(a, b);
  return similarity >= nearIdentical ? similarity : undefined;
}

const anchorsOf = (print: Fingerprint): Uint32Array => print.shingles.subarray(0, anchorsPerText);

/** `check`'s warnings: one per pair, on the later file, naming the earlier. */
export function duplicateWarnings(articles: readonly { file: string; link?: string | undefined; body: string }[]): Problem[] {
  return findDuplicates(articles.map((article) => ({ id: article.file, link: article.link, body: article.body }))).map((pair) =>
    problem(problemKinds.duplicateArticle, {
      file: pair.second,
      field: pair.reason === 'link' ? 'link' : undefined,
      message: describeDuplicate(pair),
    }),
  );
}

export function describeDuplicate(pair: DuplicatePair): string {
  return pair.reason === 'link'
    ? `the same article as ${pair.first}: their links are equal once normalized`
    : `nearly the same text as ${pair.first} (${Math.round((pair.similarity ?? 0) * 100)}% of its passages are in the other)`;
}
