/**
 * Feeds: Atom and JSON Feed for the whole archive, Atom for every tag and
 * source. Entries are the newest `feedSize` articles with absolute URLs; a
 * feed's date is its newest entry's, so the same content gives the same feed.
 */
import type { ArticleView, FeedEntry, FeedLink, FeedPage } from './pages.ts';

export interface FeedSubject {
  /** The page the feed follows, root-relative: `/`, `/tags/kyiv/`. */
  pageUrl: string;
  title: string;
  description?: string | undefined;
  /** Newest first. */
  articles: readonly ArticleView[];
}

export interface FeedSettings {
  /** Without a trailing slash. */
  baseUrl: string;
  siteTitle: string;
  language: string;
  feedSize: number;
}

export const atomType = 'application/atom+xml';
export const jsonFeedType = 'application/feed+json';

/** The Atom feed of a page that lists articles, at `feed.xml` under it. */
export function atomFeed(subject: FeedSubject, settings: FeedSettings): FeedPage {
  return feed('atom', `${subject.pageUrl}feed.xml`, subject, settings);
}

/** The JSON Feed 1.1 of a page that lists articles, at `feed.json` under it. */
export function jsonFeed(subject: FeedSubject, settings: FeedSettings): FeedPage {
  return feed('json', `${subject.pageUrl}feed.json`, subject, settings);
}

/** What a page's `<head>` announces for its feed. */
export function feedLink(page: FeedPage): FeedLink {
  return page.format === 'atom'
    ? { url: page.url, type: atomType, title: page.title, label: 'Atom feed' }
    : { url: page.url, type: jsonFeedType, title: page.title, label: 'JSON Feed' };
}

function feed(format: FeedPage['format'], url: string, subject: FeedSubject, settings: FeedSettings): FeedPage {
  const entries = subject.articles.slice(0, settings.feedSize).map((article) => feedEntry(article, settings.baseUrl));
  return {
    kind: 'feed',
    format,
    url,
    selfUrl: settings.baseUrl + url,
    pageUrl: settings.baseUrl + subject.pageUrl,
    title: subject.title,
    description: subject.description,
    language: settings.language,
    author: settings.siteTitle,
    updated: newestDate(entries),
    entries,
  };
}

function feedEntry(article: ArticleView, baseUrl: string): FeedEntry {
  const url = baseUrl + article.url;
  return {
    id: url,
    url,
    title: article.title,
    published: article.date.iso,
    updated: (article.updated ?? article.date).iso,
    authors: article.authors.map((author) => author.label),
    categories: [
      ...article.tags.map((tag) => ({ term: tag.label, scheme: `${baseUrl}/tags/` })),
      ...article.categories.map((category) => ({ term: category.label, scheme: `${baseUrl}/categories/` })),
    ],
    summary: (article.description ?? article.excerpt) || undefined,
    image: article.image,
    externalUrl: article.link,
    html: article.html,
  };
}

/** The latest `updated` of the entries; an empty feed takes the epoch, a fixed date. */
function newestDate(entries: readonly FeedEntry[]): string {
  return entries
    .map((entry) => entry.updated)
    .reduce((newest, date) => (Date.parse(date) > Date.parse(newest) ? date : newest), new Date(0).toISOString());
}
