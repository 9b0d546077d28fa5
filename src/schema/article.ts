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

export const articleDate = z
  .union([z.string(), z.number().transform(String)], expecting(dateExample))
  .refine(isValidDate, { error: `expected ${dateExample}` });

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
  /** What the lead image shows, under it and as its text for those who cannot see it. */
  image_caption: optionalText('a caption'),
  /** Who made the lead image: "Jane Doe/Reuters". */
  image_credit: optionalText('a credit'),
  /** Where the archive's own copy of the lead image came from (`news-archive import` and `images` write it). */
  image_source: optionalHttpUrl,
  /** The original article. */
  link: optionalHttpUrl,
  /** `dead` when the original is no longer at its address: the page leads with the Internet Archive's copy. */
  link_status: z.enum(['live', 'dead'], expecting('live or dead')).optional(),
  /** The feed the article came from. */
  source: optionalHttpUrl,
  /** The publication, when no feed names it or to name it otherwise (a clipping's byline: "Reuters"). */
  outlet: optionalText('the name of a publication'),
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

/**
 * Elements that start a block in HTML: a body that opens with one of them (after any comments, styles and
 * scripts) is written in HTML, as feed items are; one that opens with text or an inline element is Markdown.
 */
const blockElements = new Set(
  'address article aside blockquote center dd details dialog dir div dl dt fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr li main menu nav ol p pre section table ul'.split(
    ' ',
  ),
);
const leadingNonContent = /^(?:\s|<!--[\s\S]*?-->|<(style|script)\b[^>]*>[\s\S]*?<\/\1\s*>)*/i;
// Block syntax of Markdown at the start of a line: headings, list items, fences, quotes, table rows, a
// setext underline. Lines opening with a tag are HTML's, and what a `pre` holds is not looked at.
const markdownBlock = /^(?:#{1,6}[ \t]+\S|[-*+][ \t]+\S|\d{1,9}[.)][ \t]+\S|`{3,}|~{3,}|>[ \t]?\S|\|.*\|[ \t]*$|(?:=+|-{2,})[ \t]*$)/m;

/**
 * When the front matter does not say: HTML only when the body is HTML, a block element from its
 * first line and no Markdown block syntax in it; everything else is Markdown, which may hold HTML.
 */
export function detectFormat(body: string): ArticleFormat {
  const content = body.replace(leadingNonContent, '');
  const first = /^<([a-z][a-z0-9]*)[\s/>]/i.exec(content);
  if (!first || !blockElements.has(first[1]!.toLowerCase())) return 'markdown';
  const outsidePre = content.replace(/<pre\b[\s\S]*?<\/pre\s*>/gi, '');
  return markdownBlock.test(outsidePre) ? 'markdown' : 'html';
}
