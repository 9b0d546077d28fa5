/**
 * Text to index terms for comparing articles: words, lowercased and
 * NFKC-normalized, without the language's stop words, stemmed in English
 * (Porter). Numbers are left out: "2026" or "3" says little about a story.
 */
import { stemmer } from 'stemmer';
import * as stopwords from 'stopword';

/** Site language (BCP 47 primary subtag) → stopword's list. */
const stopwordLists: Record<string, readonly string[]> = {
  ar: stopwords.ara, cs: stopwords.ces, da: stopwords.dan, de: stopwords.deu, el: stopwords.ell, en: stopwords.eng,
  fi: stopwords.fin, fr: stopwords.fra, he: stopwords.heb, hu: stopwords.hun, it: stopwords.ita, ja: stopwords.jpn,
  ko: stopwords.kor, nl: stopwords.nld, nb: stopwords.nob, no: stopwords.nob, pl: stopwords.pol, pt: stopwords.por,
  ro: stopwords.ron, ru: stopwords.rus, es: stopwords.spa, sv: stopwords.swe, tr: stopwords.tur, uk: stopwords.ukr, zh: stopwords.zho,
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
  return {
    words(text) {
      // NFKC only matters beyond ASCII, and costs as much as the rest.
      const normalized = /[^\x00-\x7f]/.test(text) ? text.normalize('NFKC') : text;
      return normalized.toLowerCase().split(separators);
    },
    term(word) {
      const bare = word.replace(/^['’]+|['’]+$/g, '').replace(/['’]s$/, '');
      if (bare.length < 2 || stop.has(bare) || digitsOnly.test(bare)) return undefined;
      return stem(bare);
    },
  };
}

