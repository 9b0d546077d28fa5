/**
 * Feeds: Atom and JSON Feed for the whole archive, Atom for every tag and
 * source. Entries are the newest `feedSize` articles with absolute URLs; a
 * feed's date is its newest entry's, so the same content gives the same feed.
 * The feeds of terms and sources carry each text, or with `feedContent:
 * summary` only its summary and link.
 */
import { routes } from '../routes.ts';
import type { ArchiveContext, FeedSettings } from './context.ts';
import { onceEach } from './lists.ts';
import { madeOnce } from '../madeOnce.ts';
import { sharedByPages } from './sharedByPages.ts';
import { feedTypes, type ArticleView, type FeedEntry, type FeedLink, type FeedPage } from './pages.ts';
import type { StoryViews } from './stories.ts';

export interface FeedSubject {
  /** The page the feed follows, root-relative: `/`, `/tags/kyiv/`. */
  pageUrl: string;
  title: string;
  description?: string | undefined;
  /** Newest first. */
  articles: readonly ArticleView[];
}

/** Entries in each archive document of the whole feed's history. */
export const archiveDocumentSize = 100;

/**
 * The whole archive's feeds, Atom and JSON Feed, when feeds are made; and its whole history as
 * Atom archive documents (RFC 5005) of `archiveDocumentSize` entries, numbered from the oldest, so
 * that one, once full, never changes, and a feed reader can fetch the entire archive from `prev-archive`.
 */
export function siteFeeds(context: ArchiveContext): FeedPage[] {
  if (!context.feeds) return [];
  const settings = context.feeds;
  const subject = { pageUrl: routes.home, title: context.settings.title, description: context.settings.description, articles: context.views };
  const oldestFirst = onceEach(context.views, context.stories).reverse();
  const documentCount = Math.ceil(oldestFirst.length / archiveDocumentSize);
  const absolute = (url: string) => settings.baseUrl + url;
  const current = absolute(routes.atomFeed(routes.home));
  const archives: FeedPage[] = Array.from({ length: documentCount }, (_, index) => {
    const number = index + 1;
    const articles = oldestFirst.slice(index * archiveDocumentSize, number * archiveDocumentSize).reverse();
    const page = feed('atom-feed', routes.feedArchive(number), { ...subject, articles }, { ...settings, feedSize: archiveDocumentSize }, context.stories);
    return {
      ...page,
      archive: true,
      history: [
        { rel: 'current' as const, href: current },
        ...(number > 1 ? [{ rel: 'prev-archive' as const, href: absolute(routes.feedArchive(number - 1)) }] : []),
        ...(number < documentCount ? [{ rel: 'next-archive' as const, href: absolute(routes.feedArchive(number + 1)) }] : []),
      ],
    };
  });
  const atom = feed('atom-feed', routes.atomFeed(routes.home), subject, settings, context.stories);
  return [
    documentCount > 0 ? { ...atom, history: [{ rel: 'prev-archive', href: absolute(routes.feedArchive(documentCount)) }] } : atom,
    feed('json-feed', routes.jsonFeed(routes.home), subject, settings, context.stories),
    ...archives,
  ];
}

/** The Atom feed of a tag or source, when feeds are made, with the link its pages announce it by. */
export function termFeed(context: ArchiveContext, subject: FeedSubject): { page: FeedPage; link: FeedLink } | undefined {
  if (!context.feeds) return undefined;
  const page = feed('atom-feed', routes.atomFeed(subject.pageUrl), subject, context.feeds, context.stories, context.feeds.termContent);
  return { page, link: { url: page.url, type: feedTypes.atom, title: page.title, label: context.words.text('atomFeed') } };
}

function feed(
  kind: FeedPage['kind'],
  url: string,
  subject: FeedSubject,
  settings: FeedSettings,
  stories: StoryViews,
  content: 'full' | 'summary' = 'full',
): FeedPage {
  // A second capture is not a new entry when its original is in the feed too.
  const entries = onceEach(subject.articles, stories)
    .slice(0, settings.feedSize)
    .map((article) => sharedEntry(article, settings, content));
  return {
    kind,
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

/**
 * An article's entry, made once per feed settings and content, and shared by
 * the dozens of feeds it is in: less memory, and a page's hash takes it once.
 */
const entriesMade = new WeakMap<FeedSettings, Record<'full' | 'summary', WeakMap<ArticleView, FeedEntry>>>();

function sharedEntry(article: ArticleView, settings: FeedSettings, content: 'full' | 'summary'): FeedEntry {
  const made = madeOnce(entriesMade, settings, () => ({ full: new WeakMap(), summary: new WeakMap() }));
  return madeOnce(made[content], article, () => sharedByPages(feedEntry(article, settings.baseUrl, content)));
}

function feedEntry(article: ArticleView, baseUrl: string, content: 'full' | 'summary'): FeedEntry {
  const url = baseUrl + article.url;
  return {
    id: url,
    url,
    title: article.title,
    published: article.date.iso,
    updated: (article.updated ?? article.date).iso,
    authors: article.authors.map((author) => author.label),
    categories: [
      ...article.tags.map((tag) => ({ term: tag.label, scheme: baseUrl + routes.termIndex('tags') })),
      ...article.categories.map((category) => ({ term: category.label, scheme: baseUrl + routes.termIndex('categories') })),
    ],
    summary: (article.description ?? article.excerpt) || undefined,
    image: article.image?.startsWith('/') ? baseUrl + article.image : article.image,
    externalUrl: article.link,
    html: content === 'full' ? article.html : undefined,
  };
}

/** The latest `updated` of the entries; an empty feed takes the epoch, a fixed date. */
function newestDate(entries: readonly FeedEntry[]): string {
  return entries.map((entry) => entry.updated).reduce((newest, date) => (Date.parse(date) > Date.parse(newest) ? date : newest), new Date(0).toISOString());
}
