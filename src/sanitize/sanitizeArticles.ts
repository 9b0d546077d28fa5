/**
 * The sanitize stage: each loaded article gets safe HTML and its plain text.
 */
import type { CheckedArticle } from '../load/checkFile.ts';
import type { Article } from '../load/readArticle.ts';
import type { Revision } from '../load/readRevisions.ts';
import { detectFormat } from '../schema/article.ts';
import { problem, problemKinds, type Problem } from '../problems.ts';
import type { BodyHtml } from './bodyHtml.ts';
import type { BodyText } from './bodyText.ts';
import type { BodyReference } from './references.ts';
import { codeLookup, codeRangesOf } from './otherMarkup.ts';
import { sanitizeBody } from './sanitizeBody.ts';

/**
 * The body as written is dropped once sanitized: nothing after this stage may
 * use it, and at 100,000 articles it would be hundreds of megabytes.
 */
export type SafeArticle = Omit<Article, 'body'> & {
  /**
   * The body after sanitizing: the only HTML from content that reaches a page. Its links into the archive are
   * tokens until resolved. In a build with a cache, where the cache holds it (`bodyHtml.ts`).
   */
  html: BodyHtml;
  /** Links and images into the archive, by token (see `sanitize/references.ts`); none left once resolved. */
  references: BodyReference[];
  /** The text a reader sees in the body. In a build with a cache, where the cache holds it, with its opening (`bodyText.ts`). */
  text: BodyText;
  wordCount: number;
  /** Its earlier versions, oldest first, as the text a reader saw in each (sanitized, paragraphs apart). */
  revisions?: RevisionText[] | undefined;
};

/** An earlier version of an article, as the text it showed. */
export type RevisionText = Omit<Revision, 'body'> & { text: string };

/** A sanitized article, and what sanitizing could not keep as written: warnings naming its file. */
export interface SanitizedArticle {
  /** Its text at hand: only the cache keeps it elsewhere. */
  article: SafeArticle & { text: string };
  problems: Problem[];
}

/** `origin`: the site the archive came from (site.yaml), which relative links of its posts point at. */
export function sanitizeArticle({ body, revisions, ...article }: CheckedArticle, origin?: string, { blockRemoteImages = false } = {}): SanitizedArticle {
  const { html, text, wordCount, references, unconverted, unkeptText, unkeptAddresses } = sanitizeBody(body, {
    format: article.format,
    link: article.link,
    origin,
    blockRemoteImages,
    oldPath: article.oldUrls[0],
    contentPath: article.contentPath,
    keepReferences: true,
  });
  const problems = [
    ...(unconverted.length === 0
      ? []
      : [
          problem(problemKinds.unconvertedMarkup, {
            file: article.file,
            message: `${unconverted.length === 1 ? 'holds' : `holds ${unconverted.length} constructs of`} another generator's template markup that is shown as text: ${JSON.stringify(unconverted[0]!.slice(0, 80))}${unconverted.length > 1 ? ' first' : ''}`,
          }),
        ]),
    ...(unkeptText.length === 0
      ? []
      : [
          problem(problemKinds.unkeptText, {
            file: article.file,
            message: `text a reader would see is not on the page, ${unkeptText.length === 1 ? 'in one place' : `in ${unkeptText.length} places`} (formulas, drawings, form fields and embeds with no address are not kept): ${unkeptText[0]}${unkeptText.length > 1 ? ' first' : ''}`,
          }),
        ]),
    ...(unkeptAddresses.length === 0
      ? []
      : [
          problem(problemKinds.unkeptLink, {
            file: article.file,
            message: `${unkeptAddresses.length === 1 ? 'has an address' : `has ${unkeptAddresses.length} addresses`} the archive does not keep, shown as text: ${unkeptAddresses[0]}${unkeptAddresses.length > 1 ? ' first' : ''}`,
          }),
        ]),
  ];
  const excerpt = article.description === undefined && article.summary === undefined ? writtenExcerptOf(body, article, origin, blockRemoteImages) : undefined;
  // Earlier versions are shown only as their text, compared word by word with the next: sanitized the same way first.
  const revisionTexts = revisions?.map(({ body: revisionBody, ...revision }) => ({
    ...revision,
    text: sanitizeBody(revisionBody, { format: detectFormat(revisionBody), link: article.link, origin, blockRemoteImages }).text,
  }));
  return {
    article: {
      ...article,
      ...(excerpt ? { summary: excerpt } : {}),
      html,
      text,
      wordCount,
      references,
      ...(revisionTexts ? { revisions: revisionTexts } : {}),
    },
    problems,
  };
}

/** The mark that ends a post's summary: Hugo's and WordPress's `<!--more-->`, Octopress's and Hexo's `<!-- more -->`. */
const moreMark = /<!--\s*more\s*-->/i;

/**
 * The summary a post's author marked in its body: its text up to the `<!--more-->` mark, or up to Jekyll's
 * `excerpt_separator` when its front matter names one; as Hugo, Jekyll and WordPress list the post.
 */
function writtenExcerptOf(body: string, article: Omit<CheckedArticle, 'body'>, origin: string | undefined, blockRemoteImages: boolean): string | undefined {
  const separator = article.extra.excerpt_separator;
  const named = typeof separator === 'string' && separator.trim() !== '';
  const found = named ? body.indexOf(separator) : (moreMark.exec(body)?.index ?? -1);
  // A post about writing posts may show the mark in code: that one marks nothing.
  if (found <= 0 || codeLookup(codeRangesOf(body))(found)) return undefined;
  const before = body.slice(0, found);
  const { text } = sanitizeBody(before, { format: article.format, link: article.link, origin, blockRemoteImages });
  const excerpt = text.replace(/\s+/g, ' ').trim();
  return excerpt === '' ? undefined : excerpt;
}
