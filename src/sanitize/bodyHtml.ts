/**
 * An article body's sanitized HTML, as the build carries it: the HTML itself,
 * or, once the build cache holds it, where it is there. A build with a cache
 * keeps each body's HTML in an entry of its own (`fileJobs.ts`), which the
 * build's process never reads: pages carry it by reference, and the process
 * that writes a page reads it back (`render/eleventyRun.ts`), as does the
 * search stage for the parts it indexes again. At 10,000 articles the HTML
 * was 50 MB of the 175 MB the pages held, and every build read it from the
 * cache only to hand it on; hashes of pages take it by its digest.
 */
import { hash } from 'node:crypto';
import { isString, readEntryAt, type EntryPlace } from '../cache/fileCache.ts';
import { madeOnce } from '../madeOnce.ts';
import { replaceTokens, type Resolution } from './references.ts';

/** Where a body's HTML is in the build cache, and the digest of that HTML. */
export interface StoredHtml {
  kind: 'stored-html';
  /** Of the HTML as stored: `sha1:` and base64. */
  digest: string;
  /** Its cache entry: the pack file (absolute), the offset and length of the entry there; known once the cache's index is saved. */
  at?: EntryPlace | undefined;
  /** The body's references into the archive, resolved (`links/resolveLinks.ts`): applied as it is read. */
  resolutions?: readonly Resolution[] | undefined;
}

export type BodyHtml = string | StoredHtml;

export const digestOfHtml = (html: string): string => `sha1:${hash('sha1', html, 'base64')}`;

/** The HTML left in the cache, known by its digest until its entry's place is known. */
export const storedHtml = (html: string): StoredHtml => ({ kind: 'stored-html', digest: digestOfHtml(html) });

export const isStoredHtml = (value: unknown): value is StoredHtml =>
  typeof value === 'object' && value !== null && (value as Partial<StoredHtml>).kind === 'stored-html';

/**
 * What a page's hash takes for the HTML: of stored HTML, its digest and the resolutions, never where it is
 * (a pack merged into another moves it, and the page is the same).
 */
export const hashOfHtml = (html: BodyHtml): string =>
  typeof html === 'string' ? digestOfHtml(html) : `${html.digest}${html.resolutions ? `\0${JSON.stringify(html.resolutions)}` : ''}`;

/** The body with its references into the archive resolved: at once, or as it is read from the cache. */
export const resolvedHtml = (html: BodyHtml, resolutions: readonly Resolution[]): BodyHtml =>
  typeof html === 'string' ? replaceTokens(html, resolutions) : { ...html, resolutions };

/** The HTML itself, read from the cache when it is there. */
export function htmlOf(html: BodyHtml): string {
  if (typeof html === 'string') return html;
  const stored = readEntryAt(html.at, `the HTML of a body (${html.digest})`, isString);
  return html.resolutions ? replaceTokens(stored, html.resolutions) : stored;
}

/** `htmlOf`, each body read once however many pages and feeds show it. */
export function htmlReader(): (html: BodyHtml) => string {
  const read = new Map<string, string>();
  return (html) => (typeof html === 'string' ? html : madeOnce(read, hashOfHtml(html), () => htmlOf(html)));
}
