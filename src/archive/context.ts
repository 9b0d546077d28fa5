/**
 * What every builder of the Archive shares: the site's settings, the
 * articles it publishes (newest first) and their views, the taxonomies and
 * sources they are grouped by, and how they relate. Made once, read by all.
 */
import { compareStrings } from '../problems.ts';
import type { PictureSizes } from '../media/pictureSizes.ts';
import type { RelatableArticle, relateArticles } from '../related/relateArticles.ts';
import type { ArticleTerms } from '../related/terms.ts';
import type { SafeArticle } from '../sanitize/sanitizeArticles.ts';
import type { SiteSettings } from '../schema/site.ts';
import { siteWords, Translator } from '../strings/words.ts';
import { articleView } from './articleViews.ts';
import type { ArticleView, PageArticle } from './pages.ts';
import { baseUrlOf } from './siteView.ts';
import { storyViews, type StoryViews } from './stories.ts';
import { sourcesOf, taxonomiesOf, type Sources, type Taxonomy } from './taxonomy.ts';

/** What feeds are made with; there are none without a base URL, as feeds need absolute URLs. */
export interface FeedSettings {
  /** Without a trailing slash. */
  baseUrl: string;
  siteTitle: string;
  language: string;
  feedSize: number;
  /** What the feeds of tags, categories, authors and sources carry (site.yaml's `feedContent`). */
  termContent: 'full' | 'summary';
}

export interface ArchiveContext {
  settings: SiteSettings;
  /** The words of the pages, in the site's language. */
  words: Translator;
  /** Without a trailing slash; absent when the site may live in any folder. */
  baseUrl: string | undefined;
  /** How feeds are made; absent without a base URL, as feeds need absolute URLs. */
  feeds: FeedSettings | undefined;
  /** The articles of the site, newest first, without their text: only their views and relating read it (see `archiveContext`). */
  articles: readonly PageArticle[];
  /** Their views, in the same order. */
  views: readonly ArticleView[];
  /** The views of some of the articles, in the order given. */
  viewsOf(articles: readonly PageArticle[]): ArticleView[];
  taxonomies: readonly Taxonomy[];
  sources: Sources;
  /** Related articles, stories and second captures, as pages show them. */
  stories: StoryViews;
  /** In a build that writes over its last output: list pages hashed as they are made, and those that did not change not made again. */
  pageHashing?: PageHashing | undefined;
}

/**
 * Pages hashed from what they are made from as they are made: one that the last build wrote with the same hash,
 * whose file is there, is not made again (`UnchangedPage`). A day's news changes the newest pages of the lists it
 * joins, yet every page of every list was hashed again: 1.7 s of a day's news at 100,000 articles.
 */
export interface PageHashing {
  /** The hash of a page made from `inputs`, whose JSON holds what pages share by their digests. */
  hashOf(inputs: unknown): string;
  /** Whether the last build wrote the page at `url` with this hash, and its file is there. */
  unchanged(url: string, hash: string): boolean;
  /** The hashes given, by URL. */
  hashes: Map<string, string>;
}

/** What relating takes of an article. */
export const relatableOf = (article: PublishedArticle): RelatableArticle => ({
  url: article.url,
  title: article.title,
  description: article.description,
  text: article.text,
  epochMs: article.date.epochMs,
  tags: article.tags,
  link: article.link,
  normalizedLink: article.normalizedLink,
  source: article.source,
  file: article.file,
  terms: article.terms,
});

/** An article to publish, with its index terms and normalized link when they were made as its file was read (the build's step, `prepareFile.ts`). */
export type PublishedArticle = SafeArticle & { terms?: ArticleTerms | undefined; normalizedLink?: string | undefined };

/** Newest first; on the same instant, by URL, so that order never depends on file order. */
export const newestFirst = (a: SafeArticle, b: SafeArticle): number => b.date.epochMs - a.date.epochMs || compareStrings(a.url, b.url);

/**
 * `owned`: the articles are the context's alone (handed over by a build, see `buildArchive`), so that what only
 * relating reads of them is let go once they are related.
 */
export function archiveContext(
  published: readonly PublishedArticle[],
  settings: SiteSettings,
  relate: typeof relateArticles,
  pictureSizes: ReadonlyMap<string, PictureSizes> = new Map(),
  { owned = false } = {},
): ArchiveContext {
  const baseUrl = baseUrlOf(settings);
  const words = new Translator(siteWords(settings.language, settings.strings));
  const articles = [...published].sort(newestFirst);
  const taxonomies = taxonomiesOf(articles);
  const sources = sourcesOf(articles, settings);
  const views = articles.map((article) => articleView(article, settings, words, taxonomies, sources.viewOf(article), pictureSizes));
  const viewByUrl = new Map(views.map((view) => [view.url, view]));
  // Lists hold the articles themselves: found by what they are, not by their URL (a day's news at 100,000 articles: 0.53 s of look-ups, 1.02 s by URL).
  const viewOf = new Map<PageArticle, ArticleView>(articles.map((article, index) => [article, views[index]!]));
  const relations = relate(articles.map(relatableOf), { language: settings.language });
  if (owned) for (const article of articles) letGoOfRelatingInputs(article);
  return {
    settings,
    words,
    baseUrl,
    feeds:
      baseUrl === undefined
        ? undefined
        : { baseUrl, siteTitle: settings.title, language: settings.language, feedSize: settings.feedSize, termContent: settings.feedContent },
    articles,
    views,
    viewsOf: (list) => list.map((article) => viewOf.get(article)).filter((view) => view !== undefined),
    taxonomies,
    sources,
    stories: storyViews(relations, articles, viewByUrl, words),
  };
}

/**
 * An article's text and index terms, once it is related and its view made: more than half the bytes of an article
 * read from the cache, which pages never show (one article added to 100,000: the largest process 2.94 GB instead of
 * 3.47 GB). Emptied rather than deleted, which would make each object slower to read for the rest of the build.
 */
function letGoOfRelatingInputs(article: PublishedArticle): void {
  // Through the type the builders read it by, where its text may be missing.
  const asRead: PageArticle = article;
  if (!article.revisions?.length) asRead.text = undefined;
  article.terms = undefined;
}
