/**
 * One content file's text to one article record, in passes: front matter →
 * shape (zod) → normalized record (slug, URL, date on the site's calendar).
 * Pure: no file system, so every case is testable with a string.
 */
import path from 'node:path';
import { toSiteDate, type SiteDate } from '../dates.ts';
import { isError, type Problem } from '../problems.ts';
import { routes } from '../routes.ts';
import { articleSchema, detectFormat, knownArticleKeys, type ArticleFormat, type ArticleFrontMatter } from '../schema/article.ts';
import type { SiteSettings } from '../schema/site.ts';
import { slugify } from '../slug.ts';
import { describeIssues, describeUnknownKeys } from './describeIssues.ts';
import { readFrontMatter } from './readFrontMatter.ts';

/** An article as loaded: validated, normalized, body not yet sanitized. */
export type Article = Omit<ArticleFrontMatter, 'date' | 'updated' | 'slug' | 'author' | 'authors' | 'format'> & {
  /** The file it came from, as shown in problems. */
  file: string;
  slug: string;
  /** `/YYYY/MM/DD/<slug>/`, the date in the site's time zone. */
  url: string;
  date: SiteDate;
  updated?: SiteDate;
  /** `author` and `authors` together. */
  authors: string[];
  format: ArticleFormat;
  /** The body as written (HTML or Markdown), unsafe until sanitized. */
  body: string;
  /** Front-matter keys the schema does not know, kept as written. */
  extra: Record<string, unknown>;
};

export interface ReadArticleResult {
  article?: Article;
  problems: Problem[];
}

/**
 * Jekyll's and Eleventy's convention: `2026-01-06-some-slug.md` dates the
 * article (and names it) when its front matter does not. Front matter wins.
 */
const datedFileName = /^(\d{4}-\d{2}-\d{2})-(.+)\.md$/;

function withDateFromFileName(file: string, data: Record<string, unknown>): Record<string, unknown> {
  const named = datedFileName.exec(path.basename(file));
  if (!named || (data.date !== undefined && data.date !== null && data.date !== '')) return data;
  const slug = data.slug === undefined || data.slug === null || data.slug === '' ? slugify(named[2]!) || undefined : data.slug;
  return { ...data, date: named[1], ...(slug === undefined ? {} : { slug }) };
}

export function readArticle(file: string, text: string, site: SiteSettings): ReadArticleResult {
  const frontMatter = readFrontMatter(file, text);
  if (!frontMatter.ok) return { problems: frontMatter.problems };
  const { data, body, lineOf } = frontMatter.value;

  const problems = describeUnknownKeys(file, data, knownArticleKeys, lineOf);
  const parsed = articleSchema.safeParse(withDateFromFileName(file, data), { reportInput: true });
  if (!parsed.success) {
    problems.push(...describeIssues(file, parsed.error.issues, lineOf));
    return { problems };
  }
  if (problems.some(isError)) return { problems };

  const { date, updated, slug, author, authors, format, ...rest } = parsed.data;
  const published = toSiteDate(date, site.timezone);
  const finalSlug = slug ?? (slugify(rest.title) || slugify(path.basename(file, '.md')) || 'article');
  const extra = Object.fromEntries(Object.entries(data).filter(([key]) => !knownArticleKeys.includes(key)));

  return {
    problems,
    article: {
      ...rest,
      file,
      slug: finalSlug,
      url: routes.article(published, finalSlug),
      date: published,
      ...(updated ? { updated: toSiteDate(updated, site.timezone) } : {}),
      authors: [...new Set([...author, ...authors])],
      format: format ?? detectFormat(body),
      body,
      extra,
    },
  };
}
