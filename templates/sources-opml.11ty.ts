/** `/sources.opml`: the OPML document of the sources with a feed, written by the tool's `opml` function (`src/render/opml.ts`). */
import type { Archive, SourcesOpmlPage } from '../src/archive/pages.ts';

export const data = {
  pagination: { data: 'archive.pages.sources-opml', size: 1, alias: 'p' },
  permalink: (data: { p: SourcesOpmlPage }) => data.p.url,
  eleventyExcludeFromCollections: true,
};

export function render(this: { opml(page: SourcesOpmlPage): string }, { p }: { p: SourcesOpmlPage; archive: Archive }): string {
  return this.opml(p);
}
