/**
 * The search index, cut by time into parts that Pagefind builds a part per
 * core at a time: a year, or, for a year with many articles, runs of its
 * months, each as long as fits; and the newest month on its own, as that is
 * where a day's news goes. Pagefind's memory grows with the pages of one
 * index (0.3 to 0.37 MB a page), so parts keep a 100,000-article archive
 * within bounds; and a new or edited article re-indexes only its own part: a
 * new one, the newest month's (the rest of its year once a month, when a new
 * month begins: its runs are made from January on, so only its last changes).
 * The search page queries every part and merges what they find.
 */
import { compareStrings } from '../problems.ts';
import type { ArticlePage, SearchPart } from './pages.ts';

/**
 * Articles in one part, at most, unless a single month holds more: two parts being built take 1.5 GB at most,
 * beside the build's own 0.55 GB at 100,000 articles (at 3,000, two Pagefinds took 1.85 GB, and the build 2.45 GB).
 * A year of 10,000 articles is six parts of two months.
 */
export const articlesPerSearchPart = 2000;

export function searchParts(articles: readonly ArticlePage[], limit = articlesPerSearchPart): SearchPart[] {
  const parts: SearchPart[] = [];
  // In URL order: Pagefind numbers pages in the order they arrive, which makes its files the same on every machine.
  const add = (name: string, pages: ArticlePage[]) => parts.push({ name, pages: pages.sort((a, b) => compareStrings(a.url, b.url)) });
  const year = (page: ArticlePage) => page.search.year;
  const yearMonth = (page: ArticlePage) => `${year(page)}-${page.search.month}`;
  const newestMonthOf = (pages: readonly ArticlePage[]) =>
    pages.map(yearMonth).reduce((newest, month) => (compareStrings(month, newest) > 0 ? month : newest), '');
  const newestMonth = newestMonthOf(articles);
  const [ofNewestMonth, older] = [articles.filter((page) => yearMonth(page) === newestMonth), articles.filter((page) => yearMonth(page) !== newestMonth)];
  if (ofNewestMonth.length > 0) add(newestMonth, ofNewestMonth);
  for (const [name, pages] of groupBy(older, year)) {
    if (pages.length <= limit) add(name, pages);
    else for (const run of monthRuns(pages, yearMonth, limit)) add(run.name, run.pages);
  }
  // Newest first, as the search page lists them: by their newest month (a year's rest is older than its newest month's part), then name.
  const newestOf = new Map(parts.map((part) => [part, newestMonthOf(part.pages)]));
  return parts.sort((a, b) => compareStrings(newestOf.get(b)!, newestOf.get(a)!) || compareStrings(b.name, a.name));
}

/** A year's articles in runs of consecutive months, oldest first, each within `limit` unless one month is more: `2025-01-to-02`, `2025-03`. */
function monthRuns(pages: readonly ArticlePage[], yearMonth: (page: ArticlePage) => string, limit: number): { name: string; pages: ArticlePage[] }[] {
  const months = [...groupBy(pages, yearMonth)].sort(([a], [b]) => compareStrings(a, b));
  const runs: { months: string[]; pages: ArticlePage[] }[] = [];
  for (const [month, members] of months) {
    const last = runs.at(-1);
    if (last && last.pages.length + members.length <= limit) {
      last.months.push(month);
      last.pages.push(...members);
    } else runs.push({ months: [month], pages: [...members] });
  }
  return runs.map(({ months: [first, ...rest], pages: members }) => ({
    name: rest.length === 0 ? first! : `${first}-to-${rest.at(-1)!.slice(-2)}`,
    pages: members,
  }));
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
