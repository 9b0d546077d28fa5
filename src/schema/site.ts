/**
 * Site settings, read from `content/site.yaml`. Every key is optional; a site
 * without the file gets the defaults below.
 */
import path from 'node:path';
import { closest, distance } from 'fastest-levenshtein';
import { z } from 'zod';
import { isValidTimeZone } from '../dates.ts';
import { en } from '../strings/en.ts';
import { placeholdersOf, type Message, type WordKey } from '../strings/words.ts';
import { expecting, flag, httpUrl, optionalUrlOrPath, text } from './fields.ts';

const isLanguageTag = (tag: string): boolean => {
  try {
    return Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
};

const wordKeys = Object.keys(en) as WordKey[];
const isWordKey = (key: string): key is WordKey => Object.hasOwn(en, key);

/** A message with forms by number, as `Intl.PluralRules` names them; `other` is the one every language has. */
const pluralForms = z.strictObject(
  {
    zero: text('a text').optional(),
    one: text('a text').optional(),
    two: text('a text').optional(),
    few: text('a text').optional(),
    many: text('a text').optional(),
    other: text('a text'),
  },
  expecting('a text, or forms by number (one, few, many, other...)'),
);

/**
 * The site's own words, over its language's table: any key of `src/strings/en.ts`, a text or
 * forms by number, using no `{name}` the built-in message does not fill in.
 */
const siteStrings = z
  .record(
    z.string(),
    z.union([text('a text'), pluralForms], expecting('a text, or forms by number (one, few, many, other...)')),
    expecting('a map from a word key to its text'),
  )
  .superRefine((strings, context) => {
    for (const [key, message] of Object.entries(strings) as [string, Message][]) {
      if (!isWordKey(key)) {
        context.addIssue({
          code: 'custom',
          path: [key],
          input: message,
          message: `is not a key of the site's words (did you mean "${closest(key, wordKeys)}"?)`,
        });
        continue;
      }
      const known = placeholdersOf(en[key]);
      const unknown = [...placeholdersOf(message)].filter((name) => !known.has(name));
      if (unknown.length > 0) {
        const offered = known.size === 0 ? 'it takes none' : `it takes ${[...known].map((name) => `{${name}}`).join(', ')}`;
        context.addIssue({
          code: 'custom',
          path: [key],
          input: message,
          message: `uses ${unknown.map((name) => `{${name}}`).join(', ')}, which is never filled in: ${offered}`,
        });
      }
    }
  })
  .nullish()
  .transform((strings) => (strings ?? {}) as Partial<Record<WordKey, Message>>);

/** A feed the archive follows: `https://feeds.example.com/world: { name: Example World, follow: true, tags: [world] }`. */
const followedFeed = z.strictObject(
  {
    name: text('a source name').optional(),
    follow: flag.default(false),
    tags: z.array(text('a tag'), expecting('a list of tags')).default([]),
  },
  {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `expected the fields name, follow and tags, not ${(issue.keys as string[]).map((key) => JSON.stringify(key)).join(' and ')}${didYouMean(issue.keys as string[], ['name', 'follow', 'tags'])}`
        : 'expected a display name, or name, follow and tags',
  },
);

/** " (did you mean "follow"?)" for a key one or two letters from a known one. */
function didYouMean(keys: readonly string[], known: readonly string[]): string {
  const near = keys.map((key) => closest(key, [...known])).filter((guess, n) => distance(guess, keys[n]!) <= 2);
  return near.length > 0 ? ` (did you mean ${near.map((key) => JSON.stringify(key)).join(' and ')}?)` : '';
}

/** What site.yaml says of a source: its display name, and whether `news-archive fetch` follows its feed, with the tags to give its items. */
export type SourceEntry = z.output<typeof followedFeed>;

export const siteSchema = z.object({
  title: text('a site title').default('News archive'),
  description: text('a description').optional(),
  /** Where the site is published; makes canonical and feed URLs absolute. */
  baseUrl: httpUrl.optional(),
  /** The address of the site the archive came from (`https://18f.gsa.gov/`): paths like `/assets/x.png` in front matter are resolved against it. */
  origin: httpUrl.optional(),
  /**
   * The addresses the site the archive came from gave its posts, as Jekyll's `permalink` names them
   * (`date`, `pretty`, `none`, or a pattern like `/blog/:year/:title/`): each post gets a redirect from
   * its old address. Read from a Jekyll `_config.yml` in the content folder when not given here.
   */
  permalink: text('a permalink style or pattern like /:year/:month/:title/').optional(),
  /** BCP 47 language tag of the site and its dates: `en`, `en-GB`, `uk`. */
  language: z
    .string(expecting('a language tag like "en" or "en-GB"'))
    .trim()
    .refine(isLanguageTag, { error: 'expected a language tag like "en" or "en-GB"' })
    .default('en'),
  /** IANA time zone that decides on which day an article falls. */
  timezone: z
    .string(expecting('an IANA time zone like "UTC" or "Europe/Kyiv"'))
    .trim()
    .refine(isValidTimeZone, { error: 'expected an IANA time zone like "UTC" or "Europe/Kyiv"' })
    .default('UTC'),
  /** Articles on one page of a list. */
  pageSize: z.int(expecting('a whole number from 1 to 500')).min(1).max(500).default(20),
  /** Entries in each feed: the newest this many articles. */
  feedSize: z.int(expecting('a whole number from 1 to 1000')).min(1).max(1000).default(50),
  /**
   * What the feeds of tags, categories, authors and sources carry of each article: `full` (its whole sanitized text) or
   * `summary` (its dek or the opening of its text, with its link), so that a large archive's thousands of feeds stay small.
   * The site's own feeds and their archive documents are always full.
   */
  feedContent: z.enum(['full', 'summary'], expecting('full or summary')).default('full'),
  /** Names of authors that articles give by id (`authors: [jdoe]`, as 18F-style Jekyll sites write them): `jdoe: Jane Doe`. */
  authors: z
    .record(z.string(), text('an author name'), expecting('a map from author id to name'))
    .nullish()
    .transform((authors) => authors ?? {}),
  /**
   * Folders of pictures beside the content folder, relative to it, that bodies and `image:` name by their path from the
   * folder (Hugo's and Zola's `static/`, where `/images/x.png` is `static/images/x.png`): `[../static]`. Only pictures
   * are read from them, and nothing else outside the content folder.
   */
  staticFolders: z.array(text('a folder path like ../static'), expecting('a list of folders like [../static]')).default([]),
  /** The site's logo in the masthead: an image in the content folder (`logo.svg`) or an http(s) URL. */
  logo: optionalUrlOrPath,
  /** The icon browsers show for the site: an image in the content folder or an http(s) URL; a plain one ships. */
  favicon: optionalUrlOrPath,
  /** The masthead's links, in place of the built-in ones: a label and a page of the site (`/tags/`) or an http(s) URL. */
  navigation: z
    .array(
      z.object({
        label: text('a link label'),
        url: z
          .string(expecting('a path on the site like /tags/, or an http(s) URL'))
          .trim()
          .refine((url) => (/^https?:\/\//i.test(url) ? URL.canParse(url) : /^\/(?!\/)[^\s"<>\\]*$/.test(url)), {
            error: 'expected a path on the site like /tags/, or an http(s) URL',
          }),
      }),
      expecting('a list of links, each with a label and a url'),
    )
    .optional(),
  /** The line at the foot of every page, in place of the built-in one. */
  footer: text('the footer text').optional(),
  /** The colour of links, kickers and marks: a CSS hex colour like "#0b5fff". */
  accentColor: z
    .string(expecting('a colour like "#0b5fff"'))
    .trim()
    .refine((colour) => /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i.test(colour), { error: 'expected a hex colour like "#0b5fff" or "#c00"' })
    .optional(),
  /**
   * Pictures from other sites: `allow` (pages load them from their publishers) or `block` (the Content
   * Security Policy allows only the site's own; a picture without a copy in the archive is a link to it).
   */
  remoteImages: z.enum(['allow', 'block'], expecting('allow or block')).default('allow'),
  /** Words of the pages in place of the built-in ones for the site's language: `latestNews: Top stories`. */
  strings: siteStrings,
  /** Sources by feed URL: a display name (`https://feeds.example.com/rss: Example News`), or a name, `follow` and tags. */
  sources: z
    .record(
      z.string(),
      // A name alone is a source's name; fields are read as fields, so that a misspelt one is named.
      z.preprocess((entry) => (typeof entry === 'string' || typeof entry === 'number' ? { name: entry } : entry), followedFeed),
      expecting('a map from feed URL to display name'),
    )
    .nullish()
    // Keys in the same normalized form as article `source` URLs, so lookups match.
    .transform((sources) =>
      Object.fromEntries(
        Object.entries(sources ?? {}).map(([url, entry]): [string, SourceEntry] => [
          URL.canParse(url) ? new URL(url).href : url,
          typeof entry === 'string' ? { name: entry, follow: false, tags: [] } : entry,
        ]),
      ),
    ),
});

/** The feeds `news-archive fetch` follows: those of `sources` with `follow: true`, with the tags to give their items. */
export const followedFeeds = (site: Pick<SiteSettings, 'sources'>): { url: string; tags: string[] }[] =>
  Object.entries(site.sources).flatMap(([url, entry]) => (entry.follow && URL.canParse(url) ? [{ url, tags: entry.tags }] : []));

/** A source's display name, as site.yaml gives it. */
export const sourceNameOf = (site: Pick<SiteSettings, 'sources'>, url: string): string | undefined => site.sources[url]?.name;

/** The folders of pictures site.yaml names, absolute (`staticFolders` is relative to the content folder). */
export const staticRootsOf = (site: Pick<SiteSettings, 'staticFolders'>, contentRoot: string): string[] =>
  site.staticFolders.map((folder) => path.resolve(contentRoot, folder));

export type SiteSettingsInput = z.input<typeof siteSchema>;
export type SiteSettings = z.output<typeof siteSchema>;

/**
 * The settings reading an article file depends on, and all of them that a file step is given: its
 * results are cached by these (`load/loadContent.ts`), so that a changed one reads every file again
 * while a new title or accent colour does not. A step that reads another setting does not compile.
 */
export type ReadingSettings = Pick<SiteSettings, 'timezone' | 'language' | 'permalink' | 'origin' | 'authors' | 'remoteImages'>;

export const readingSettingsOf = ({ timezone, language, permalink, origin, authors, remoteImages }: SiteSettings): ReadingSettings => ({
  timezone,
  language,
  permalink,
  origin,
  authors,
  remoteImages,
});

export const knownSiteKeys: readonly string[] = Object.keys(siteSchema.shape);

export const defaultSiteSettings: SiteSettings = siteSchema.parse({});
