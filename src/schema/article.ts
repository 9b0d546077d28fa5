/**
 * What an article's front matter may hold: the single source of truth.
 * The `ArticleFrontMatter` type is inferred from it, never written by hand.
 *
 * Keys not listed here are stripped by the schema; the loader keeps them
 * aside (so nothing a file says is lost) and reports them as warnings, which
 * catches typos like `tittle:`.
 */
import { z } from 'zod';
import { dateExample, isValidDate } from '../dates.ts';
import { isSafeLegacySlug, maxSlugLength } from '../slug.ts';
import { expecting, flag, optionalHttpUrl, optionalText, optionalUrlOrPath, stringList, text } from './fields.ts';

const articleDate = z.union([z.string(), z.number().transform(String)], expecting(dateExample)).refine(isValidDate, { error: `expected ${dateExample}` });

const slug = z.preprocess(
  (value) => (value === '' || value === null ? undefined : value),
  z
    .string(expecting('a slug'))
    // Slugs other generators published under are kept (with a warning, from the loader); none can leave its folder.
    .refine(isSafeLegacySlug, {
      error: `expected a slug of lowercase letters, digits and single hyphens (at most ${maxSlugLength} characters), like "peace-talks-resume"`,
    })
    .optional(),
);

export const articleFormats = ['html', 'markdown'] as const;

export const articleSchema = z.object({
  title: text('a title'),
  date: articleDate,
  /** When the article was last changed, if ever; same formats as `date`. */
  updated: z.preprocess((value) => (value === '' || value === null ? undefined : value), articleDate.optional()),
  description: optionalText('a description'),
  summary: optionalText('a summary'),
  slug,
  /** The lead image: a URL, or a path on the site the archive came from (resolved against `origin` in site.yaml). */
  image: optionalUrlOrPath,
  /** The original article. */
  link: optionalHttpUrl,
  /** The feed the article came from. */
  source: optionalHttpUrl,
  categories: stringList('a category'),
  tags: stringList('a tag'),
  author: stringList('an author'),
  authors: stringList('an author'),
  draft: flag.default(false),
  /** The article's language when it is not the site's (BCP 47: `es`, `pt-BR`): a translation. */
  lang: optionalText('a language tag like "es"').refine((tag) => tag === undefined || /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/i.test(tag), {
    error: 'expected a language tag like "es" or "pt-BR"',
  }),
  format: z.preprocess(
    (value) => (typeof value === 'string' ? value.trim().toLowerCase() : value),
    z.enum(articleFormats, expecting('"html" or "markdown"')).optional(),
  ),
});

/** The front matter as a file may write it. */
export type ArticleFrontMatterInput = z.input<typeof articleSchema>;
/** The front matter after validation: lists are lists, URLs normalized, absent means undefined. */
export type ArticleFrontMatter = z.output<typeof articleSchema>;

export type ArticleFormat = (typeof articleFormats)[number];

/** The keys the schema knows; every other key is reported as unknown. */
export const knownArticleKeys: readonly string[] = Object.keys(articleSchema.shape);

/** When the front matter does not say: HTML when the body starts with an element or comment, else Markdown. */
export const detectFormat = (body: string): ArticleFormat => (/^\s*<(?:[a-z]|!--)/i.test(body) ? 'html' : 'markdown');
