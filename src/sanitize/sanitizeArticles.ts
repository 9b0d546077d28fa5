/**
 * The sanitize stage: each loaded article gets safe HTML and its plain text.
 */
import type { Article } from '../load/readArticle.ts';
import { sanitizeBody } from './sanitizeBody.ts';

export type SafeArticle = Article & {
  /** The body after sanitizing: the only HTML from content that reaches a page. */
  html: string;
  /** The text a reader sees in the body. */
  text: string;
  wordCount: number;
};

export function sanitizeArticle(article: Article): SafeArticle {
  const { html, text, wordCount } = sanitizeBody(article.body, { format: article.format, baseUrl: article.link });
  return { ...article, html, text, wordCount };
}
