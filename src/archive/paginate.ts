/**
 * Splits a list into pages: the first at `baseUrl`, the rest at
 * `baseUrl/page/N/`. An empty list still has one (empty) page, so that every
 * list URL exists.
 */
import { routes } from '../routes.ts';
import type { Pagination } from './pages.ts';

export interface Chunk<T> {
  url: string;
  items: T[];
  pagination: Pagination;
}

export function paginate<T>(items: readonly T[], pageSize: number, baseUrl: string): Chunk<T>[] {
  const pageCount = Math.max(1, Math.ceil(items.length / pageSize));
  const url = (n: number) => routes.listPage(baseUrl, n);
  return Array.from({ length: pageCount }, (_, index) => {
    const pageNumber = index + 1;
    return {
      url: url(pageNumber),
      items: items.slice(index * pageSize, pageNumber * pageSize),
      pagination: {
        pageNumber,
        pageCount,
        itemCount: items.length,
        first: pageNumber > 1 ? url(1) : undefined,
        previous: pageNumber > 1 ? url(pageNumber - 1) : undefined,
        next: pageNumber < pageCount ? url(pageNumber + 1) : undefined,
        last: pageNumber < pageCount ? url(pageCount) : undefined,
      },
    };
  });
}
