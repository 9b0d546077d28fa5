/**
 * How the archive's articles relate: duplicates (one article captured twice),
 * stories (one event covered by several articles, close in text and in time)
 * and "more like this" (alike in text, sharing tags, near in time). Computed
 * once per build from the text neighbors of every article; deterministic.
 */
import { originalFirst, sameArticleSimilarity } from '../duplicates/findDuplicates.ts';
import { fingerprint, type Fingerprint } from '../duplicates/fingerprint.ts';
import { normalizedLinkOf } from '../duplicates/normalizeLink.ts';
import { compareStrings } from '../problems.ts';
import { textNeighbors, type Neighbor } from './similarity.ts';
import { countTerms, packTerms, tokenizerFor, unpackTerms, type CountedTerms, type PackedTerms } from './terms.ts';

/** What relating needs of an article. */
export interface RelatableArticle {
  url: string;
  title: string;
  /** The dek, which counts as the text's opening. */
  description?: string | undefined;
  /** Plain text of the body. */
  text: string;
  epochMs: number;
  tags: readonly string[];
  link?: string | undefined;
  /** The feed it came from: two captures of one article come from one source. */
  source?: string | undefined;
  /** Its file: of two captures published at once, the earlier file is the original. */
  file?: string | undefined;
  /** The index terms of its weighted text (`indexTermsOf`), when counted as it was read: else counted when needed. */
  terms?: PackedTerms | undefined;
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
export type NeighborFinder = (ordered: readonly RelatableArticle[], options: RelateOptions) => Neighbor[][];

/** Every article compared anew; the build cache stands in for it (see `cachedRelations.ts`). */
export const findNeighbors: NeighborFinder = (ordered, options) => {
  const termsOf = articleTerms(options.language);
  return textNeighbors(ordered.length, (index) => termsOf(ordered[index]!));
};

export function relateArticles(articles: readonly RelatableArticle[], options: RelateOptions, neighborsOf: NeighborFinder = findNeighbors): Relations {
  // A stable order, so that the same archive always gives the same result.
  const ordered = [...articles].sort(oldestFirst);
  const neighbors = neighborsOf(ordered, options);

  const duplicateOf = findCopies(ordered, neighbors);

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
  const indexOf = new Map(ordered.map((article, index) => [article.url, index]));
  for (const [copy, original] of duplicateOf) union(indexOf.get(copy)!, indexOf.get(original)!);
  const closest = neighbors.map((list) => new Set(list.slice(0, mutualRank).map((neighbor) => neighbor.index)));
  neighbors.forEach((list, index) => {
    for (const { index: other, score } of list) {
      if (Math.abs(ordered[index]!.epochMs - ordered[other]!.epochMs) > storyWindowDays * day) continue;
      // Alike enough on their own, or less alike but each among the other's closest articles.
      const mutual = closest[index]!.has(other) && closest[other]!.has(index);
      if (score >= storySimilarity || (mutual && score >= mutualStorySimilarity)) union(index, other);
    }
  });
  const groups = new Map<number, string[]>();
  ordered.forEach((article, index) => {
    const root = find(index);
    const group = groups.get(root);
    if (group) group.push(article.url);
    else groups.set(root, [article.url]);
  });
  const stories = [...groups.values()].filter((members) => members.length > 1).map((members) => ({ members }));
  const storyOf = new Map(stories.flatMap((story) => story.members.map((url) => [url, story] as const)));

  const related = new Map<string, string[]>();
  const subjects = ordered.map(headlineTermsOf(options.language));
  // Each article's tags folded once, not once for every article it is compared with.
  const tagsOf = ordered.map((article) => new Set(article.tags.map((tag) => tag.toLowerCase())));
  ordered.forEach((article, index) => {
    const story = storyOf.get(article.url);
    const tags = tagsOf[index]!;
    // Not its own story (shown as "also covered by"), and copies only through their original; and about the same thing.
    const candidates = neighbors[index]!.filter(({ index: other, score }) => {
      const url = ordered[other]!.url;
      const sameSubject = score >= storySimilarity || sharesAny(tagsOf[other]!, tags) || sharesAny(subjects[index]!, subjects[other]!);
      return !duplicateOf.has(url) && (!story || storyOf.get(url) !== story) && sameSubject;
    });
    const scored = candidates.map(({ index: other, score }) => relatedScore(article, ordered[other]!, score, tagsOf[other]!, tags));
    scored.sort((a, b) => b.score - a.score || compareStrings(a.url, b.url));
    related.set(
      article.url,
      scored
        .filter((candidate) => candidate.score >= minimumRelatedScore)
        .slice(0, options.relatedCount ?? 5)
        .map((candidate) => candidate.url),
    );
  });

  return { related, stories, storyOf, duplicateOf };
}

const oldestFirst = (a: RelatableArticle, b: RelatableArticle): number => a.epochMs - b.epochMs || compareStrings(a.url, b.url);

/**
 * What a headline is about: its index terms. Two articles are "like" each other only when their
 * headlines share one, or a tag, or their texts are as alike as a story's: in a small archive the
 * words every article uses ("officials", "Sunday", "roads") make unrelated texts look alike.
 */
function headlineTermsOf(language: string): (article: RelatableArticle) => Set<string> {
  const tokenizer = tokenizerFor(language);
  return (article) => new Set(tokenizer.words(article.title).flatMap((word) => tokenizer.term(word) ?? []));
}

function sharesAny(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  for (const term of a) if (b.has(term)) return true;
  return false;
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
  const count = termCounter(language);
  return (article) => packTerms(count(weightedText(article)));
};

/** An article's index terms: as counted when it was read, else counted now. */
export function articleTerms(language: string): (article: RelatableArticle) => CountedTerms {
  const count = termCounter(language);
  return (article) => (article.terms ? unpackTerms(article.terms) : count(weightedText(article)));
}

/** The dek and the body's text: made when needed, so that no article holds a second copy of its text. */
const fullText = (article: Pick<RelatableArticle, 'description' | 'text'>): string =>
  article.description ? `${article.description}\n${article.text}` : article.text;

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
function relatedScore(
  article: RelatableArticle,
  other: RelatableArticle,
  similarity: number,
  otherTags: ReadonlySet<string>,
  tags: ReadonlySet<string>,
): { url: string; score: number } {
  let shared = 0;
  for (const tag of otherTags) if (tags.has(tag)) shared += 1;
  const days = Math.abs(article.epochMs - other.epochMs) / day;
  const score = similarity * (1 + 0.15 * Math.min(shared, 3)) * (1 / (1 + days / 90));
  return { url: other.url, score };
}

/** Of two captures, the one to keep: the earlier, else the fuller text, else the one with a link to the original, else by URL. */
/** The one rule of `check` and `import` (`duplicates/findDuplicates.ts`): the earlier published, then the earlier file. */
const isOriginalOf = (a: RelatableArticle, b: RelatableArticle): boolean =>
  originalFirst({ epochMs: a.epochMs, id: a.file ?? a.url }, { epochMs: b.epochMs, id: b.file ?? b.url }) <= 0;

/** Copies: the same link once normalized, or the same article by `sameArticleSimilarity` among close text neighbors. */
function findCopies(ordered: readonly RelatableArticle[], neighbors: readonly Neighbor[][]): Map<string, string> {
  const duplicateOf = new Map<string, string>();
  const original = (url: string): string => {
    let current = url;
    for (let next = duplicateOf.get(current); next !== undefined; next = duplicateOf.get(current)) current = next;
    return current;
  };
  const byUrl = new Map(ordered.map((article) => [article.url, article]));
  /** Two captures of one article: the better original is kept, and what copied the other now copies it. */
  const markCopy = (a: string, b: string) => {
    const [first, second] = [original(a), original(b)];
    if (first === second) return;
    const [kept, copy] = isOriginalOf(byUrl.get(first)!, byUrl.get(second)!) ? [first, second] : [second, first];
    duplicateOf.set(copy, kept);
  };
  const byLink = new Map<string, string>();
  for (const article of ordered) {
    const link = normalizedLinkOf(article.link);
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
  neighbors.forEach((list, index) => {
    for (const { index: other, score } of list) {
      // Each pair once.
      if (other > index || score < duplicateCandidate) continue;
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
  });
  // Every copy points straight at the article it copies.
  return new Map([...duplicateOf.keys()].map((copy) => [copy, original(copy)]));
}
