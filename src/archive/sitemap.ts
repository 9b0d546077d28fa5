/**
 * `/sitemap.xml` (sitemap protocol 0.9): every article and list page of the
 * site, in the Archive's order, with `lastmod` where the content says when a
 * page last changed. Past 50,000 URLs, the protocol's limit, `/sitemap.xml`
 * becomes an index of numbered sitemaps.
 */
import { routes } from '../routes.ts';
import type { Page, SitemapPage, SitemapUrl } from './pages.ts';

/** The protocol's maximum of URLs in one sitemap file. */
export const sitemapLimit = 50_000;

/** The sitemap of the pages a crawler should find (what readers browse: not search, the 404 page or files), in the order given. */
export function sitemapPages(pages: readonly Page[], baseUrl: string | undefined, limit = sitemapLimit): SitemapPage[] {
  // Sitemaps need absolute URLs: without a base URL there is none.
  if (baseUrl === undefined) return [];
  const urls: SitemapUrl[] = pages.map((page) => ({
    loc: baseUrl + page.url,
    lastmod: page.kind === 'article' ? (page.article.updated ?? page.article.date).iso : undefined,
  }));
  if (urls.length <= limit) return [{ kind: 'sitemap', isIndex: false, url: routes.sitemap, entries: urls }];

  const parts: SitemapPage[] = [];
  for (let start = 0; start < urls.length; start += limit) {
    parts.push({ kind: 'sitemap', isIndex: false, url: routes.sitemapPart(parts.length + 1), entries: urls.slice(start, start + limit) });
  }
  const index: SitemapPage = {
    kind: 'sitemap',
    isIndex: true,
    url: routes.sitemap,
    entries: parts.map((part) => ({ loc: baseUrl + part.url, lastmod: newest(part.entries) })),
  };
  return [index, ...parts];
}

function newest(entries: readonly SitemapUrl[]): string | undefined {
  let latest: string | undefined;
  for (const { lastmod } of entries) {
    if (lastmod !== undefined && (latest === undefined || Date.parse(lastmod) > Date.parse(latest))) latest = lastmod;
  }
  return latest;
}
