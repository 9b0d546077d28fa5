/**
 * From sanitized articles and site settings, every page of the site, ready
 * to render. Pure: the same input always gives the same pages.
 */
import { formatLongDate } from '../dates.ts';
import { countOf } from '../format.ts';
import { compareStrings } from '../problems.ts';
import type { SafeArticle } from '../sanitize/sanitizeArticles.ts';
import type { SiteSettings } from '../schema/site.ts';
import { calendarOverview, dateBreadcrumbs, groupByDate } from './calendar.ts';
import { atomFeed, atomType, feedLink, jsonFeed, jsonFeedType, type FeedSettings, type FeedSubject } from './feeds.ts';
import { socialMeta, structuredData } from './metadata.ts';
import { storyViews } from './stories.ts';
import { relateArticles } from '../related/relateArticles.ts';
import type {
  Archive,
  ArticlePage,
  ArticleSummary,
  ArticleView,
  CalendarPage,
  DateView,
  FeedLink,
  FeedPage,
  Link,
  ListPage,
  SiteView,
  SourceView,
  TermIndexPage,
  TermLink,
} from './pages.ts';
import { paginate } from './paginate.ts';
import { searchIndexes } from './searchIndexes.ts';
import { sitemapPages } from './sitemap.ts';
import { foldTerm, groupTerms, type Term } from './taxonomy.ts';

/** Taxonomies of free-text terms: one mechanism, one URL space each, named by the article field they group. */
type TaxonomyName = 'tags' | 'categories' | 'authors';

interface FreeTextTaxonomy {
  name: TaxonomyName;
  url: string;
  title: string;
  noun: string;
  heading: (term: string) => string;
}

const freeTextTaxonomies: FreeTextTaxonomy[] = [
  { name: 'tags', url: '/tags/', title: 'Tags', noun: 'tag', heading: (term) => `Tagged “${term}”` },
  { name: 'categories', url: '/categories/', title: 'Categories', noun: 'category', heading: (term) => `In “${term}”` },
  { name: 'authors', url: '/authors/', title: 'Authors', noun: 'author', heading: (term) => `By ${term}` },
];

/**
 * What pages may load: the site's own scripts, styles and search index
 * (Pagefind compiles WebAssembly and runs a worker), images from anywhere
 * (articles show their publishers' pictures), and nothing else: no inline
 * script or style, no plugins, frames, forms to elsewhere or `<base>`.
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' https: http:",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "frame-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ');

/** Words a minute, for reading time; a common figure for adults reading news. */
const wordsPerMinute = 230;
const excerptLength = 200;

/** Newest first; on the same instant, by URL, so that order never depends on file order. */
export const newestFirst = (a: SafeArticle, b: SafeArticle): number =>
  b.date.epochMs - a.date.epochMs || compareStrings(a.url, b.url);

export interface ArchiveOptions {
  /** URLs in one sitemap file before `/sitemap.xml` becomes an index; the protocol's 50,000 unless testing. */
  sitemapLimit?: number | undefined;
  /** Show drafts, marked as such: for previews (`serve`), never for `build`. */
  includeDrafts?: boolean | undefined;
  /** Articles in one part of the search index; `articlesPerSearchIndex` unless testing. */
  searchIndexLimit?: number | undefined;
  /** How articles are related; builds pass a cached `relateArticles`. */
  relate?: typeof relateArticles | undefined;
}

export function buildArchive(articles: readonly SafeArticle[], settings: SiteSettings, options: ArchiveOptions = {}): Archive {
  const baseUrl = settings.baseUrl?.replace(/\/+$/, '');
  // Feeds and sitemaps are read away from the site, so they need absolute URLs: without a base URL there are none.
  const feedSettings: FeedSettings | undefined = baseUrl === undefined ? undefined : { baseUrl, siteTitle: settings.title, language: settings.language, feedSize: settings.feedSize };
  const site: SiteView = {
    title: settings.title,
    description: settings.description,
    language: settings.language,
    baseUrl,
    contentSecurityPolicy,
    feeds: feedSettings
      ? [
          { url: '/feed.xml', type: atomType, title: `${settings.title} (Atom)`, label: 'Atom feed' },
          { url: '/feed.json', type: jsonFeedType, title: `${settings.title} (JSON Feed)`, label: 'JSON Feed' },
        ]
      : [],
  };
  const pageContext = { siteTitle: settings.title, language: settings.language, baseUrl };
  const published = articles.filter((article) => options.includeDrafts || !article.draft).sort(newestFirst);
  const taxonomies = freeTextTaxonomies.map((taxonomy) => {
    const terms = groupTerms(published, (article) => article[taxonomy.name], taxonomy.noun);
    return { ...taxonomy, terms, linksOf: termLinker(terms, taxonomy.url) };
  });
  const termLinks = (article: SafeArticle) =>
    Object.fromEntries(taxonomies.map((taxonomy) => [taxonomy.name, taxonomy.linksOf(article[taxonomy.name])])) as Record<TaxonomyName, Link[]>;
  const sourceNames = new Map(published.map((article) => [article.url, sourceName(article, settings)]));
  const sourceNameOf = (article: SafeArticle): string => sourceNames.get(article.url) ?? unknownSource;
  const sources = groupTerms(published, (article) => [sourceNameOf(article)], 'source');
  const sourceByKey = sourceViews(sources);
  const views = published.map((article) =>
    articleView(article, settings, { ...termLinks(article), source: sourceByKey.get(foldTerm(sourceNameOf(article))) }),
  );
  const viewByUrl = new Map(views.map((view) => [view.url, view]));
  const relations = (options.relate ?? relateArticles)(
    published.map((article) => ({
      url: article.url,
      title: article.title,
      description: article.description,
      text: article.text,
      epochMs: article.date.epochMs,
      tags: article.tags,
      link: article.link,
    })),
    { language: settings.language },
  );
  const stories = storyViews(relations, published, viewByUrl, (iso) => formatLongDate(iso, settings.language));
  const viewsOf = (list: readonly SafeArticle[]): ArticleView[] =>
    list.map((article) => viewByUrl.get(article.url)).filter((view) => view !== undefined);

  const articlePages: ArticlePage[] = views.map((view, index) => {
    const newer = views[index - 1];
    const older = views[index + 1];
    const article = published[index]!;
    const description = view.description ?? view.excerpt;
    return {
      kind: 'article',
      url: view.url,
      breadcrumbs: dateBreadcrumbs(article, settings.language),
      title: view.title,
      description,
      socialMeta: socialMeta(view, description, pageContext),
      structuredData: structuredData(view, pageContext),
      // Sorted as text by Pagefind: UTC instants compare correctly, local ones across offsets may not.
      search: { year: article.date.year, date: new Date(article.date.epochMs).toISOString() },
      ...stories.linksOf(view.url),
      article: view,
      newer: newer && { url: newer.url, label: newer.title },
      older: older && { url: older.url, label: older.title },
    };
  });

  const listPages = (
    baseUrl: string,
    heading: string,
    description: string,
    list: readonly ArticleView[],
    source?: SourceView,
    feeds?: FeedLink[],
  ): ListPage[] =>
    paginate(list.map(summaryOf), settings.pageSize, baseUrl).map(({ items, pagination, url }) => ({
      kind: 'list',
      url,
      title: pagination.pageNumber === 1 ? heading : `${heading}, page ${pagination.pageNumber}`,
      heading,
      description,
      items,
      pagination,
      source,
      feeds,
    }));

  const feedPages: FeedPage[] = [];
  /** The Atom feed of a tag or source, when feeds are made; its link goes on the term's pages. */
  const termFeed = (subject: FeedSubject): FeedLink[] | undefined => {
    if (!feedSettings) return undefined;
    const feed = atomFeed(subject, feedSettings);
    feedPages.push(feed);
    return [feedLink(feed)];
  };
  if (feedSettings) {
    const subject = { pageUrl: '/', title: settings.title, description: settings.description, articles: views };
    feedPages.push(atomFeed(subject, feedSettings), jsonFeed(subject, feedSettings));
  }

  const home = listPages('/', 'Latest news', settings.description ?? `The latest of ${countOf(views.length, 'archived article')}.`, views);
  const termPages = taxonomies.flatMap((taxonomy) =>
    taxonomy.terms.flatMap((term) => {
      const url = `${taxonomy.url}${term.slug}/`;
      const heading = taxonomy.heading(term.name);
      const description = `${countOf(term.items.length, 'article')} ${heading.toLowerCase()}.`;
      const list = viewsOf(term.items);
      // Feeds for tags, the taxonomy readers follow; categories and authors have pages only.
      const feeds = taxonomy.name === 'tags' ? termFeed({ pageUrl: url, title: `${heading} · ${settings.title}`, description, articles: list }) : undefined;
      return listPages(url, heading, description, list, undefined, feeds);
    }),
  );
  const sourcePages = sources.flatMap((source) => {
    const url = `/sources/${source.slug}/`;
    const description = `${countOf(source.items.length, 'article')} from ${source.name}.`;
    const list = viewsOf(source.items);
    const feeds = termFeed({ pageUrl: url, title: `${source.name} · ${settings.title}`, description, articles: list });
    return listPages(url, source.name, description, list, sourceByKey.get(source.key), feeds);
  });
  const datePages = groupByDate(published, settings.language).flatMap((group) =>
    listPages(group.url, group.heading, `${countOf(group.articles.length, 'article')} from ${group.heading}.`, viewsOf(group.articles)),
  );

  const allListPages = [...home, ...datePages, ...termPages, ...sourcePages];
  const termIndexPages = [
    ...taxonomies.map((taxonomy) => termIndex(taxonomy.url, taxonomy.title, taxonomy.noun, taxonomy.terms)),
    termIndex('/sources/', 'Sources', 'source', sources, (source) => sourceByKey.get(source.key)),
  ];
  const calendarPages: CalendarPage[] = [
    {
      kind: 'calendar',
      url: '/archive/',
      title: 'Archive',
      heading: 'Archive',
      description: `${countOf(published.length, 'article')} by year and month.`,
      years: calendarOverview(published, settings.language),
    },
  ];
  const sitemap =
    baseUrl === undefined
      ? []
      : sitemapPages(
          [
            ...articlePages.map((page) => ({ url: page.url, lastmod: (page.article.updated ?? page.article.date).iso })),
            ...[...allListPages, ...termIndexPages, ...calendarPages, ...stories.pages].map((page) => ({ url: page.url })),
          ],
          baseUrl,
          options.sitemapLimit,
        );

  const indexes = searchIndexes(
    published.map((article) => ({ url: article.url, year: article.date.year, month: article.date.month })),
    options.searchIndexLimit,
  );
  return {
    site,
    articlePages,
    listPages: allListPages,
    termIndexPages,
    calendarPages,
    storyPages: stories.pages,
    atomFeedPages: feedPages.filter((feed) => feed.format === 'atom'),
    jsonFeedPages: feedPages.filter((feed) => feed.format === 'json'),
    sitemapPages: sitemap,
    searchIndexes: indexes,
    searchPages: [{ kind: 'search', url: '/search/', indexes: indexes.map((index) => index.name), resultsPerPage: settings.pageSize, title: 'Search', description: `Search the articles of ${settings.title}.` }],
    notFoundPages: [
      // Hosts serve it at any missing address, where relative links would lead nowhere.
      { kind: 'not-found', url: '/404.html', title: 'Page not found', description: 'There is no page at this address.', linkRoot: baseUrl ?? '' },
    ],
    robotsPages: [
      {
        kind: 'robots',
        url: '/robots.txt',
        title: 'robots.txt',
        description: 'Rules for crawlers.',
        sitemapUrl: sitemap.length > 0 ? `${baseUrl}/sitemap.xml` : undefined,
      },
    ],
  };
}

/** Links to an article's terms, in the article's own order. */
function termLinker(terms: readonly Term<SafeArticle>[], prefix: string): (names: readonly string[]) => Link[] {
  const byKey = new Map(terms.map((term) => [term.key, term]));
  return (names) =>
    [...new Set(names.map(foldTerm))]
      .map((key) => byKey.get(key))
      .filter((term) => term !== undefined)
      .map((term) => ({ url: `${prefix}${term.slug}/`, label: term.name }));
}

function termIndex(
  url: string,
  heading: string,
  noun: string,
  terms: readonly Term<SafeArticle>[],
  sourceOf: (term: Term<SafeArticle>) => SourceView | undefined = () => undefined,
): TermIndexPage {
  const links: TermLink[] = terms.map((term) => {
    const source = sourceOf(term);
    return { url: `${url}${term.slug}/`, label: term.name, count: term.items.length, siteUrl: source?.siteUrl, feedUrl: source?.feedUrl };
  });
  const byName = (a: TermLink, b: TermLink) => compareStrings(a.label.toLowerCase(), b.label.toLowerCase()) || compareStrings(a.url, b.url);
  return {
    kind: 'terms',
    url,
    title: heading,
    heading,
    description: `All ${countOf(terms.length, noun)} of the archive, with the number of articles each.`,
    byCount: [...links].sort((a, b) => b.count - a.count || byName(a, b)),
    alphabetical: [...links].sort(byName),
  };
}

type ArticleLinks = Record<TaxonomyName, Link[]> & { source: SourceView | undefined };

function articleView(article: SafeArticle, settings: SiteSettings, { tags, categories, authors, source }: ArticleLinks): ArticleView {
  return {
    url: article.url,
    title: article.title,
    description: article.description,
    excerpt: excerptOf(article),
    date: dateView(article.date.iso, settings.language),
    updated: article.updated && dateView(article.updated.iso, settings.language),
    source,
    authors,
    link: article.link,
    image: article.image,
    tags,
    categories,
    readingMinutes: Math.max(1, Math.round(article.wordCount / wordsPerMinute)),
    wordCount: article.wordCount,
    html: article.html,
    draft: article.draft || undefined,
  };
}

const summaryOf = ({ url, title, excerpt, date, source, draft }: ArticleView): ArticleSummary => ({ url, title, excerpt, date, source, draft });

const dateView = (iso: string, language: string): DateView => ({ iso, display: formatLongDate(iso, language) });

/** The dek when there is one, else the opening of the text, cut at a word. */
function excerptOf(article: SafeArticle): string {
  const text = article.description ?? article.summary ?? article.text.replace(/\s+/g, ' ');
  if (text.length <= excerptLength) return text;
  const cut = text.slice(0, excerptLength);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), excerptLength / 2)).trimEnd()}…`;
}

/**
 * Who published it: the display name site.yaml gives its feed, else the
 * feed's host, else the host of the original link.
 */
export function sourceName(article: SafeArticle, settings: SiteSettings): string {
  const named = article.source ? settings.sources[article.source] : undefined;
  const url = article.source ?? article.link;
  return named ?? (url ? new URL(url).hostname : unknownSource);
}

const unknownSource = 'Unknown source';

/** What a reader is told of a source: our page, and the publisher's site and feed when known. */
function sourceViews(sources: readonly Term<SafeArticle>[]): Map<string, SourceView> {
  const views = new Map<string, SourceView>();
  for (const source of sources) {
    const withLink = source.items.find((article) => article.link);
    const withFeed = source.items.find((article) => article.source);
    views.set(source.key, {
      name: source.name,
      url: `/sources/${source.slug}/`,
      siteUrl: withLink?.link ? new URL(withLink.link).origin + '/' : undefined,
      feedUrl: withFeed?.source,
    });
  }
  return views;
}
