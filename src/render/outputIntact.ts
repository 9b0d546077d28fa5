/**
 * Whether the output folder still holds what the last build wrote into it:
 * every page it recorded, and every part of the search index. Only then can
 * a build with the same input as the last one write nothing at all.
 */
import type { BuildRecord } from '../cache/buildRecord.ts';
import { routes } from '../routes.ts';
import { indexedPageCount } from '../search/indexSearch.ts';
import { hasPageFile } from './renderPlan.ts';

export const outputIntact = (last: BuildRecord, outputDir: string): boolean =>
  hasPageFile(outputDir, routes.headers) &&
  [...last.pages.keys()].every((url) => hasPageFile(outputDir, url)) &&
  indexedPageCount(outputDir, [...last.searchParts.keys()]) !== undefined;
