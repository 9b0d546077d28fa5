/**
 * One content file's bytes to its result: the problems found and, when it is
 * a valid article, the article, sanitized too when building. Pure, and the
 * unit of work that is cached on disk and shared among worker threads.
 */
import { isError, type Problem } from '../problems.ts';
import { sanitizeArticle, type SafeArticle } from '../sanitize/sanitizeArticles.ts';
import type { SiteSettings } from '../schema/site.ts';
import { decodeText } from './readFrontMatter.ts';
import { readArticle, type Article } from './readArticle.ts';

/** `check` needs articles as written (their bodies, for duplicates); `build` needs them sanitized. */
export type ReadMode = 'check' | 'build';

export interface ReadFileResult<A> {
  problems: Problem[];
  /** Absent when the file has errors. */
  article?: A | undefined;
}

export type ArticleOf<M extends ReadMode> = M extends 'build' ? SafeArticle : Article;

export function readContentFile<M extends ReadMode>(file: string, bytes: Uint8Array, site: SiteSettings, mode: M): ReadFileResult<ArticleOf<M>> {
  const decoded = decodeText(file, bytes);
  if (!decoded.ok) return { problems: [decoded.problem] };
  const { article, problems } = readArticle(file, decoded.text, site);
  if (!article || problems.some(isError)) return { problems };
  return { problems, article: (mode === 'build' ? sanitizeArticle(article) : article) as ArticleOf<M> };
}
