/** Pages of the site itself rather than of its articles: search, 404, robots.txt. */
import { routes } from '../routes.ts';
import type { Translator } from '../strings/words.ts';
import type { ArchiveContext } from './context.ts';
import type { NotFoundPage, RobotsPage, SearchPage, SearchPart, SitemapPage } from './pages.ts';

export function searchPage(context: ArchiveContext, parts: readonly SearchPart[]): SearchPage {
  const { words } = context;
  return {
    kind: 'search',
    url: routes.search,
    indexUrls: parts.map((part) => routes.searchIndexPart(part.name)),
    resultsPerPage: context.settings.pageSize,
    title: words.text('search'),
    description: words.text('searchDescription', { site: context.settings.title }),
    noScript: words.parts('searchNeedsScript', {
      byDate: { text: words.text('listedByDate'), url: routes.calendar },
      byTag: { text: words.text('listedByTag'), url: routes.termIndex('tags') },
      bySource: { text: words.text('listedBySource'), url: routes.termIndex('sources') },
    }),
    scriptWords: scriptWords(words),
  };
}

export function notFoundPage(context: ArchiveContext): NotFoundPage {
  // Hosts serve it at any missing address, where relative links would lead nowhere.
  return {
    kind: 'not-found',
    url: routes.notFound,
    title: context.words.text('notFound'),
    description: context.words.text('notFoundDescription'),
    linkRoot: context.baseUrl ?? '',
  };
}

export function robotsPage(context: ArchiveContext, sitemap: readonly SitemapPage[]): RobotsPage {
  return {
    kind: 'robots',
    url: routes.robots,
    title: 'robots.txt',
    description: 'Rules for crawlers.',
    sitemapUrl: sitemap.length > 0 ? context.baseUrl + routes.sitemap : undefined,
  };
}

/** What the search script writes, in the site's language: it fills in `{count}` and `{query}` itself. */
function scriptWords({ siteWords }: Translator): SearchPage['scriptWords'] {
  const { messages } = siteWords;
  return {
    unavailable: messages.searchUnavailable,
    filters: {
      tag: { label: messages.filterTag, legend: messages.filterTagLegend },
      source: { label: messages.filterSource, legend: messages.filterSourceLegend },
      year: { label: messages.filterYear, legend: messages.filterYearLegend },
    },
    found: messages.resultsFound,
    foundFor: messages.resultsFoundFor,
    none: messages.noResults,
    noneFor: messages.noResultsFor,
    more: messages.showMore,
  };
}
