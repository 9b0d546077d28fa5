/** `/sources.opml`: the OPML document the Archive made (`archive/sourcePages.ts`), written as it is. */
import type { Archive, SourcesOpmlPage } from '../src/archive/pages.ts';

export const data = {
  pagination: { data: 'archive.pages.sources-opml', size: 1, alias: 'p' },
  permalink: (data: { p: SourcesOpmlPage }) => data.p.url,
  eleventyExcludeFromCollections: true,
};

export function render({ p }: { p: SourcesOpmlPage; archive: Archive }): string {
  return p.xml;
}
