/**
 * The archive by date: articles grouped by year, month and day of the site's
 * calendar, and the `/archive/` overview of years and months with counts.
 */
import { formatLongDate, formatMonth, formatMonthShort } from '../dates.ts';
import { countOf } from '../format.ts';
import type { SafeArticle } from '../sanitize/sanitizeArticles.ts';
import type { Link, YearRow } from './pages.ts';

export interface DateGroup {
  url: string;
  /** "2026", "January 2026", "6 January 2026", in the site's language. */
  heading: string;
  articles: SafeArticle[];
}

export const yearUrl = (a: SafeArticle): string => `/${a.date.year}/`;
export const monthUrl = (a: SafeArticle): string => `/${a.date.year}/${a.date.month}/`;
export const dayUrl = (a: SafeArticle): string => `/${a.date.year}/${a.date.month}/${a.date.day}/`;

/** Year, month and day groups of articles given newest first; each group keeps that order. */
export function groupByDate(articles: readonly SafeArticle[], language: string): DateGroup[] {
  const groups = new Map<string, DateGroup>();
  const add = (url: string, heading: () => string, article: SafeArticle) => {
    let group = groups.get(url);
    if (!group) groups.set(url, (group = { url, heading: heading(), articles: [] }));
    group.articles.push(article);
  };
  for (const article of articles) {
    const { year, month } = article.date;
    add(yearUrl(article), () => year, article);
    add(monthUrl(article), () => formatMonth(year, month, language), article);
    add(dayUrl(article), () => dayHeading(article, language), article);
  }
  return [...groups.values()];
}

/** The day of an article as people write it, without the time. */
const dayHeading = (article: SafeArticle, language: string): string =>
  formatLongDate(`${article.date.year}-${article.date.month}-${article.date.day}`, language);

/** Years, newest first, each with its twelve months and counts. */
export function calendarOverview(articles: readonly SafeArticle[], language: string): YearRow[] {
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
        url: `/${year}/`,
        count,
        countLabel: countOf(count, 'article'),
        months: months.map((monthCount, index) => ({
          label: formatMonthShort(index + 1, language),
          count: monthCount,
          url: monthCount > 0 ? `/${year}/${String(index + 1).padStart(2, '0')}/` : undefined,
        })),
      };
    });
}

/** Home › year › month › day, for an article page. */
export function dateBreadcrumbs(article: SafeArticle, language: string): Link[] {
  return [
    { url: '/', label: 'Home' },
    { url: yearUrl(article), label: article.date.year },
    { url: monthUrl(article), label: formatMonth(article.date.year, article.date.month, language) },
    { url: dayUrl(article), label: dayHeading(article, language) },
  ];
}
