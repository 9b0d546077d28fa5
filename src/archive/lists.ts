/**
 * Lists of articles, paginated: the home page, and every date, term and
 * source. A second capture of an article in the same list is listed through
 * its original ("2 captures"); the home page and each day lead with their
 * day's stories (`frontPage.ts`).
 */
import { routes } from '../routes.ts';
import type { ArchiveContext } from './context.ts';
import { dayGroups, frontOf } from './frontPage.ts';
import type { ArticleSummary, ArticleView, FeedLink, ListPage, SourceView, UnchangedPage } from './pages.ts';
import { paginate } from './paginate.ts';
import { madeOnce } from '../madeOnce.ts';
import { digestOfItem, frontByDigests, sharedByPages } from './sharedByPages.ts';
import type { StoryViews } from './stories.ts';
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
  /** Lead with the stories of the newest article's day: the home page and the days. */
  front?: boolean | undefined;
  /** All its articles are of one day: no day headings. */
  oneDay?: boolean | undefined;
}

/**
 * An article as lists show it, made once per archive and shared by every list
 * it is in (its tags', its day's, its source's...): less memory, and a page's
 * hash takes it once.
 */
const summariesMade = new WeakMap<ArchiveContext, WeakMap<ArticleView, ArticleSummary>>();

export function listPages(
  { url, heading, description, articles, source, feeds, front, oneDay }: ListSubject,
  context: ArchiveContext,
): (ListPage | UnchangedPage)[] {
  const { words, stories, settings, pageHashing } = context;
  const shownOnce = onceEach(articles, stories);
  const made = madeOnce(summariesMade, context, () => new WeakMap<ArticleView, ArticleSummary>());
  const summary = (view: ArticleView): ArticleSummary =>
    madeOnce(made, view, () => {
      const captures = stories.capturesOf(view.url);
      return sharedByPages({ ...summaryOf(view), captures: captures > 1 ? words.text('captureTally', { count: captures }) : undefined });
    });
  const lead = front ? frontOf(shownOnce, summary, stories, words) : undefined;
  return paginate(shownOnce.map(summary), settings.pageSize, url).map(({ items, pagination, url: pageUrl }) => {
    // The list's own URL, with its newest articles: the one that leads with the day's stories.
    const isOwn = pagination.newest === undefined;
    const leading = isOwn ? lead : undefined;
    const pageFront = leading && { lead: leading.lead, top: leading.top };
    const inDays = leading ? items.filter((item) => !leading.shown.has(item.url)) : items;
    if (pageHashing) {
      // Everything the page is made from; the rest of it is made of these and the site's words, which every hash holds.
      const hash = pageHashing.hashOf({
        kind: 'list',
        url: pageUrl,
        heading,
        // A settled page says only what is on it: the list's description, with its counts, is its own URL's.
        description: isOwn ? description : undefined,
        items: items.map(digestOfItem),
        front: pageFront && frontByDigests(pageFront),
        // Those the front stands for are left out of the days.
        inFront: leading && items.filter((item) => leading.shown.has(item.url)).map((item) => item.url),
        oneDay,
        pagination,
        source,
        feeds,
      });
      pageHashing.hashes.set(pageUrl, hash);
      if (pageHashing.unchanged(pageUrl, hash)) return { kind: 'unchanged', url: pageUrl, hash } satisfies UnchangedPage;
    }
    // A settled page says only what is on it, never the list's counts: it stays the same as the list grows.
    const range = { first: items.at(-1)?.date.display ?? '', last: items[0]?.date.display ?? '' };
    return {
      kind: 'list',
      url: pageUrl,
      title: isOwn ? heading : words.text('listPageTitle', { heading, page: pagination.pageNumber }),
      heading,
      pageLabel: isOwn
        ? words.text('pageOf', { page: pagination.pageNumber, count: pagination.pageCount ?? pagination.pageNumber })
        : words.text('pageAlone', { page: pagination.pageNumber }),
      description: isOwn ? description : words.text('listPageDescription', { heading, page: pagination.pageNumber, ...range }),
      items,
      front: pageFront,
      days: dayGroups(inDays, context.settings.language, oneDay ?? false),
      pagination,
      source,
      feeds,
    } satisfies ListPage;
  });
}

/** The articles less the second captures of those among them: one entry per article in a list or feed. */
export function onceEach<T extends { url: string }>(articles: readonly T[], stories: StoryViews): T[] {
  // Most lists hold no second capture: a look-up each, not a set of every URL (1.4 s of making the pages at 100,000 articles).
  if (!articles.some((article) => stories.originalOf(article.url) !== undefined)) return articles.slice();
  const listed = new Set(articles.map((article) => article.url));
  return articles.filter((article) => !listed.has(stories.originalOf(article.url) ?? ''));
}

/** `/`: the latest news, newest first. */
export function homePages(context: ArchiveContext): (ListPage | UnchangedPage)[] {
  const { settings, views, words } = context;
  const description = settings.description ?? words.text('homeDescription', { count: views.length });
  return listPages({ url: routes.home, heading: words.text('latestNews'), description, articles: views, front: true }, context);
}
