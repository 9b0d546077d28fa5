/**
 * Text to index terms for comparing articles: words, lowercased and
 * NFKC-normalized, without the language's stop words, stemmed in English
 * (Porter). Numbers are left out: "2026" or "3" says little about a story.
 */
import { stemmer } from 'stemmer';
import { readEntryAt, type EntryPlace } from '../cache/fileCache.ts';
import * as stopwords from 'stopword';

/** Site language (BCP 47 primary subtag) → stopword's list. */
const stopwordLists: Record<string, readonly string[]> = {
  ar: stopwords.ara,
  cs: stopwords.ces,
  da: stopwords.dan,
  de: stopwords.deu,
  el: stopwords.ell,
  en: stopwords.eng,
  fi: stopwords.fin,
  fr: stopwords.fra,
  he: stopwords.heb,
  hu: stopwords.hun,
  it: stopwords.ita,
  ja: stopwords.jpn,
  ko: stopwords.kor,
  nl: stopwords.nld,
  nb: stopwords.nob,
  no: stopwords.nob,
  pl: stopwords.pol,
  pt: stopwords.por,
  ro: stopwords.ron,
  ru: stopwords.rus,
  es: stopwords.spa,
  sv: stopwords.swe,
  tr: stopwords.tur,
  uk: stopwords.ukr,
  zh: stopwords.zho,
};

const separators = /[^\p{L}\p{M}\p{N}'’]+/u;
const digitsOnly = /^\p{N}+$/u;

export interface Tokenizer {
  /** The words of a text, lowercased, in order. */
  words(text: string): string[];
  /** A word's index term, or undefined for a word that says nothing (stop word, number). */
  term(word: string): string | undefined;
}

export function tokenizerFor(language: string): Tokenizer {
  const primary = language.split('-')[0]!.toLowerCase();
  const stop = new Set(stopwordLists[primary] ?? stopwords.eng);
  const stem = primary === 'en' ? stemmer : (word: string) => word;
  const termOfWord = new Map<string, string | null>();
  return {
    words(text) {
      // NFKC only matters beyond ASCII, and costs as much as the rest.
      const normalized = /[^\x00-\x7f]/.test(text) ? text.normalize('NFKC') : text;
      return normalized.toLowerCase().split(separators);
    },
    term(word) {
      // Each distinct word is looked at once: an archive repeats its words endlessly.
      let term = termOfWord.get(word);
      if (term === undefined) {
        const bare = word.replace(/^['’]+|['’]+$/g, '').replace(/['’]s$/, '');
        term = bare.length < 2 || stop.has(bare) || digitsOnly.test(bare) ? null : stem(bare);
        termOfWord.set(word, term);
      }
      return term ?? undefined;
    },
  };
}

/** A text's distinct index terms, in the order they first occur, with how often each does. */
export interface CountedTerms {
  terms: readonly string[];
  counts: ArrayLike<number>;
}

/**
 * Counted terms as an article carries them from the thread that read it to the one that relates it: the terms
 * joined by spaces (no term holds one) and their counts, two values instead of an array of hundreds of strings;
 * its headline's distinct terms, joined the same way; and a digest of what they were counted from, by which the
 * next build knows the text again without hashing every text (1.2 s at 100,000 articles).
 */
export interface PackedTerms {
  terms: string;
  counts: Uint32Array;
  headline: string;
  digest: string;
}

export const packTerms = ({ terms, counts }: CountedTerms, headline: readonly string[], digest: string): PackedTerms => ({
  terms: terms.join(' '),
  counts: Uint32Array.from(counts),
  headline: headline.join(' '),
  digest,
});

/**
 * An article's counted terms left in the build cache, in an entry of their own (`prepareFile.ts`): what relating
 * reads of every article, its headline's terms and the digest, stays with it; the counts are read back only for
 * the articles the text index does not know yet (a day's news), or for all when it is made whole.
 */
export interface StoredTerms {
  kind: 'stored-terms';
  headline: string;
  digest: string;
  /** Where the cache holds the terms and counts; known once the cache's index is saved. */
  at?: EntryPlace | undefined;
}

export type ArticleTerms = PackedTerms | StoredTerms;

export const isStoredTerms = (terms: ArticleTerms | undefined): terms is StoredTerms => terms !== undefined && 'kind' in terms && terms.kind === 'stored-terms';

/** The terms kept in the cache apart, and what stays with the article. */
export const storeTerms = ({ terms, counts, headline, digest }: PackedTerms): { kept: StoredTerms; apart: Pick<PackedTerms, 'terms' | 'counts'> } => ({
  kept: { kind: 'stored-terms', headline, digest },
  apart: { terms, counts },
});

/** An article's counted terms, read back from the cache where it holds them. */
export function countedTermsOf(terms: ArticleTerms): CountedTerms {
  if (!isStoredTerms(terms)) return unpackTerms(terms);
  return unpackTerms(readEntryAt(terms.at, `the terms of a text (${terms.digest})`, isTermsApart));
}

/** What `storeTerms` kept apart, as read back. */
const isTermsApart = (value: unknown): value is Pick<PackedTerms, 'terms' | 'counts'> =>
  typeof (value as Partial<PackedTerms> | undefined)?.terms === 'string' && (value as Partial<PackedTerms>).counts instanceof Uint32Array;

/** Terms joined by spaces, apart again. */
const split = (joined: string): string[] => (joined === '' ? [] : joined.split(' '));

export const unpackTerms = ({ terms, counts }: Pick<PackedTerms, 'terms' | 'counts'>): CountedTerms => ({ terms: split(terms), counts });

export const unpackHeadline = ({ headline }: Pick<PackedTerms, 'headline'>): string[] => split(headline);

/** A headline's distinct index terms, in the order they first occur. */
export const headlineTerms = (title: string, tokenizer: Tokenizer): string[] => [
  ...new Set(tokenizer.words(title).flatMap((word) => tokenizer.term(word) ?? [])),
];

export function countTerms(text: string, tokenizer: Tokenizer): { terms: string[]; counts: number[] } {
  const terms: string[] = [];
  const counts: number[] = [];
  const positionOf = new Map<string, number>();
  for (const word of tokenizer.words(text)) {
    const term = tokenizer.term(word);
    if (term === undefined) continue;
    const position = positionOf.get(term);
    if (position === undefined) {
      positionOf.set(term, terms.length);
      terms.push(term);
      counts.push(1);
    } else counts[position]! += 1;
  }
  return { terms, counts };
}
