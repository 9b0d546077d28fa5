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

const word = /[\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}]+)*/gu;
const digitsOnly = /^\p{N}+$/u;

export type Tokenizer = (text: string) => string[];

/** A tokenizer for one language; it remembers stems, as news reuses its words. */
export function tokenizerFor(language: string): Tokenizer {
  const primary = language.split('-')[0]!.toLowerCase();
  const stop = new Set(stopwordLists[primary] ?? stopwords.eng);
  const stems = new Map<string, string>();
  const stem = primary === 'en' ? (token: string) => stemmer(token) : (token: string) => token;
  return (text) => {
    const terms: string[] = [];
    for (const match of text.normalize('NFKC').toLowerCase().matchAll(word)) {
      const token = match[0].replace(/['’]s$/, '');
      if (token.length < 2 || stop.has(token) || digitsOnly.test(token)) continue;
      let stemmed = stems.get(token);
      if (stemmed === undefined) {
        stemmed = stem(token);
        stems.set(token, stemmed);
      }
      terms.push(stemmed);
    }
    return terms;
  };
}
