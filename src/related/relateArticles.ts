/**
 * How the archive's articles relate: duplicates (one article captured twice),
 * stories (one event covered by several articles, close in text and in time)
 * and "more like this" (alike in text, sharing tags, near in time). Computed
 * once per build from the text neighbors of every article; deterministic.
 */
import { createHash } from 'node:crypto';
import { originalFirst, sameArticleSimilarity } from '../duplicates/findDuplicates.ts';
import { fingerprint, type Fingerprint } from '../duplicates/fingerprint.ts';
import { normalizedLinkOf } from '../duplicates/normalizeLink.ts';
import { compareStrings } from '../problems.ts';
import { textOf, type BodyText } from '../sanitize/bodyText.ts';
import { textNeighbors, type NeighborLists } from './similarity.ts';
import {
  countedTermsOf,
  countTerms,
  headlineTerms,
  packTerms,
  tokenizerFor,
  unpackHeadline,
  type ArticleTerms,
  type CountedTerms,
  type PackedTerms,
} from './terms.ts';

/** What relating needs of an article. */
export interface RelatableArticle {
  url: string;
  title: string;
  /** The dek, which counts as the text's opening. */
  description?: string | undefined;
  /** Plain text of the body: read only for the terms when they were not counted as it was read, and for candidate copies. */
  text: BodyText;
  epochMs: number;
  tags: readonly string[];
  link?: string | undefined;
  /** `normalizedLinkOf(link)`, when made as it was read: else made when needed. */
  normalizedLink?: string | undefined;
  /** The feed it came from: two captures of one article come from one source. */
  source?: string | undefined;
  /** Its file: of two captures published at once, the earlier file is the original. */
  file?: string | undefined;
  /** The index terms of its weighted text (`indexTermsOf`), when counted as it was read: else counted when needed. */
  terms?: ArticleTerms | undefined;
}

export interface Story {
  /** Member URLs, oldest first; duplicates included. */
  members: string[];
}

export interface Relations {
  /** Up to `relatedCount` URLs per article, best first; never its own story's or its duplicates. */
  related: Map<string, string[]>;
  stories: Story[];
  storyOf: Map<string, Story>;
  /** A second capture → the article it copies (the earlier one). */
  duplicateOf: Map<string, string>;
}

export interface RelateOptions {
  language: string;
  relatedCount?: number;
}

/** Cosine similarity from which two articles close in time are one story. */
export const storySimilarity = 0.3;
/** ...or from which they are, when each is among the other's `mutualRank` closest articles. */
export const mutualStorySimilarity = 0.13;
const mutualRank = 3;
/** Days within which two articles can be one story. */
export const storyWindowDays = 4;
/** Below this, articles are not even "related". */
const minimumRelatedScore = 0.02;
/** Text neighbors this alike are checked for being copies. */
const duplicateCandidate = 0.75;
const day = 86_400_000;

/** The text neighbors (see `similarity.ts`) of articles given oldest first. */
export type NeighborFinder = (ordered: readonly RelatableArticle[], options: RelateOptions) => NeighborLists;

/** Every article compared anew; the build cache stands in for it (see `cachedRelations.ts`). */
export const findNeighbors: NeighborFinder = (ordered, options) => {
  const termsOf = articleTerms(options.language);
  return textNeighbors(ordered.length, (index) => termsOf(ordered[index]!));
};

export function relateArticles(articles: readonly RelatableArticle[], options: RelateOptions, neighborsOf: NeighborFinder = findNeighbors): Relations {
  // A stable order, so that the same archive always gives the same result.
  const ordered = [...articles].sort(oldestFirst);
  const neighbors = neighborsOf(ordered, options);

  const indexOf = new Map(ordered.map((article, index) => [article.url, index]));
  const duplicateOf = findCopies(ordered, neighbors, indexOf);

  // Stories: union of close pairs (alike and near in time), and of copies.
  const parent = ordered.map((_, index) => index);
  const find = (index: number): number => {
    while (parent[index] !== index) index = parent[index] = parent[parent[index]!]!;
    return index;
  };
  const union = (a: number, b: number) => {
    const [rootA, rootB] = [find(a), find(b)];
    if (rootA !== rootB) parent[Math.max(rootA, rootB)] = Math.min(rootA, rootB);
  };
  for (const [copy, original] of duplicateOf) union(indexOf.get(copy)!, indexOf.get(original)!);
  // Read in place, not from each article object: 100,000 articles meet 2 million neighbors in the loops below.
  const epochMs = Float64Array.from(ordered, (article) => article.epochMs);
  const isClosest = (index: number, other: number): boolean => {
    const first = neighbors.start[index]!;
    const end = Math.min(neighbors.start[index + 1]!, first + mutualRank);
    for (let slot = first; slot < end; slot++) if (neighbors.index[slot] === other) return true;
    return false;
  };
  for (let index = 0; index < ordered.length; index++) {
    for (let slot = neighbors.start[index]!; slot < neighbors.start[index + 1]!; slot++) {
      const other = neighbors.index[slot]!;
      const score = neighbors.score[slot]!;
      if (Math.abs(epochMs[index]! - epochMs[other]!) > storyWindowDays * day) continue;
      // Alike enough on their own, or less alike but each among the other's closest articles.
      if (score >= storySimilarity || (score >= mutualStorySimilarity && isClosest(index, other) && isClosest(other, index))) union(index, other);
    }
  }
  // Only the stories of more than one article: not an entry and a list for each of 100,000 articles.
  const roots = Int32Array.from(ordered, (_, index) => find(index));
  const memberCount = new Int32Array(ordered.length);
  for (const root of roots) memberCount[root]! += 1;
  const groups = new Map<number, string[]>();
  ordered.forEach((article, index) => {
    const root = roots[index]!;
    if (memberCount[root]! < 2) return;
    const group = groups.get(root);
    if (group) group.push(article.url);
    else groups.set(root, [article.url]);
  });
  const stories = [...groups.values()].map((members) => ({ members }));
  const storyOf = new Map(stories.flatMap((story) => story.members.map((url) => [url, story] as const)));

  // Compared in plain arrays of numbers, not through maps and sets of strings: 100,000 articles meet 2 million
  // neighbors here, and this took 3.7 s of relating them.
  const isCopy = Uint8Array.from(ordered, (article) => (duplicateOf.has(article.url) ? 1 : 0));
  const storyNumber = new Int32Array(ordered.length).fill(-1);
  stories.forEach((story, number) => {
    for (const url of story.members) storyNumber[indexOf.get(url)!] = number;
  });
  const ids = new WordIds();
  // Each article's tags folded once, not once for every article it is compared with.
  const tags = ids.sets(ordered.length, (index) => ordered[index]!.tags.map((tag) => tag.toLowerCase()));
  const headlineWords = headlineWordsOf(options.language);
  const subjects = ids.sets(ordered.length, (index) => headlineWords(ordered[index]!));
  const related = new Map<string, string[]>();
  const count = options.relatedCount ?? 5;
  for (let index = 0; index < ordered.length; index++) {
    const story = storyNumber[index]!;
    // The best `count` so far, best first: most candidates fall below the last, and are never sorted.
    const best: Candidate[] = [];
    for (let slot = neighbors.start[index]!; slot < neighbors.start[index + 1]!; slot++) {
      const other = neighbors.index[slot]!;
      const similarity = neighbors.score[slot]!;
      // Not its own story (shown as "also covered by"), and copies only through their original; and about the same thing.
      if (isCopy[other] === 1 || (story !== -1 && storyNumber[other] === story)) continue;
      const sharedTags = tags.shared(index, other);
      if (similarity < storySimilarity && sharedTags === 0 && subjects.shared(index, other) === 0) continue;
      const score = relatedScore(epochMs[index]! - epochMs[other]!, similarity, sharedTags);
      if (score < minimumRelatedScore || (best.length === count && score < best[count - 1]!.score)) continue;
      const candidate = { url: ordered[other]!.url, score };
      let rank = best.length;
      while (rank > 0 && betterRelated(candidate, best[rank - 1]!)) rank -= 1;
      if (rank < count) best.splice(rank, 0, candidate);
      if (best.length > count) best.pop();
    }
    related.set(
      ordered[index]!.url,
      best.map((candidate) => candidate.url),
    );
  }

  return { related, stories, storyOf, duplicateOf };
}

const oldestFirst = (a: RelatableArticle, b: RelatableArticle): number => a.epochMs - b.epochMs || compareStrings(a.url, b.url);

/**
 * What a headline is about: its index terms. Two articles are "like" each other only when their
 * headlines share one, or a tag, or their texts are as alike as a story's: in a small archive the
 * words every article uses ("officials", "Sunday", "roads") make unrelated texts look alike.
 */
function headlineWordsOf(language: string): (article: RelatableArticle) => readonly string[] {
  const tokenizer = tokenizerFor(language);
  return (article) => (article.terms ? unpackHeadline(article.terms) : headlineTerms(article.title, tokenizer));
}

/** Words as numbers: a set of words is then its distinct numbers, sorted. */
class WordIds {
  private readonly idOf = new Map<string, number>();

  /**
   * The set of each of `count` lists of words, all in one array (`SortedSets`). Each list is asked for when it is
   * numbered, and is garbage at once: made all first, 100,000 articles' lists (their headlines' 800,000 words) lived
   * on through the engine's young collections, which copy what lives.
   */
  sets(count: number, wordsOf: (list: number) => readonly string[]): SortedSets {
    const start = new Int32Array(count + 1);
    let members = new Int32Array(Math.max(16, count * 4));
    let length = 0;
    for (let list = 0; list < count; list++) {
      const words = wordsOf(list);
      if (length + words.length > members.length) {
        const grown = new Int32Array(Math.max(2 * members.length, length + words.length));
        grown.set(members.subarray(0, length));
        members = grown;
      }
      const first = length;
      for (const word of words) {
        let id = this.idOf.get(word);
        if (id === undefined) {
          id = this.idOf.size;
          this.idOf.set(word, id);
        }
        members[length++] = id;
      }
      // Sorted in place, then each number once.
      const ids = members.subarray(first, length).sort();
      length = first;
      for (let position = 0; position < ids.length; position++) if (position === 0 || ids[position] !== ids[position - 1]) members[length++] = ids[position]!;
      start[list + 1] = length;
    }
    return new SortedSets(start, members.slice(0, length));
  }
}

/**
 * Sets of numbers, each sorted, one after another in one array: set `n` is `ids[start[n]]` to
 * `ids[start[n + 1]]`, read in place rather than as an array per set. Comparing them is half the
 * time of comparing each article with its neighbors; at 100,000 articles that loop went from 2.3 s
 * to 1.9 s (with the dates in a typed array).
 */
class SortedSets {
  private readonly start: Int32Array;
  private readonly ids: Int32Array;

  constructor(start: Int32Array, ids: Int32Array) {
    this.start = start;
    this.ids = ids;
  }

  /** How many numbers sets `a` and `b` share. */
  shared(a: number, b: number): number {
    const { start, ids } = this;
    let shared = 0;
    for (let i = start[a]!, j = start[b]!, endA = start[a + 1]!, endB = start[b + 1]!; i < endA && j < endB; ) {
      if (ids[i] === ids[j]) {
        shared += 1;
        i += 1;
        j += 1;
      } else if (ids[i]! < ids[j]!) i += 1;
      else j += 1;
    }
    return shared;
  }
}

/** Counts the index terms of texts in the site's language (each distinct word stemmed once). */
export function termCounter(language: string): (text: string) => CountedTerms {
  const tokenizer = tokenizerFor(language);
  return (text) => countTerms(text, tokenizer);
}

/**
 * The index terms of an article's weighted text, packed: counted by the thread that reads its file (the build's
 * step), where tokenizing and stemming runs on every core and is cached with the article, instead of on one core
 * while the pages are made (a third of relating 10,000 articles).
 */
export const indexTermsOf = (language: string): ((article: Pick<RelatableArticle, 'title' | 'description' | 'text'>) => PackedTerms) => {
  const tokenizer = tokenizerFor(language);
  return (article) => packTerms(countTerms(weightedText(article), tokenizer), headlineTerms(article.title, tokenizer), digestOfWords(article));
};

/** A digest of what an article's terms are counted from: its title, dek and text. */
export const digestOfWords = ({ title, description, text }: Pick<RelatableArticle, 'title' | 'description' | 'text'>): string =>
  createHash('sha1')
    .update(JSON.stringify([title, description ?? null]))
    .update(textOf(text))
    .digest('base64');

/** An article's index terms: as counted when it was read, else counted now. */
export function articleTerms(language: string): (article: RelatableArticle) => CountedTerms {
  const count = termCounter(language);
  return (article) => (article.terms ? countedTermsOf(article.terms) : count(weightedText(article)));
}

/** The dek and the body's text: made when needed, so that no article holds a second copy of its text. */
const fullText = (article: Pick<RelatableArticle, 'description' | 'text'>): string =>
  article.description ? `${article.description}\n${textOf(article.text)}` : textOf(article.text);

/**
 * The text to compare, with the title counted twice and names (capitalized
 * words: places, people, organisations) once more: they tell one event from
 * another of the same kind ("earthquake" in Chile or in Japan).
 */
export function weightedText(article: Pick<RelatableArticle, 'title' | 'description' | 'text'>): string {
  const all = `${article.title}\n${fullText(article)}`;
  const names = all.match(/(?<![\p{L}\p{M}])\p{Lu}[\p{L}\p{M}'’-]+/gu) ?? [];
  return `${article.title}\n${all}\n${names.join(' ')}`;
}

/**
 * Text similarity first, raised by shared tags and lowered by distance in
 * time: a week apart costs a little, a season half, a year most of the score,
 * so the list is neither just the newest articles nor blind to dates.
 */
function relatedScore(apartMs: number, similarity: number, sharedTags: number): number {
  const days = Math.abs(apartMs) / day;
  return similarity * (1 + 0.15 * Math.min(sharedTags, 3)) * (1 / (1 + days / 90));
}

interface Candidate {
  url: string;
  score: number;
}

/** The higher score first; of equal ones, by URL. */
const betterRelated = (a: Candidate, b: Candidate): boolean => a.score > b.score || (a.score === b.score && compareStrings(a.url, b.url) < 0);

/** Of two captures, the one to keep: the earlier, else the fuller text, else the one with a link to the original, else by URL. */
/** The one rule of `check` and `import` (`duplicates/findDuplicates.ts`): the earlier published, then the earlier file. */
const isOriginalOf = (a: RelatableArticle, b: RelatableArticle): boolean =>
  originalFirst({ epochMs: a.epochMs, id: a.file ?? a.url }, { epochMs: b.epochMs, id: b.file ?? b.url }) <= 0;

/** Copies: the same link once normalized, or the same article by `sameArticleSimilarity` among close text neighbors. */
function findCopies(ordered: readonly RelatableArticle[], neighbors: NeighborLists, indexOf: ReadonlyMap<string, number>): Map<string, string> {
  const duplicateOf = new Map<string, string>();
  const original = (url: string): string => {
    let current = url;
    for (let next = duplicateOf.get(current); next !== undefined; next = duplicateOf.get(current)) current = next;
    return current;
  };
  const byUrl = (url: string): RelatableArticle => ordered[indexOf.get(url)!]!;
  /** Two captures of one article: the better original is kept, and what copied the other now copies it. */
  const markCopy = (a: string, b: string) => {
    const [first, second] = [original(a), original(b)];
    if (first === second) return;
    const [kept, copy] = isOriginalOf(byUrl(first), byUrl(second)) ? [first, second] : [second, first];
    duplicateOf.set(copy, kept);
  };
  const byLink = new Map<string, string>();
  for (const article of ordered) {
    const link = article.normalizedLink ?? normalizedLinkOf(article.link);
    if (link === undefined) continue;
    const first = byLink.get(link);
    if (first === undefined) byLink.set(link, article.url);
    else markCopy(first, article.url);
  }
  const prints = new Map<number, Fingerprint>();
  const printOf = (index: number) => {
    let print = prints.get(index);
    if (!print) {
      print = fingerprint(fullText(ordered[index]!));
      prints.set(index, print);
    }
    return print;
  };
  for (let index = 0; index < ordered.length; index++) {
    for (let slot = neighbors.start[index]!; slot < neighbors.start[index + 1]!; slot++) {
      const other = neighbors.index[slot]!;
      // Each pair once.
      if (other > index || neighbors.score[slot]! < duplicateCandidate) continue;
      if (
        sameArticleSimilarity(
          ordered[index]!,
          () => printOf(index),
          ordered[other]!,
          () => printOf(other),
        ) !== undefined
      )
        markCopy(ordered[other]!.url, ordered[index]!.url);
    }
  }
  // Every copy points straight at the article it copies.
  return new Map([...duplicateOf.keys()].map((copy) => [copy, original(copy)]));
}
