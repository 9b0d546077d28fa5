/** Pages of the site itself rather than of its articles: search, 404, robots.txt. */
import { routes } from '../routes.ts';
import type { ArchiveContext } from './context.ts';
import type { NotFoundPage, RobotsPage, SearchPage, SearchPart, SitemapPage } from './pages.ts';

export function searchPage(context: ArchiveContext, parts: readonly SearchPart[]): SearchPage {
  return {
    kind: 'search',
    url: routes.search,
    indexUrls: parts.map((part) => routes.searchIndexPart(part.name)),
    resultsPerPage: context.settings.pageSize,
    title: 'Search',
    description: `Search the articles of ${context.settings.title}.`,
  };
}

export function notFoundPage(context: ArchiveContext): NotFoundPage {
  // Hosts serve it at any missing address, where relative links would lead nowhere.
  return {
    kind: 'not-found',
    url: routes.notFound,
    title: 'Page not found',
    description: 'There is no page at this address.',
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
