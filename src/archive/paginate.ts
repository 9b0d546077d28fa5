/**
 * Splits a list (newest first) into pages that stay put as it grows,
 * numbered from the oldest, as Nikola's static indexes and Pelican's
 * reversed pagination number them: `page/1/` holds the oldest `pageSize`
 * items, `page/2/` the next, and so on; the list's own URL shows the rest,
 * the newest: its newest full page and what has come since (`pageSize` to
 * twice that less one, or all of them when there are fewer). An added
 * article changes the list's own URL; when that holds two full pages, the
 * older of them gets its own URL, and no page already there changes. So
 * `page/N/` is a permanent address. An empty list still has its own URL.
 */
import { routes } from '../routes.ts';
import type { Pagination } from './pages.ts';

export interface Chunk<T> {
  url: string;
  /** Newest first. */
  items: T[];
  pagination: Pagination;
}

export function paginate<T>(items: readonly T[], pageSize: number, baseUrl: string): Chunk<T>[] {
  // Full pages with URLs of their own: all full pages but the newest, which the list's own URL shows.
  const settled = Math.max(0, Math.floor(items.length / pageSize) - 1);
  const pageCount = settled + 1;
  const url = (n: number) => (n === pageCount ? baseUrl : routes.listPage(baseUrl, n));
  const chunk = (pageNumber: number): Chunk<T> => {
    const end = items.length - (pageNumber - 1) * pageSize;
    return {
      url: url(pageNumber),
      items: items.slice(pageNumber === pageCount ? 0 : end - pageSize, end),
      pagination: {
        pageNumber,
        pageCount: pageNumber === pageCount ? pageCount : undefined,
        newest: pageNumber < pageCount ? url(pageCount) : undefined,
        newer: pageNumber < pageCount ? url(pageNumber + 1) : undefined,
        older: pageNumber > 1 ? url(pageNumber - 1) : undefined,
        oldest: pageNumber > 1 ? url(1) : undefined,
      },
    };
  };
  // The list's own URL first, then its pages from the oldest.
  return [chunk(pageCount), ...Array.from({ length: settled }, (_, index) => chunk(index + 1))];
}
