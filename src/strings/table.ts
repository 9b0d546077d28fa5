/** What a table of the site's words is: every key of English's (`en.ts`), each a text or forms by number. */
import type { en } from './en.ts';

/** A message whose words depend on a number: one text per plural category; `other` is required. */
export type PluralMessage = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };
export type Message = string | PluralMessage;
export type WordKey = keyof typeof en;
/** A complete table: every key of English's, of the same kind. */
export type WordTable = { [K in WordKey]: (typeof en)[K] extends string ? string : PluralMessage };
