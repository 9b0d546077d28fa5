/**
 * An article body's plain text, as the build carries it: the text itself,
 * or, once the build cache holds it, where it is there with the text's
 * opening. A build with a cache keeps each text in an entry of its own, as it
 * does the body's HTML (`bodyHtml.ts`): pages show only the opening (an
 * excerpt), and the whole text is read back only where it is compared, for
 * the candidate copies that relating and `check` look at, and on the changes
 * page of an article with earlier versions. At 100,000 articles the texts
 * are about 400 MB that every build read from the cache.
 */
import { isString, readEntryAt, type EntryPlace } from '../cache/fileCache.ts';

/** Where a text is in the build cache, and its opening. */
export interface StoredText {
  kind: 'stored-text';
  /** The text's first `openingLength` characters, its runs of white space made one space (`openingOf`). */
  opening: string;
  /** Its cache entry; known once the cache's index is saved. */
  at?: EntryPlace | undefined;
}

export type BodyText = string | StoredText;

/** Characters of a text's opening that stay with its article: more than any excerpt is cut from (`articleViews.ts`). */
export const openingLength = 400;

export const isStoredText = (value: unknown): value is StoredText =>
  typeof value === 'object' && value !== null && (value as Partial<StoredText>).kind === 'stored-text';

/** The text left in the cache, known by its opening until its entry's place is known. */
export const storedText = (text: string): StoredText => ({ kind: 'stored-text', opening: openingOf(text) });

/** The opening of a text, its runs of white space made one space: the same of a text and of where it is stored. */
export function openingOf(text: BodyText): string {
  return typeof text === 'string' ? text.replace(/\s+/g, ' ').slice(0, openingLength) : text.opening;
}

/** The whole text, read from the cache when it is there. */
export function textOf(text: BodyText): string {
  return typeof text === 'string' ? text : readEntryAt(text.at, 'the text of a body', isString);
}
