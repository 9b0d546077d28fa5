/**
 * The archive by date: articles grouped by year, month and day of the site's
 * calendar, and the `/archive/` overview of years and months with counts.
 */
import { formatLongDate, formatMonth, formatMonthShort } from '../dates.ts';
import { routes } from '../routes.ts';
import type { Translator } from '../strings/words.ts';
import type { ArchiveContext } from './context.ts';
import { listPages } from './lists.ts';
import type { CalendarPage, Link, ListPage, PageArticle, UnchangedPage, YearRow } from './pages.ts';

export interface DateGroup {
  url: string;
  /** "2026", "January 2026", "6 January 2026", in the site's language. */
  heading: string;
  /** A day's group, rather than a month's or a year's. */
  isDay: boolean;
  articles: PageArticle[];
}

const yearUrl = (a: PageArticle): string => routes.year(a.date.year);
const monthUrl = (a: PageArticle): string => routes.month(a.date.year, a.date.month);
const dayUrl = (a: PageArticle): string => routes.day(a.date);

/** A list per year, month and day that has articles. */
export function datePages(context: ArchiveContext): (ListPage | UnchangedPage)[] {
  const { words } = context;
  return groupByDate(context.articles, context.settings.language).flatMap((group) =>
    listPages(
      {
        url: group.url,
        heading: group.heading,
        description: words.text('dateDescription', { date: group.heading, count: group.articles.length }),
        articles: context.viewsOf(group.articles),
        // A day's page reads like the front page of that day.
        front: group.isDay,
        oneDay: group.isDay,
      },
      context,
    ),
  );
}

/** `/archive/`: every year with its months and counts. */
export function calendarPage(context: ArchiveContext): CalendarPage {
  return {
    kind: 'calendar',
    url: routes.calendar,
    title: context.words.text('archive'),
    heading: context.words.text('archive'),
    description: context.words.text('calendarDescription', { count: context.articles.length }),
    years: calendarOverview(context.articles, context.words),
  };
}

/** Year, month and day groups of articles given newest first; each group keeps that order. */
function groupByDate(articles: readonly PageArticle[], language: string): DateGroup[] {
  const groups = new Map<string, DateGroup>();
  const add = (url: string, heading: () => string, article: PageArticle, isDay = false) => {
    let group = groups.get(url);
    if (!group) {
      group = { url, heading: heading(), isDay, articles: [] };
      groups.set(url, group);
    }
    group.articles.push(article);
  };
  for (const article of articles) {
    const { year, month } = article.date;
    add(yearUrl(article), () => year, article);
    add(monthUrl(article), () => formatMonth(year, month, language), article);
    add(dayUrl(article), () => dayHeading(article, language), article, true);
  }
  return [...groups.values()];
}

/** The day of an article as people write it, without the time. */
const dayHeading = (article: PageArticle, language: string): string =>
  formatLongDate(`${article.date.year}-${article.date.month}-${article.date.day}`, language);

/** Years, newest first, each with its twelve months and counts. */
function calendarOverview(articles: readonly PageArticle[], words: Translator): YearRow[] {
  const { language } = words;
  const counts = new Map<string, number[]>();
  for (const article of articles) {
    const months = counts.get(article.date.year) ?? Array<number>(12).fill(0);
    months[Number(article.date.month) - 1]! += 1;
    counts.set(article.date.year, months);
  }
  return [...counts.entries()]
    .sort(([a], [b]) => Number(b) - Number(a))
    .map(([year, months]) => {
      const count = months.reduce((sum, n) => sum + n, 0);
      return {
        label: year,
        url: routes.year(year),
        count,
        countLabel: words.text('articleCount', { count }),
        months: months.map((monthCount, index) => ({
          label: formatMonthShort(index + 1, language),
          count: monthCount,
          countLabel: words.number(monthCount),
          url: monthCount > 0 ? routes.month(year, String(index + 1).padStart(2, '0')) : undefined,
        })),
      };
    });
}

/** Home › year › month › day, for an article page. */
export function dateBreadcrumbs(article: PageArticle, words: Translator): Link[] {
  const { language } = words;
  return [
    { url: routes.home, label: words.text('home') },
    { url: yearUrl(article), label: article.date.year },
    { url: monthUrl(article), label: formatMonth(article.date.year, article.date.month, language) },
    { url: dayUrl(article), label: dayHeading(article, language) },
  ];
}
