/**
 * `/sources.opml` as a feed reader takes it: written by feedsmith (its XML
 * escaping and all) as the page is rendered, not when the Archive is made, so
 * that feedsmith (a tenth of a second to load) is loaded only by a build that
 * writes the page. Templates call it as `this.opml(p)` (`eleventyConfig.ts`): one
 * copied to wherever a site's templates are merged cannot import feedsmith.
 */
import { generateOpml } from 'feedsmith';
import type { SourcesOpmlPage } from '../archive/pages.ts';

export const opmlOf = ({ title, outlines }: SourcesOpmlPage): string =>
  generateOpml({
    head: { title },
    body: {
      outlines: outlines.map((outline) => ({ text: outline.text, title: outline.text, type: 'rss', xmlUrl: outline.xmlUrl, htmlUrl: outline.htmlUrl })),
    },
  }) as string;
