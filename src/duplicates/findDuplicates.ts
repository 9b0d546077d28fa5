/**
 * Articles that are the same article: equal links once normalized, or, from
 * the same source within a few days, nearly the same title and nearly the
 * same text (two captures of one story). Posts of a series written from one
 * template (release notes, weekly digests, award announcements) share their
 * text but not their title's numbers or words: they are related, not copies.
 * The one decision, used by `check`, `import`, `new` and the site's second
 * captures; the original is the earlier published, the file only breaks ties.
 * Candidates come from an index of a few "anchor" shingles per text, so the
 * work grows with the archive, not with its square.
 */
import { compareStrings, problem, problemKinds, type Problem } from '../problems.ts';
import { fingerprint, overlap, sketchOf, type Fingerprint, type Sketch } from './fingerprint.ts';
import { normalizedLinkOf } from './normalizeLink.ts';
import { append } from '../append.ts';

export interface Comparable {
  /** Names the article in reports: its file. */
  id: string;
  link?: string | undefined;
  /** The text to compare (markup is ignored), or how to read it: only candidate copies are, when `sketch` is given. */
  body: string | (() => string);
  title: string;
  /** The feed it came from: captures of one article come from one source. */
  source?: string | undefined;
  /** When it was published. */
  epochMs: number;
  /** Of `body`'s fingerprint, when loading made it already. */
  sketch?: Sketch | undefined;
}

/** An article record (as loaded, or as planned by `import` and `new`) with the text to compare. */
export const comparableOf = (
  article: { file: string; link?: string | undefined; title: string; source?: string | undefined; date: { epochMs: number }; sketch?: Sketch | undefined },
  body: Comparable['body'],
): Comparable => ({
  id: article.file,
  link: article.link,
  body,
  title: article.title,
  source: article.source,
  epochMs: article.date.epochMs,
  sketch: article.sketch,
});

/** What deciding "the same text" needs of an article besides its text. */
export type Described = Pick<Comparable, 'title' | 'source' | 'epochMs'>;

export interface DuplicatePair {
  /** The original: the earlier published (the earlier file when both were published at once). */
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
/** Captures of one article without a shared link are this close in date. */
export const copyWindowDays = 4;
const day = 86_400_000;
/** Share of the shorter title's words found in the other: an outlet's suffix (" - BBC News") or an edited word is allowed. */
const titleContainment = 0.75;
/** Anchors two texts must share to be compared in full. */
const minimumSharedAnchors = 2;
/** An anchor shared by more texts than this is boilerplate ("All rights reserved"), not evidence. */
const maxBucketSize = 50;

/** Which of two captures is the original: the earlier published; of two published at once, the earlier file. */
export const originalFirst = (a: { epochMs: number; id: string }, b: { epochMs: number; id: string }): number =>
  a.epochMs - b.epochMs || compareStrings(a.id, b.id);

const titleWords = (title: string): string[] =>
  title
    .normalize('NFKC')
    .toLowerCase()
    .match(/[\p{L}\p{N}]+(?:[.'’_-][\p{L}\p{N}]+)*/gu) ?? [];

/**
 * Whether two titles name one article: the same numbers (a version, an issue, a year tell a series'
 * posts apart), and nearly all the words of the shorter in the longer.
 */
export function nearlySameTitle(a: string, b: string): boolean {
  const [wordsA, wordsB] = [titleWords(a), titleWords(b)];
  const numbers = (words: string[]) =>
    words
      .filter((word) => /\d/.test(word))
      .sort()
      .join(' ');
  if (numbers(wordsA) !== numbers(wordsB)) return false;
  const [setA, setB] = [new Set(wordsA), new Set(wordsB)];
  const [shorter, longer] = setA.size <= setB.size ? [setA, setB] : [setB, setA];
  if (shorter.size === 0) return longer.size === 0;
  return [...shorter].filter((word) => longer.has(word)).length / shorter.size >= titleContainment;
}

/**
 * When two articles without a shared link are one article captured twice: how alike their texts are (see
 * `copySimilarity`); undefined when they are not the same article.
 */
export function sameArticleSimilarity(a: Described, printA: () => Fingerprint, b: Described, printB: () => Fingerprint): number | undefined {
  // The source, dates and titles first: most pairs they tell apart are never fingerprinted in full.
  if ((a.source ?? '') !== (b.source ?? '') || Math.abs(a.epochMs - b.epochMs) > copyWindowDays * day || !nearlySameTitle(a.title, b.title)) return undefined;
  return copySimilarity(printA(), printB());
}

/** Finds every duplicate pair among `items`. */
export function findDuplicates(items: readonly Comparable[]): DuplicatePair[] {
  const index = new DuplicateIndex();
  const pairs: DuplicatePair[] = [];
  // Originals first: each pair names the original first.
  for (const item of [...items].sort(originalFirst)) {
    const text = new IndexedText(item);
    append(pairs, index.match(item, text));
    index.add(item, text);
  }
  return pairs;
}

/** A text as the index holds it: its sketch, and its full fingerprint made only when it is compared with a candidate copy. */
class IndexedText {
  readonly described: Described;
  readonly sketch: Sketch;
  readonly #body: Comparable['body'];
  #print: Fingerprint | undefined;

  constructor(item: Comparable) {
    this.described = item;
    this.#body = item.body;
    if (item.sketch) this.sketch = item.sketch;
    else {
      this.#print = fingerprint(this.#text());
      this.sketch = sketchOf(this.#print);
    }
  }

  get print(): Fingerprint {
    this.#print ??= fingerprint(this.#text());
    return this.#print;
  }

  #text(): string {
    return typeof this.#body === 'string' ? this.#body : this.#body();
  }
}

/** An archive's links and texts, to ask "is this already here?" of new articles. */
export class DuplicateIndex {
  readonly #byLink = new Map<string, string>();
  readonly #texts = new Map<string, IndexedText>();
  readonly #byAnchor = new Map<number, string[]>();

  /** `text` is `item`'s, when already made. */
  add(item: Comparable, text = new IndexedText(item)): void {
    const link = normalizedLinkOf(item.link);
    if (link && !this.#byLink.has(link)) this.#byLink.set(link, item.id);
    if (text.sketch.shingleCount < minimumShingles) return;
    this.#texts.set(item.id, text);
    for (const anchor of text.sketch.anchors) {
      const bucket = this.#byAnchor.get(anchor);
      if (!bucket) this.#byAnchor.set(anchor, [item.id]);
      else if (bucket.length <= maxBucketSize) bucket.push(item.id);
    }
  }

  /** The articles already indexed that `item` duplicates: by link first, then by text. */
  match(item: Comparable, text = new IndexedText(item)): DuplicatePair[] {
    const pairs: DuplicatePair[] = [];
    const link = normalizedLinkOf(item.link);
    const sameLink = link ? this.#byLink.get(link) : undefined;
    if (sameLink !== undefined) pairs.push({ first: sameLink, second: item.id, reason: 'link' });

    if (text.sketch.shingleCount < minimumShingles) return pairs;
    // Copies share several anchors; texts that share one are usually just alike in a phrase.
    const sharedAnchors = new Map<string, number>();
    for (const anchor of text.sketch.anchors) {
      const bucket = this.#byAnchor.get(anchor);
      if (bucket && bucket.length <= maxBucketSize) for (const id of bucket) sharedAnchors.set(id, (sharedAnchors.get(id) ?? 0) + 1);
    }
    const candidates = [...sharedAnchors].filter(([, count]) => count >= minimumSharedAnchors).map(([id]) => id);
    for (const id of candidates.sort(compareStrings)) {
      if (id === sameLink) continue;
      const indexed = this.#texts.get(id)!;
      const similarity = sameArticleSimilarity(
        indexed.described,
        () => indexed.print,
        item,
        () => text.print,
      );
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

/** `check`'s warnings: one per pair, on the copy, naming the original. */
export function duplicateWarnings(articles: readonly Comparable[]): Problem[] {
  return findDuplicates(articles).map((pair) =>
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
    : `nearly the same title and text as ${pair.first}, from the same source (${Math.round((pair.similarity ?? 0) * 100)}% of its passages are in the other)`;
}
