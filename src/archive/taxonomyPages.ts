/**
 * The pages of the free-text taxonomies (tags, categories, authors): a
 * paginated list per term, an index of each taxonomy's terms, and for
 * tags, the taxonomy readers follow, an Atom feed per term.
 */
import { routes } from '../routes.ts';
import type { ArchiveContext } from './context.ts';
import { termFeed } from './feeds.ts';
import { listPages } from './lists.ts';
import type { FeedPage, ListPage, TermIndexPage, UnchangedPage } from './pages.ts';
import { termIndexPage } from './termIndex.ts';

export interface TaxonomyPages {
  /** Every term's list, taxonomy after taxonomy. */
  termPages: (ListPage | UnchangedPage)[];
  /** `/tags/`, `/categories/`, `/authors/`. */
  indexPages: TermIndexPage[];
  feeds: FeedPage[];
}

export function taxonomyPages(context: ArchiveContext): TaxonomyPages {
  const { words } = context;
  const feeds: FeedPage[] = [];
  const termPages = context.taxonomies.flatMap((taxonomy) =>
    taxonomy.terms.flatMap((term) => {
      const url = routes.term(taxonomy.name, term.slug);
      const heading = words.text(taxonomy.words.heading, { term: term.name });
      const description = words.text(taxonomy.words.description, { term: term.name, count: term.items.length });
      const articles = context.viewsOf(term.items);
      const feed = taxonomy.hasFeeds ? termFeed(context, { pageUrl: url, title: `${heading} · ${context.settings.title}`, description, articles }) : undefined;
      if (feed) feeds.push(feed.page);
      return listPages({ url, heading, description, articles, feeds: feed && [feed.link] }, context);
    }),
  );
  const indexPages = context.taxonomies.map((taxonomy) =>
    termIndexPage(
      taxonomy.name,
      words.text(taxonomy.words.title),
      words.text(taxonomy.words.indexDescription, { count: taxonomy.terms.length }),
      taxonomy.terms,
      words,
    ),
  );
  return { termPages, indexPages, feeds };
}
