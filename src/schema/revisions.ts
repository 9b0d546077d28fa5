/**
 * What a revisions file holds: the earlier versions of the article beside it
 * (`2026/01/story.md` → `2026/01/story.revisions.yaml`), oldest first, as
 * `news-archive fetch` keeps them when the article's feed changes it. The
 * `RevisionsFile` type is inferred from here, never written by hand.
 */
import { z } from 'zod';
import { articleDate } from './article.ts';
import { expecting, optionalText, text } from './fields.ts';

/** What a revisions file's name adds to its article's name without the extension. */
export const revisionsFileSuffix = '.revisions.yaml';

export const revisionSchema = z.object({
  /** When this version was replaced by the next one (the next revision, or the article as it is now). */
  replaced: articleDate,
  title: text('a title'),
  description: optionalText('a description'),
  /** HTML or Markdown, as the feed gave it; sanitized like every body when the site is built. */
  body: z.string(expecting('the text of the version (HTML or Markdown)')).default(''),
});

export const revisionsSchema = z.object({
  versions: z.array(revisionSchema, expecting('a list of earlier versions')).min(1, { error: 'expected at least one earlier version' }),
});

export type RevisionsFile = z.infer<typeof revisionsSchema>;
export const knownRevisionKeys = ['versions'];
