/** `/_redirects`, as Netlify and Cloudflare Pages read it: each old address, its new one, and 301 (moved for good). */
import type { RedirectListPage } from '../src/archive/pages.ts';

export const data = {
  pagination: { data: 'archive.pages.redirect-list', size: 1, alias: 'p' },
  permalink: (data: { p: RedirectListPage }) => data.p.url,
  eleventyExcludeFromCollections: true,
};

export function render({ p }: { p: RedirectListPage }): string {
  return p.redirects.map(({ from, to }) => `${from} ${to} 301\n`).join('');
}
