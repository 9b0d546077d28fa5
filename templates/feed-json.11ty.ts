/** JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/), serialized by JSON.stringify. */
import type { FeedPage } from '../src/archive/pages.ts';

export const data = {
  pagination: { data: 'archive.pages.json-feed', size: 1, alias: 'p' },
  permalink: (data: { p: FeedPage }) => data.p.url,
  eleventyExcludeFromCollections: true,
};

export function render({ p }: { p: FeedPage }): string {
  const feed = {
    version: 'https://jsonfeed.org/version/1.1',
    title: p.title,
    home_page_url: p.pageUrl,
    feed_url: p.selfUrl,
    description: p.description,
    language: p.language,
    authors: [{ name: p.author }],
    items: p.entries.map((entry) => ({
      id: entry.id,
      url: entry.url,
      external_url: entry.externalUrl,
      title: entry.title,
      summary: entry.summary,
      content_html: entry.html,
      image: entry.image,
      date_published: entry.published,
      date_modified: entry.updated,
      authors: entry.authors.length > 0 ? entry.authors.map((name) => ({ name })) : undefined,
      tags: entry.categories.length > 0 ? [...new Set(entry.categories.map((category) => category.term))] : undefined,
    })),
  };
  return `${JSON.stringify(feed, null, 2)}\n`;
}
