/** Lists of articles, paginated: the home page, and every date, term and source. */
import type { Translator } from '../strings/words.ts';
import { routes } from '../routes.ts';
import type { ArchiveContext } from './context.ts';
import type { ArticleView, FeedLink, ListPage, SourceView } from './pages.ts';
import { paginate } from './paginate.ts';
import { summaryOf } from './articleViews.ts';

export interface ListSubject {
  /** The first page's URL; the others are under it. */
  url: string;
  heading: string;
  description: string;
  /** Newest first. */
  articles: readonly ArticleView[];
  /** On a source's pages: the publisher's site and feed. */
  source?: SourceView | undefined;
  /** The list's own feeds. */
  feeds?: FeedLink[] | undefined;
}

export function listPages({ url, heading, description, articles, source, feeds }: ListSubject, pageSize: number, words: Translator): ListPage[] {
  return paginate(articles.map(summaryOf), pageSize, url).map(({ items, pagination, url: pageUrl }) => ({
    kind: 'list',
    url: pageUrl,
    title: pagination.pageNumber === 1 ? heading : words.text('listPageTitle', { heading, page: pagination.pageNumber }),
    heading,
    description,
    items,
    pagination,
    source,
    feeds,
  }));
}

/** `/`: the latest news, newest first. */
export function homePages(context: ArchiveContext): ListPage[] {
  const { settings, views, words } = context;
  const description = settings.description ?? words.text('homeDescription', { count: views.length });
  return listPages({ url: routes.home, heading: words.text('latestNews'), description, articles: views }, settings.pageSize, words);
}
