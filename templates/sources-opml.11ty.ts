/** `/sources.opml`: OPML 2.0, written by feedsmith (XML escaping and all), not by a Nunjucks template. */
import { generateOpml } from 'feedsmith';
import type { Archive, SourcesOpmlPage } from '../src/archive/pages.ts';

export const data = {
  pagination: { data: 'archive.pages.sources-opml', size: 1, alias: 'p' },
  permalink: (data: { p: SourcesOpmlPage }) => data.p.url,
  eleventyExcludeFromCollections: true,
};

export function render({ p }: { p: SourcesOpmlPage; archive: Archive }): string {
  return generateOpml({
    head: { title: p.title },
    body: {
      outlines: p.outlines.map((outline) => ({ text: outline.text, title: outline.text, type: 'rss', xmlUrl: outline.xmlUrl, htmlUrl: outline.htmlUrl })),
    },
  }) as string;
}
