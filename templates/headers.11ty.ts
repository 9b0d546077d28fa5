/**
 * `/_headers`, read by Netlify, Cloudflare Pages and others: the same Content
 * Security Policy as the pages' meta tag, plus what a meta tag cannot say
 * (framing), for every path.
 */
import type { Archive } from '../src/archive/pages.ts';

export const data = {
  permalink: '/_headers',
  eleventyExcludeFromCollections: true,
};

export function render({ archive }: { archive: Archive }): string {
  return [
    '/*',
    `  Content-Security-Policy: ${archive.site.contentSecurityPolicy}; frame-ancestors 'none'`,
    '  X-Content-Type-Options: nosniff',
    '  Referrer-Policy: strict-origin-when-cross-origin',
    '',
  ].join('\n');
}
