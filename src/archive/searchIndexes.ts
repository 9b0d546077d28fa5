/**
 * The search index, cut by time into parts that Pagefind builds a part per
 * core at a time: a year, or, for a year with many articles, its quarters or months.
 * Pagefind's memory grows with the pages of one index (about 0.3 MB a page),
 * so parts keep a 100,000-article archive within bounds; and a new or
 * edited article re-indexes only its own part. The search page queries
 * every part and merges what they find.
 */
import type { SearchIndex } from './pages.ts';

/** Articles in one part, at most, unless a single month holds more: two parts being built take under 2 GB. */
export const articlesPerSearchIndex = 3000;

interface Dated {
  url: string;
  /** `YYYY`, `MM`. */
  year: string;
  month: string;
}

export function searchIndexes(articles: readonly Dated[], limit = articlesPerSearchIndex): SearchIndex[] {
  const parts: SearchIndex[] = [];
  const split = (name: string, members: readonly Dated[], finer: ((article: Dated) => string) | undefined, finest?: (article: Dated) => string) => {
    if (members.length <= limit || !finer) {
      parts.push({ name, articleUrls: members.map((article) => article.url) });
      return;
    }
    for (const [key, group] of groupBy(members, finer)) split(key, group, finest);
  };
  const quarter = (article: Dated) => `${article.year}-q${Math.ceil(Number(article.month) / 3)}`;
  const month = (article: Dated) => `${article.year}-${article.month}`;
  for (const [year, group] of groupBy(articles, (article) => article.year)) split(year, group, quarter, month);
  // Newest first, as the search page lists them.
  return parts.sort((a, b) => (a.name < b.name ? 1 : a.name > b.name ? -1 : 0));
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
