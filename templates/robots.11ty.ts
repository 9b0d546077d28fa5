/** `/robots.txt`: plain text, so not Nunjucks, whose escaping is for HTML. */
import type { Archive, RobotsPage } from '../src/archive/pages.ts';

export const data = {
  pagination: { data: 'archive.pages.robots', size: 1, alias: 'p' },
  permalink: (data: { p: RobotsPage }) => data.p.url,
  eleventyExcludeFromCollections: true,
};

export function render({ p }: { p: RobotsPage; archive: Archive }): string {
  return ['User-agent: *', 'Allow: /', ...(p.sitemapUrl ? ['', `Sitemap: ${p.sitemapUrl}`] : []), ''].join('\n');
}
