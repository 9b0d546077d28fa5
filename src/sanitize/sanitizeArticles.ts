/**
 * The sanitize stage: each loaded article gets safe HTML and its plain text.
 */
import type { Article } from '../load/readArticle.ts';
import { sanitizeBody } from './sanitizeBody.ts';

/**
 * The body as written is dropped once sanitized: nothing after this stage may
 * use it, and at 100,000 articles it would be hundreds of megabytes.
 */
export type SafeArticle = Omit<Article, 'body'> & {
  /** The body after sanitizing: the only HTML from content that reaches a page. */
  html: string;
  /** The text a reader sees in the body. */
  text: string;
  wordCount: number;
};

export function sanitizeArticle({ body, ...article }: Article): SafeArticle {
  const { html, text, wordCount } = sanitizeBody(body, { format: article.format, baseUrl: article.link });
  return { ...article, html, text, wordCount };
}
