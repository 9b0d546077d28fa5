/** `/assets/site.css`: the site's own colours (site.yaml), loaded after the stylesheet; CSS, so not Nunjucks. */
import type { Archive, SiteStylePage } from '../src/archive/pages.ts';

export const data = {
  pagination: { data: 'archive.pages.site-style', size: 1, alias: 'p' },
  permalink: (data: { p: SiteStylePage }) => data.p.url,
  eleventyExcludeFromCollections: true,
};

// The colour is a hex colour (checked by the site schema), so it cannot end the rule it is in.
export function render({ p }: { p: SiteStylePage; archive: Archive }): string {
  return `:root { --accent: ${p.accentColor}; }\n@media (prefers-color-scheme: dark) { :root { --accent: ${p.accentColor}; } }\n`;
}
