/**
 * Sources: who published each article. A source's name is the display name
 * site.yaml gives its feed, else the feed's host, else the host of the
 * original link; each source has a paginated list, an Atom feed and a line
 * on `/sources/`.
 */
import { countOf } from '../format.ts';
import { routes } from '../routes.ts';
import type { SafeArticle } from '../sanitize/sanitizeArticles.ts';
import type { SiteSettings } from '../schema/site.ts';
import type { ArchiveContext } from './context.ts';
import { termFeed } from './feeds.ts';
import { listPages } from './lists.ts';
import type { FeedPage, ListPage, SourceView, TermIndexPage } from './pages.ts';
import { foldTerm, groupTerms, type Term } from './taxonomy.ts';
import { termIndexPage } from './termIndex.ts';

const unknownSource = 'Unknown source';

/** Who published it: the display name site.yaml gives its feed, else the feed's host, else the host of the original link. */
export function sourceName(article: SafeArticle, settings: SiteSettings): string {
  const named = article.source ? settings.sources[article.source] : undefined;
  const url = article.source ?? article.link;
  return named ?? (url ? new URL(url).hostname : unknownSource);
}

export interface Sources {
  terms: Term<SafeArticle>[];
  /** What a reader is told of an article's source. */
  viewOf(article: SafeArticle): SourceView | undefined;
  viewOfTerm(term: Term<SafeArticle>): SourceView | undefined;
}

export function sourcesOf(articles: readonly SafeArticle[], settings: SiteSettings): Sources {
  const names = new Map(articles.map((article) => [article.url, sourceName(article, settings)]));
  const nameOf = (article: SafeArticle): string => names.get(article.url) ?? unknownSource;
  const terms = groupTerms(articles, (article) => [nameOf(article)], 'source');
  const views = new Map<string, SourceView>();
  for (const term of terms) {
    const withLink = term.items.find((article) => article.link);
    const withFeed = term.items.find((article) => article.source);
    views.set(term.key, {
      name: term.name,
      url: routes.term('sources', term.slug),
      siteUrl: withLink?.link ? new URL(withLink.link).origin + '/' : undefined,
      feedUrl: withFeed?.source,
    });
  }
  return {
    terms,
    viewOf: (article) => views.get(foldTerm(nameOf(article))),
    viewOfTerm: (term) => views.get(term.key),
  };
}

export interface SourcePages {
  termPages: ListPage[];
  indexPage: TermIndexPage;
  feeds: FeedPage[];
}

export function sourcePages(context: ArchiveContext): SourcePages {
  const { sources, settings } = context;
  const feeds: FeedPage[] = [];
  const termPages = sources.terms.flatMap((term) => {
    const url = routes.term('sources', term.slug);
    const description = `${countOf(term.items.length, 'article')} from ${term.name}.`;
    const articles = context.viewsOf(term.items);
    const feed = termFeed(context, { pageUrl: url, title: `${term.name} · ${settings.title}`, description, articles });
    if (feed) feeds.push(feed.page);
    return listPages({ url, heading: term.name, description, articles, source: sources.viewOfTerm(term), feeds: feed && [feed.link] }, settings.pageSize);
  });
  const indexPage = termIndexPage('sources', 'Sources', 'source', sources.terms, sources.viewOfTerm);
  return { termPages, indexPage, feeds };
}
