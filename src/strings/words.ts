/**
 * Every word of the site's pages, in the site's language: one table per
 * language (`en.ts` is the model), a site's own `strings:` from site.yaml over
 * it, numbers and lists as `Intl` writes them in that language, and plural
 * forms chosen by `Intl.PluralRules`.
 */
import { madeOnce } from '../madeOnce.ts';
import { ar } from './ar.ts';
import { de } from './de.ts';
import { en } from './en.ts';
import { es } from './es.ts';
import { fr } from './fr.ts';
import type { Message, WordKey, WordTable } from './table.ts';
import { uk } from './uk.ts';

export type { Message, PluralMessage, WordKey, WordTable } from './table.ts';

export const wordTables: Readonly<Record<string, WordTable>> = { en, de, fr, es, uk, ar };

/** The words a site's pages are written with: data, so templates and the search script read them too. */
export interface SiteWords {
  /** The site's language tag, as written in site.yaml. */
  language: string;
  /** Which way the language is written. */
  direction: 'ltr' | 'rtl';
  /** The table the words came from (`de` for `de-AT`); absent when there is none and English stands in. */
  table: string | undefined;
  /** Every message by key: the table's, with the site's own `strings:` over them. */
  messages: WordTable;
}

/** A piece of a message with links or dates in it: text, a link, or a `<time>`. */
export interface MessagePart {
  /** What it says. */
  text: string;
  /** Where it links to, when it is a link: root-relative or absolute. */
  url?: string | undefined;
  /** `<time datetime>`. */
  datetime?: string | undefined;
  /** The language of a link's text, and of the page it leads to. */
  lang?: string | undefined;
  /** The link's `rel`: `author`. */
  rel?: string | undefined;
}

export type ParamValue = string | number | MessagePart | readonly MessagePart[];

/** The table for a language tag: its own (`pt-BR`), else its language's (`pt`). */
export function tableFor(language: string): string | undefined {
  const tag = canonical(language);
  if (wordTables[tag]) return tag;
  const primary = tag.split('-')[0]!;
  return wordTables[primary] ? primary : undefined;
}

const canonical = (tag: string): string => {
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? tag;
  } catch {
    return tag;
  }
};

// Scripts written right to left (ISO 15924); a language's usual script comes from `Intl.Locale#maximize`.
const rightToLeftScripts = new Set(['Adlm', 'Arab', 'Hebr', 'Mand', 'Nkoo', 'Rohg', 'Samr', 'Syrc', 'Thaa', 'Yezi']);

/** Which way a language is written: `ar`, `he`, `fa`, `ur` right to left. */
export function directionOf(language: string): 'ltr' | 'rtl' {
  try {
    const script = new Intl.Locale(language).maximize().script;
    return script !== undefined && rightToLeftScripts.has(script) ? 'rtl' : 'ltr';
  } catch {
    return 'ltr';
  }
}

export function siteWords(language: string, overrides: Partial<Record<WordKey, Message>> = {}): SiteWords {
  const table = tableFor(language);
  const base = wordTables[table ?? 'en']!;
  const messages = { ...base } as Record<WordKey, Message>;
  for (const [key, value] of Object.entries(overrides) as [WordKey, Message][]) {
    // A plain text given for a message with plural forms stands for every form.
    messages[key] = typeof base[key] !== 'string' && typeof value === 'string' ? { other: value } : value;
  }
  return { language, direction: directionOf(language), table, messages: messages as WordTable };
}

/** The `{name}`s a message uses, in every form. */
export function placeholdersOf(message: Message): Set<string> {
  const texts = typeof message === 'string' ? [message] : Object.values(message);
  return new Set(texts.flatMap((text) => [...(text ?? '').matchAll(/\{(\w+)\}/g)].map((match) => match[1]!)));
}

/**
 * A language's plural rules and number and list formats, made once: making them costs a thousand times more than
 * using them, and the templates' `t` filter makes a Translator for every word it says. Before, a profile of 3,000
 * pages rendering put making them at a fifth of the time.
 */
const languageRules = new Map<string, { plural: Intl.PluralRules; numbers: Intl.NumberFormat; list: Intl.ListFormat }>();

const rulesOf = (language: string) =>
  madeOnce(languageRules, language, () => ({
    plural: new Intl.PluralRules(language),
    numbers: new Intl.NumberFormat(language),
    list: new Intl.ListFormat(language, { type: 'conjunction' }),
  }));

/** Formats messages of one site's words: plain text for titles and attributes, parts for text with links. */
export class Translator {
  /** The words it formats, as data: for templates and the search script. */
  readonly siteWords: SiteWords;
  readonly #plural: Intl.PluralRules;
  readonly #numbers: Intl.NumberFormat;
  readonly #list: Intl.ListFormat;

  constructor(words: SiteWords) {
    this.siteWords = words;
    const rules = rulesOf(words.language);
    this.#plural = rules.plural;
    this.#numbers = rules.numbers;
    this.#list = rules.list;
  }

  get language(): string {
    return this.siteWords.language;
  }

  /** A number as the language writes it: 12,345 · 12.345 · 12 345. */
  number(n: number): string {
    return this.#numbers.format(n);
  }

  /** The message as text; numbers in `params` are written in the language, `count` chooses the plural form. */
  text(key: WordKey, params: Readonly<Record<string, ParamValue>> = {}): string {
    return this.parts(key, params)
      .map((part) => part.text)
      .join('');
  }

  /** The message as parts, so that links and dates among its words stay links and dates. */
  parts(key: WordKey, params: Readonly<Record<string, ParamValue>> = {}): MessagePart[] {
    const message = this.siteWords.messages[key] as Message | undefined;
    if (message === undefined) throw new Error(`there are no words "${key}": docs/templates.md lists the keys of the site's words`);
    const count = params.count;
    const pattern = typeof message === 'string' ? message : (message[this.#plural.select(typeof count === 'number' ? count : 0)] ?? message.other);
    const parts: MessagePart[] = [];
    const add = (part: MessagePart) => {
      const last = parts.at(-1);
      if (part.text === '') return;
      if (last && isPlain(last) && isPlain(part)) last.text += part.text;
      else parts.push({ ...part });
    };
    for (const { piece, name } of piecesOf(pattern)) {
      const value = name === undefined ? undefined : params[name];
      if (name === undefined || value === undefined) add({ text: piece });
      else if (typeof value === 'number') add({ text: this.number(value) });
      else if (typeof value === 'string') add({ text: value });
      else if (isPartList(value)) for (const part of this.#joined(value)) add(part);
      else add(value);
    }
    return parts;
  }

  /** Several parts as one list: "A, B and C", with the language's own words between. */
  #joined(items: readonly MessagePart[]): MessagePart[] {
    // A list of one is that one in every language: most articles' categories (0.38 s of ICU at 100,000 articles, 0.15 s so).
    if (items.length === 1) return [items[0]!];
    let next = 0;
    return this.#list.formatToParts(items.map((item) => item.text)).map((piece) => (piece.type === 'element' ? items[next++]! : { text: piece.value }));
  }
}

/** A pattern's text and `{name}` pieces: split once, as every page says the same few dozen messages. */
const piecesByPattern = new Map<string, { piece: string; name: string | undefined }[]>();
const piecesOf = (pattern: string): { piece: string; name: string | undefined }[] =>
  madeOnce(piecesByPattern, pattern, () => pattern.split(/(\{\w+\})/).map((piece) => ({ piece, name: /^\{(\w+)\}$/.exec(piece)?.[1] })));

const isPlain = (part: MessagePart): boolean => part.url === undefined && part.datetime === undefined;
const isPartList = (value: MessagePart | readonly MessagePart[]): value is readonly MessagePart[] => Array.isArray(value);
