/**
 * How a content folder's files are turned into records, one file at a time:
 * a `FileStep`. Loading (`loadContent.ts`) runs a step on every file, through
 * the cache and on every core; `check` runs `checkStep` (articles as
 * written), `build` runs its own step that also sanitizes (`src/prepareFile.ts`).
 */
import type { EntryPlace } from '../cache/fileCache.ts';
import { isError, problem, problemKinds, type Problem } from '../problems.ts';
import type { ReadingSettings } from '../schema/site.ts';
import { decodeArticleText } from './readFrontMatter.ts';
import { readArticle, type Article } from './readArticle.ts';
import { readRevisions, type Revision } from './readRevisions.ts';

/** A revisions file beside an article: its name as shown in problems, and its bytes. */
export interface RevisionsInput {
  file: string;
  bytes: Uint8Array;
}

export interface FileResult<A> {
  problems: Problem[];
  /** Absent when the file has errors. */
  article?: A | undefined;
}

/** What `loadContent` needs of an article record: where it came from and where it goes. */
export interface LoadedArticle {
  file: string;
  url: string;
  draft: boolean;
  /** Addresses to redirect from. */
  oldUrls: string[];
}

/** One file's bytes to its result. Pure: the unit of work that is cached on disk and shared among worker threads. */
export interface FileStep<A extends LoadedArticle> {
  /** Names the step's entries in the cache: results of different steps never mix. */
  name: string;
  /** The module that exports this step as `step`, so that worker threads can run it. */
  module: URL;
  /** `inContent`: the file's path in the content folder, which gives the address its generator published it under. */
  run(file: string, bytes: Uint8Array, site: ReadingSettings, inContent?: string, revisions?: RevisionsInput): FileResult<A>;
  /**
   * Parts of each article kept in cache entries of their own, which loading does not read: the body's HTML
   * (`sanitize/bodyHtml.ts`) and text (`sanitize/bodyText.ts`) and the counts of its index terms
   * (`related/terms.ts`), read back where needed.
   */
  storedApart?: StoredApart<A> | undefined;
}

export interface StoredApart<A> {
  /** The article without its parts, and each part by name; nothing when the article has none to keep apart. */
  take(article: A): { kept: A; apart: Record<string, unknown> } | undefined;
  /** The names of the parts the article, as the cache gave it, has apart. */
  apartOf(article: A): string[];
  /**
   * Tells the article, in place, where its part of that name is: it is the load's own, as read from the cache or
   * received from a thread (a copy of each article for each part took a second at 100,000 articles).
   */
  place(article: A, part: string, at: EntryPlace): void;
}

/** An article as written, with its earlier versions when a revisions file is beside it. */
export type CheckedArticle = Article & { revisions?: Revision[] | undefined };

/**
 * A file's bytes to an article as written, with every problem found. A revisions file with errors is
 * reported and left out: the article is shown as it is now, without its history.
 */
export function checkFile(file: string, bytes: Uint8Array, site: ReadingSettings, inContent?: string, revisions?: RevisionsInput): FileResult<CheckedArticle> {
  const decoded = decodeArticleText(file, bytes);
  if (!decoded.ok) return { problems: [decoded.problem] };
  const read = readArticle(file, decoded.text, site, inContent);
  const { article } = read;
  const problems = decoded.warning ? [decoded.warning, ...read.problems] : read.problems;
  // An HTML file without front matter is a page or a fragment, which Jekyll and Hugo copy as it is: not an article, said so.
  if (/\.html?$/i.test(file) && read.problems.length === 1 && read.problems[0]!.code === problemKinds.missingFrontMatter.code) {
    return { problems: [problem(problemKinds.skippedFile, { file, message: 'is an HTML file without front matter, so not an article: it is not read' })] };
  }
  if (!article || problems.some(isError)) return { problems };
  if (!revisions) return { problems, article };
  const history = readRevisions(revisions.file, revisions.bytes, site);
  return { problems: [...problems, ...history.problems], article: history.revisions ? { ...article, revisions: history.revisions } : article };
}

export const step: FileStep<CheckedArticle> = { name: 'check', module: new URL(import.meta.url), run: checkFile };
