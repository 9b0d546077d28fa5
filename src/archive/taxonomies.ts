/**
 * The free-text taxonomies (tags, categories, authors): one mechanism, one
 * URL space each, named by the article field they group. Each term gets a
 * paginated list of its articles, each taxonomy an index of its terms, and
 * tags, the taxonomy readers follow, an Atom feed per term.
 */
import { countOf } from '../format.ts';
import { routes } from '../routes.ts';
import type { SafeArticle } from '../sanitize/sanitizeArticles.ts';
import type { ArchiveContext } from './context.ts';
import { termFeed } from './feeds.ts';
import { listPages } from './lists.ts';
import type { FeedPage, Link, ListPage, TermIndexPage } from './pages.ts';
import { termIndexPage } from './termIndex.ts';
import { foldTerm, groupTerms, type Term } from './taxonomy.ts';

export type TaxonomyName = 'tags' | 'categories' | 'authors';

interface TaxonomyDefinition {
  name: TaxonomyName;
  title: string;
  noun: string;
  heading: (term: string) => string;
  /** Whether each term has a feed. */
  hasFeeds: boolean;
}

const freeTextTaxonomies: TaxonomyDefinition[] = [
  { name: 'tags', title: 'Tags', noun: 'tag', heading: (term) => `Tagged “${term}”`, hasFeeds: true },
  { name: 'categories', title: 'Categories', noun: 'category', heading: (term) => `In “${term}”`, hasFeeds: false },
  { name: 'authors', title: 'Authors', noun: 'author', heading: (term) => `By ${term}`, hasFeeds: false },
];

export interface Taxonomy extends TaxonomyDefinition {
  terms: Term<SafeArticle>[];
  /** Links to an article's terms, in the article's own order. */
  linksOf(names: readonly string[]): Link[];
}

/** The terms of every taxonomy, from the articles of the site. */
export function taxonomiesOf(articles: readonly SafeArticle[]): Taxonomy[] {
  return freeTextTaxonomies.map((definition) => {
    const terms = groupTerms(articles, (article) => article[definition.name], definition.noun);
    const byKey = new Map(terms.map((term) => [term.key, term]));
    const linksOf = (names: readonly string[]): Link[] =>
      [...new Set(names.map(foldTerm))]
        .map((key) => byKey.get(key))
        .filter((term) => term !== undefined)
        .map((term) => ({ url: routes.term(definition.name, term.slug), label: term.name }));
    return { ...definition, terms, linksOf };
  });
}

export interface TaxonomyPages {
  /** Every term's list, taxonomy after taxonomy. */
  termPages: ListPage[];
  /** `/tags/`, `/categories/`, `/authors/`. */
  indexPages: TermIndexPage[];
  feeds: FeedPage[];
}

export function taxonomyPages(context: ArchiveContext): TaxonomyPages {
  const feeds: FeedPage[] = [];
  const termPages = context.taxonomies.flatMap((taxonomy) =>
    taxonomy.terms.flatMap((term) => {
      const url = routes.term(taxonomy.name, term.slug);
      const heading = taxonomy.heading(term.name);
      const description = `${countOf(term.items.length, 'article')} ${heading.toLowerCase()}.`;
      const articles = context.viewsOf(term.items);
      const feed = taxonomy.hasFeeds ? termFeed(context, { pageUrl: url, title: `${heading} · ${context.settings.title}`, description, articles }) : undefined;
      if (feed) feeds.push(feed.page);
      return listPages({ url, heading, description, articles, feeds: feed && [feed.link] }, context.settings.pageSize);
    }),
  );
  const indexPages = context.taxonomies.map((taxonomy) => termIndexPage(taxonomy.name, taxonomy.title, taxonomy.noun, taxonomy.terms));
  return { termPages, indexPages, feeds };
}
