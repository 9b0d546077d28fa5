/** The pages of the sources: a paginated list and an Atom feed per source, and `/sources/` with every source and its count. */
import { countOf } from '../format.ts';
import { routes } from '../routes.ts';
import type { ArchiveContext } from './context.ts';
import { termFeed } from './feeds.ts';
import { listPages } from './lists.ts';
import type { FeedPage, ListPage, TermIndexPage } from './pages.ts';
import { termIndexPage } from './termIndex.ts';

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
