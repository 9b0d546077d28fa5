/** The pages of the sources: a paginated list and an Atom feed per source, and `/sources/` with every source and its count. */
import { routes } from '../routes.ts';
import type { ArchiveContext } from './context.ts';
import { termFeed } from './feeds.ts';
import { listPages } from './lists.ts';
import type { FeedPage, ListPage, SourcesOpmlPage, TermIndexPage, UnchangedPage } from './pages.ts';
import { termIndexPage } from './termIndex.ts';

export interface SourcePages {
  termPages: (ListPage | UnchangedPage)[];
  indexPage: TermIndexPage;
  feeds: FeedPage[];
  /** `/sources.opml`, when a source has a feed. */
  opml: SourcesOpmlPage[];
}

export function sourcePages(context: ArchiveContext): SourcePages {
  const { sources, settings, words } = context;
  const feeds: FeedPage[] = [];
  const termPages = sources.terms.flatMap((term) => {
    const url = routes.term('sources', term.slug);
    const description = words.text('sourceDescription', { term: term.name, count: term.items.length });
    const articles = context.viewsOf(term.items);
    const feed = termFeed(context, { pageUrl: url, title: `${term.name} · ${settings.title}`, description, articles });
    if (feed) feeds.push(feed.page);
    return listPages({ url, heading: term.name, description, articles, source: sources.viewOfTerm(term), feeds: feed && [feed.link] }, context);
  });
  const indexPage = termIndexPage(
    'sources',
    words.text('sources'),
    words.text('sourcesDescription', { count: sources.terms.length }),
    sources.terms,
    words,
    sources.viewOfTerm,
  );
  const outlines = sources.terms.flatMap((term) => {
    const view = sources.viewOfTerm(term);
    return view?.feedUrl ? [{ text: term.name, xmlUrl: view.feedUrl, htmlUrl: view.siteUrl }] : [];
  });
  const title = `${settings.title}: ${words.text('sources')}`;
  // Written as it is rendered (`render/opml.ts`).
  const opml: SourcesOpmlPage[] = outlines.length === 0 ? [] : [{ kind: 'sources-opml', url: routes.sourcesOpml, title, outlines }];
  return { termPages, indexPage: opml.length > 0 ? { ...indexPage, opml: routes.sourcesOpml } : indexPage, feeds, opml };
}
