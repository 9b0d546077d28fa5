/**
 * The build's step for each content file: read and check it, sanitize the
 * body, sketch its text for finding copies and count its index terms for
 * relating articles. Run by loading on every
 * file, through the cache and on every core, so that the costly part of a
 * build or check is done once per changed file.
 */
import type { FileResult, FileStep, RevisionsInput, StoredApart } from './load/checkFile.ts';
import { isStoredHtml, storedHtml } from './sanitize/bodyHtml.ts';
import { isStoredText, storedText } from './sanitize/bodyText.ts';
import { fingerprint, sketchOf, type Sketch } from './duplicates/fingerprint.ts';
import { checkFile } from './load/checkFile.ts';
import { normalizedLinkOf } from './duplicates/normalizeLink.ts';
import { indexTermsOf } from './related/relateArticles.ts';
import { isStoredTerms, storeTerms, type ArticleTerms } from './related/terms.ts';
import { sanitizeArticle, type SafeArticle } from './sanitize/sanitizeArticles.ts';
import type { ReadingSettings } from './schema/site.ts';

/**
 * A sanitized article with the sketch of its text's fingerprint, which `check` finds copies by, its index terms,
 * and its link as copies are matched by (normalizing 100,000 links took a second of relating them).
 */
export type PreparedArticle = SafeArticle & { sketch: Sketch; terms: ArticleTerms; normalizedLink: string | undefined };

/** By language, one per thread: a counter stems each distinct word once. */
const termCounters = new Map<string, ReturnType<typeof indexTermsOf>>();
const termsIn = (language: string) => termCounters.get(language) ?? termCounters.set(language, indexTermsOf(language)).get(language)!;

export function prepareFile(
  file: string,
  bytes: Uint8Array,
  site: ReadingSettings,
  inContent?: string,
  revisions?: RevisionsInput,
): FileResult<PreparedArticle> {
  const checked = checkFile(file, bytes, site, inContent, revisions);
  if (!checked.article) return { problems: checked.problems };
  const { article, problems } = sanitizeArticle(checked.article, site.origin, { blockRemoteImages: site.remoteImages === 'block' });
  return {
    problems: [...checked.problems, ...problems],
    article: {
      ...article,
      sketch: sketchOf(fingerprint(article.text)),
      terms: termsIn(site.language)(article),
      normalizedLink: normalizedLinkOf(article.link),
    },
  };
}

/**
 * What the build reads of an article only where it needs it, kept in the cache apart: the body's HTML, which the
 * pages that show it carry by reference; the counts of its index terms, which relating reads for the articles its
 * text index does not know yet; and its text, which pages show only the opening of, and which is read whole only
 * where it is compared: with candidate copies, and on the changes page of an article with earlier versions.
 */
const storedApart: StoredApart<PreparedArticle> = {
  take(article) {
    if (typeof article.html !== 'string' || isStoredTerms(article.terms) || typeof article.text !== 'string') return undefined;
    const terms = storeTerms(article.terms);
    return {
      kept: { ...article, html: storedHtml(article.html), terms: terms.kept, text: storedText(article.text) },
      apart: { html: article.html, terms: terms.apart, text: article.text },
    };
  },
  apartOf: (article) => [
    ...(isStoredHtml(article.html) ? ['html'] : []),
    ...(isStoredTerms(article.terms) ? ['terms'] : []),
    ...(isStoredText(article.text) ? ['text'] : []),
  ],
  place(article, part, at) {
    if (part === 'html' && isStoredHtml(article.html)) article.html.at = at;
    if (part === 'terms' && isStoredTerms(article.terms)) article.terms.at = at;
    if (part === 'text' && isStoredText(article.text)) article.text.at = at;
  },
};

export const step: FileStep<PreparedArticle> = { name: 'build', module: new URL(import.meta.url), run: prepareFile, storedApart };
