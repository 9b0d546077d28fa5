/**
 * The search index, cut by time into parts that Pagefind builds a part per
 * core at a time: a year, or, for a year with many articles, its quarters or
 * months; and the newest month on its own, as that is where a day's news goes.
 * Pagefind's memory grows with the pages of one index (about 0.3 MB a page),
 * so parts keep a 100,000-article archive within bounds; and a new or
 * edited article re-indexes only its own part: a new one, the newest month's
 * (the rest of its year once a month, when a new month begins). The search
 * page queries every part and merges what they find.
 */
import { compareStrings } from '../problems.ts';
import type { ArticlePage, SearchPart } from './pages.ts';

/** Articles in one part, at most, unless a single month holds more: two parts being built take under 2 GB. */
export const articlesPerSearchPart = 3000;

export function searchParts(articles: readonly ArticlePage[], limit = articlesPerSearchPart): SearchPart[] {
  const parts: SearchPart[] = [];
  const split = (name: string, members: ArticlePage[], finer: ((page: ArticlePage) => string) | undefined, finest?: (page: ArticlePage) => string) => {
    if (members.length <= limit || !finer) {
      // In URL order: Pagefind numbers pages in the order they arrive, which makes its files the same on every machine.
      parts.push({ name, pages: members.sort((a, b) => compareStrings(a.url, b.url)) });
      return;
    }
    for (const [key, group] of groupBy(members, finer)) split(key, group, finest);
  };
  const year = (page: ArticlePage) => page.search.year;
  const month = (page: ArticlePage) => page.search.month;
  const quarter = (page: ArticlePage) => `${year(page)}-q${Math.ceil(Number(month(page)) / 3)}`;
  const yearMonth = (page: ArticlePage) => `${year(page)}-${month(page)}`;
  const newestMonthOf = (pages: readonly ArticlePage[]) =>
    pages.map(yearMonth).reduce((newest, month) => (compareStrings(month, newest) > 0 ? month : newest), '');
  const newestMonth = newestMonthOf(articles);
  const [ofNewestMonth, older] = [articles.filter((page) => yearMonth(page) === newestMonth), articles.filter((page) => yearMonth(page) !== newestMonth)];
  if (ofNewestMonth.length > 0) split(newestMonth, ofNewestMonth, undefined);
  for (const [name, group] of groupBy(older, year)) split(name, group, quarter, yearMonth);
  // Newest first, as the search page lists them: by their newest month (a year's rest is older than its newest month's part), then name.
  const newestOf = new Map(parts.map((part) => [part, newestMonthOf(part.pages)]));
  return parts.sort((a, b) => compareStrings(newestOf.get(b)!, newestOf.get(a)!) || compareStrings(b.name, a.name));
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}
