/**
 * From sanitized articles and site settings, every page of the site, ready
 * to render: one builder per kind of page, sharing one context. Pure: the
 * same input always gives the same pages.
 */
import type { CopiedFile, SiteAssets } from '../links/resolveLinks.ts';
import type { PictureSizes } from '../media/pictureSizes.ts';
import { relateArticles } from '../related/relateArticles.ts';
import type { SafeArticle } from '../sanitize/sanitizeArticles.ts';
import { routes } from '../routes.ts';
import type { SiteSettings } from '../schema/site.ts';
import { articlePages } from './articlePages.ts';
import { calendarPage, datePages } from './calendar.ts';
import { changesPages } from './changesPages.ts';
import { archiveContext, type ArchiveContext, type PageHashing, type PublishedArticle } from './context.ts';
import { HandOver } from '../handOver.ts';
import { siteFeeds } from './feeds.ts';
import { homePages } from './lists.ts';
import type { Archive, Page, SiteView } from './pages.ts';
import { redirectPages } from './redirects.ts';
import { searchParts } from './searchParts.ts';
import { hashOfInputs, pageHashPrefix } from './sharedByPages.ts';
import { siteViewOf } from './siteView.ts';
import { sitemapPages } from './sitemap.ts';
import { sourcePages } from './sourcePages.ts';
import { taxonomyPages } from './taxonomyPages.ts';
import { notFoundPage, robotsPage, searchPage } from './utilityPages.ts';

export interface ArchiveOptions {
  /** URLs in one sitemap file before `/sitemap.xml` becomes an index; the protocol's 50,000 unless testing. */
  sitemapLimit?: number | undefined;
  /** Show drafts, marked as such: for previews (`serve`), never for `build`. */
  includeDrafts?: boolean | undefined;
  /** Articles in one part of the search index; `articlesPerSearchPart` unless testing. */
  searchPartLimit?: number | undefined;
  /** How articles are related; builds pass a cached `relateArticles`. */
  relate?: typeof relateArticles | undefined;
  /** Files of the content folder that bodies show (`links/resolveLinks.ts`), published as they are. */
  files?: readonly CopiedFile[] | undefined;
  /** The site's logo and icon as published. */
  siteAssets?: SiteAssets | undefined;
  /** The sizes of the archive's own lead pictures, by URL (`media/pictureSizes.ts`). */
  pictureSizes?: ReadonlyMap<string, PictureSizes> | undefined;
  /**
   * In a build that writes over its last output: list pages are hashed as they are made, from what they are made
   * from, with the site's own templates (`templatesHash`), and those `unchanged` says the last build wrote with
   * that hash are not made again (`PageHashing`).
   */
  pageHashing?: { templatesHash: string; unchanged(url: string, hash: string): boolean } | undefined;
}

function hashingOf(site: SiteView, { templatesHash, unchanged }: NonNullable<ArchiveOptions['pageHashing']>): PageHashing {
  const prefix = pageHashPrefix(site, templatesHash);
  return { hashOf: (inputs) => hashOfInputs(prefix, inputs), unchanged, hashes: new Map() };
}

/** The one place that decides what is published: every article but drafts, and drafts too in a preview. */
export const publishedArticles = <A extends SafeArticle>(articles: readonly A[], { includeDrafts = false } = {}): A[] =>
  articles.filter((article) => includeDrafts || !article.draft);

/**
 * `sanitized` handed over (a build, which reads them no more) are the Archive's: their text is let go once they are
 * related (`archiveContext`). Given as they are, they are only read.
 */
export function buildArchive(
  sanitized: readonly PublishedArticle[] | HandOver<readonly PublishedArticle[]>,
  settings: SiteSettings,
  options: ArchiveOptions = {},
): Archive {
  const owned = sanitized instanceof HandOver;
  const published = publishedArticles(owned ? sanitized.take() : sanitized, options);
  const made = archiveContext(published, settings, options.relate ?? relateArticles, options.pictureSizes, { owned });
  const site = siteViewOf(settings, made.words, options.siteAssets);
  const pageHashing = options.pageHashing && hashingOf(site, options.pageHashing);
  const context: ArchiveContext = { ...made, pageHashing };
  const articles = articlePages(context);
  const taxonomies = taxonomyPages(context);
  const sources = sourcePages(context);
  // What readers browse, and so the sitemap, in this order.
  const browsable: Page[] = [
    ...articles,
    ...homePages(context),
    ...datePages(context),
    ...taxonomies.termPages,
    ...sources.termPages,
    ...taxonomies.indexPages,
    sources.indexPage,
    calendarPage(context),
    ...context.stories.pages,
  ];
  const sitemap = sitemapPages(browsable, context.baseUrl, options.sitemapLimit);
  const redirects = redirectPages(context, browsable);
  const parts = searchParts(articles, options.searchPartLimit);
  return {
    site,
    pages: [
      ...browsable,
      // Not in the sitemap: each is reached from its article, which is.
      ...changesPages(context),
      ...siteFeeds(context),
      ...taxonomies.feeds,
      ...sources.feeds,
      ...sitemap,
      searchPage(context, parts),
      notFoundPage(context),
      robotsPage(context, sitemap),
      ...redirects.pages,
      ...redirects.list,
      ...sources.opml,
      ...(settings.accentColor === undefined ? [] : [{ kind: 'site-style' as const, url: routes.siteStylesheet, accentColor: settings.accentColor }]),
      ...(options.files ?? []).map((file) => ({ kind: 'file' as const, ...file })),
    ],
    searchParts: parts,
    pageHashes: pageHashing?.hashes,
  };
}
