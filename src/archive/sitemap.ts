/**
 * `/sitemap.xml` (sitemap protocol 0.9): every article and index page, with
 * `lastmod` where the content says when a page last changed. Past 50,000 URLs,
 * the protocol's limit, `/sitemap.xml` becomes an index of numbered sitemaps.
 */
import type { SitemapPage, SitemapUrl } from './pages.ts';

/** The protocol's maximum of URLs in one sitemap file. */
export const sitemapLimit = 50_000;

export interface SitemapInput {
  /** Root-relative. */
  url: string;
  lastmod?: string | undefined;
}

export function sitemapPages(pages: readonly SitemapInput[], baseUrl: string, limit = sitemapLimit): SitemapPage[] {
  const urls: SitemapUrl[] = pages.map((page) => ({ loc: baseUrl + page.url, lastmod: page.lastmod }));
  if (urls.length <= limit) return [{ kind: 'sitemap', url: '/sitemap.xml', entries: urls }];

  const parts: SitemapPage[] = [];
  for (let start = 0; start < urls.length; start += limit) {
    parts.push({ kind: 'sitemap', url: `/sitemaps/${parts.length + 1}.xml`, entries: urls.slice(start, start + limit) });
  }
  const index: SitemapPage = {
    kind: 'sitemap-index',
    url: '/sitemap.xml',
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
