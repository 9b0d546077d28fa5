/**
 * The one definition of what search finds of an article: a small HTML
 * document made from its page object, with what a reader sees of the
 * article itself (the copy notice, headline, dek and sanitized body; not the
 * byline, tags or links around it), the tag, source and year filters, the
 * date to sort by, and the source and date shown with a result. Made from
 * the Archive rather than read back from the written page, Pagefind can
 * index while Eleventy renders, and pages reach it in URL
 * order, which makes its output the same on every machine. Still HTML rather
 * than a plain-text record, so that Pagefind weighs the headline and the
 * body's headings as it does on a page.
 */
import { escapeAttribute, escapeText } from 'entities';
import type { ArticlePage } from '../archive/pages.ts';
import { htmlOf, type BodyHtml } from '../sanitize/bodyHtml.ts';

/** `bodyOf`: the body's HTML as the document holds it; a part's hash takes a digest for it (`staleParts.ts`). */
export function searchDocumentOf(page: ArticlePage, language: string, bodyOf: (html: BodyHtml) => string = htmlOf): string {
  const { article, search, messages } = page;
  const filter = (name: string, value: string) => `<span data-pagefind-filter="${escapeAttribute(name)}">${escapeText(value)}</span>`;
  const hiddenFacts = [
    article.source ? `${filter('source', article.source.name)}<span data-pagefind-meta="source">${escapeText(article.source.name)}</span>` : '',
    `<span data-pagefind-meta="date">${escapeText(article.date.display)}</span>`,
    ...article.tags.map((tag) => filter('tag', tag.label)),
  ].join('');
  return [
    `<!doctype html><html lang="${escapeAttribute(language)}"><head><meta charset="utf-8"><title>${escapeText(article.title)}</title></head><body>`,
    `<article data-pagefind-body data-pagefind-filter="year:${escapeAttribute(search.year)}" data-pagefind-sort="date:${escapeAttribute(search.date)}">`,
    // What the page says above the headline, in the site's language, as the reader sees it there.
    messages.copyOf ? `<p>${escapeText(messages.copyOf.map((part) => part.text).join(''))}</p>` : '',
    messages.draft ? `<p>${escapeText(messages.draft)}</p>` : '',
    `<h1>${escapeText(article.title)}</h1>`,
    article.description ? `<p>${escapeText(article.description)}</p>` : '',
    bodyOf(article.html),
    `<div data-pagefind-ignore>${hiddenFacts}</div>`,
    '</article></body></html>',
  ].join('');
}
