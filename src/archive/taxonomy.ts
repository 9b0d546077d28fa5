/**
 * Groups articles by terms: the free-text taxonomies (tags, categories,
 * authors) and the sources, one mechanism for all of them.
 *
 * Spellings that differ only in case, width or spacing (`Security`,
 * `security`, ` security `) are one term, shown with its most common
 * spelling. Each term gets a URL slug; terms whose slugs collide (`C++`,
 * `C#`, `C`) are told apart by a short hash of the term, so a URL never
 * changes because another term appeared later.
 */
import { createHash } from 'node:crypto';
import { compareStrings } from '../problems.ts';
import { routes } from '../routes.ts';
import { sourceNameOf, type SiteSettings } from '../schema/site.ts';
import { slugify } from '../slug.ts';
import type { WordKey } from '../strings/words.ts';
import type { Link, PageArticle, SourceView } from './pages.ts';

export interface Term<T> {
  /** The folded form that identifies the term. */
  key: string;
  /** The most common spelling (ties: the first in code-point order). */
  name: string;
  slug: string;
  /** The articles with this term, in the order given. */
  items: T[];
}

/** A spelling as shown: Unicode width and spacing evened out, case kept. */
const evenSpelling = (term: string): string => term.normalize('NFKC').trim().replace(/\s+/g, ' ');

/** Case, Unicode width and spacing do not make a different term. */
export const foldTerm = (term: string): string => evenSpelling(term).toLowerCase();

const shortHash = (text: string): string => createHash('sha256').update(text).digest('hex').slice(0, 6);

export function groupTerms<T>(items: readonly T[], termsOf: (item: T) => readonly string[], fallbackSlug: string): Term<T>[] {
  const groups = new Map<string, { spellings: Map<string, number>; items: T[] }>();
  for (const item of items) {
    const seen = new Set<string>();
    for (const spelling of termsOf(item)) {
      const shown = evenSpelling(spelling);
      const key = shown.toLowerCase();
      if (key === '' || seen.has(key)) continue;
      seen.add(key);
      let group = groups.get(key);
      if (!group) {
        group = { spellings: new Map(), items: [] };
        groups.set(key, group);
      }
      group.spellings.set(shown, (group.spellings.get(shown) ?? 0) + 1);
      group.items.push(item);
    }
  }

  const terms = [...groups.entries()].map(([key, group]) => ({
    key,
    name: mostCommon(group.spellings),
    baseSlug: slugify(key),
    items: group.items,
  }));
  const slugUse = new Map<string, number>();
  for (const term of terms) slugUse.set(term.baseSlug, (slugUse.get(term.baseSlug) ?? 0) + 1);

  return terms
    .map(({ key, name, baseSlug, items: termItems }) => {
      // A term keeps the plain slug only when it is that slug, or alone in having it.
      const plain = baseSlug !== '' && (slugUse.get(baseSlug) === 1 || key === baseSlug);
      const slug = plain ? baseSlug : `${baseSlug || fallbackSlug}-${shortHash(key)}`;
      return { key, name, slug, items: termItems };
    })
    .sort((a, b) => compareStrings(a.slug, b.slug));
}

function mostCommon(spellings: Map<string, number>): string {
  let best = '';
  let bestCount = 0;
  for (const [spelling, count] of spellings) {
    if (count > bestCount || (count === bestCount && compareStrings(spelling, best) < 0)) {
      best = spelling;
      bestCount = count;
    }
  }
  return best;
}

export type TaxonomyName = 'tags' | 'categories' | 'authors';

/** How pages name a taxonomy and its terms: keys of the site's words (`src/strings/`). */
export interface TaxonomyWords {
  /** The index page's title: "Tags". */
  title: WordKey;
  /** A term's heading: "Tagged “{term}”". */
  heading: WordKey;
  /** A term's description, by its count: "{count} articles tagged “{term}”." */
  description: WordKey;
  /** The index page's description, by the count of terms. */
  indexDescription: WordKey;
}

interface TaxonomyDefinition {
  name: TaxonomyName;
  /** The start of a term's slug when its name has no letters to make one of (`tag-3f2a1c`); part of URLs, so never translated. */
  noun: string;
  words: TaxonomyWords;
  /** Whether each term has a feed. */
  hasFeeds: boolean;
}

const freeTextTaxonomies: TaxonomyDefinition[] = [
  {
    name: 'tags',
    noun: 'tag',
    words: { title: 'tags', heading: 'tagHeading', description: 'tagDescription', indexDescription: 'tagsDescription' },
    hasFeeds: true,
  },
  {
    name: 'categories',
    noun: 'category',
    words: { title: 'categories', heading: 'categoryHeading', description: 'categoryDescription', indexDescription: 'categoriesDescription' },
    hasFeeds: false,
  },
  {
    name: 'authors',
    noun: 'author',
    words: { title: 'authors', heading: 'authorHeading', description: 'authorDescription', indexDescription: 'authorsDescription' },
    hasFeeds: false,
  },
];

export interface Taxonomy extends TaxonomyDefinition {
  terms: Term<PageArticle>[];
  /** Links to an article's terms, in the article's own order. */
  linksOf(names: readonly string[]): Link[];
}

/** The terms of every taxonomy, from the articles of the site. */
export function taxonomiesOf(articles: readonly PageArticle[]): Taxonomy[] {
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

/**
 * Who published it: the name site.yaml gives its feed, else the article's `outlet`, else the feed's
 * host, else the host of the original link; nobody when nothing says (a blog's own post), and then
 * no source is shown.
 */
export function sourceName(article: PageArticle, settings: SiteSettings): string | undefined {
  const named = (article.source ? sourceNameOf(settings, article.source) : undefined) ?? article.outlet;
  const url = article.source ?? article.link;
  return named ?? (url ? new URL(url).hostname : undefined);
}

export interface Sources {
  terms: Term<PageArticle>[];
  /** What a reader is told of an article's source: our page, and the publisher's site and feed when known. */
  viewOf(article: PageArticle): SourceView | undefined;
  viewOfTerm(term: Term<PageArticle>): SourceView | undefined;
}

/** The sources of the articles: only those named by a feed or a link; an article with neither has none. */
export function sourcesOf(articles: readonly PageArticle[], settings: SiteSettings): Sources {
  const names = new Map(articles.map((article) => [article.url, sourceName(article, settings)]));
  const nameOf = (article: PageArticle): string | undefined => names.get(article.url);
  const terms = groupTerms(articles, (article) => [nameOf(article) ?? ''], 'source');
  const views = new Map<string, SourceView>();
  for (const term of terms) {
    const withLink = term.items.find((article) => article.link);
    const withFeed = term.items.find((article) => article.source);
    views.set(term.key, {
      name: term.name,
      url: routes.term('sources', term.slug),
      siteUrl: withLink?.link ? `${new URL(withLink.link).origin}/` : undefined,
      feedUrl: withFeed?.source,
    });
  }
  return {
    terms,
    viewOf: (article) => {
      const name = nameOf(article);
      return name === undefined ? undefined : views.get(foldTerm(name));
    },
    viewOfTerm: (term) => views.get(term.key),
  };
}
