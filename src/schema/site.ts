/**
 * Site settings, read from `content/site.yaml`. Every key is optional; a site
 * without the file gets the defaults below.
 */
import { z } from 'zod';
import { isValidTimeZone } from '../dates.ts';
import { expecting, httpUrl, text } from './fields.ts';

const isLanguageTag = (tag: string): boolean => {
  try {
    return Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
};

export const siteSchema = z.object({
  title: text('a site title').default('News archive'),
  description: text('a description').optional(),
  /** Where the site is published; makes canonical and feed URLs absolute. */
  baseUrl: httpUrl.optional(),
  /** The address of the site the archive came from (`https://18f.gsa.gov/`): paths like `/assets/x.png` in front matter are resolved against it. */
  origin: httpUrl.optional(),
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
  /** Names of authors that articles give by id (`authors: [jdoe]`, as 18F-style Jekyll sites write them): `jdoe: Jane Doe`. */
  authors: z
    .record(z.string(), text('an author name'), expecting('a map from author id to name'))
    .nullish()
    .transform((authors) => authors ?? {}),
  /** Display names of sources, by feed URL: `https://feeds.example.com/rss: Example News`. */
  sources: z
    .record(z.string(), text('a source name'), expecting('a map from feed URL to display name'))
    .nullish()
    // Keys in the same normalized form as article `source` URLs, so lookups match.
    .transform((sources) => Object.fromEntries(Object.entries(sources ?? {}).map(([url, name]) => [URL.canParse(url) ? new URL(url).href : url, name]))),
});

export type SiteSettingsInput = z.input<typeof siteSchema>;
export type SiteSettings = z.output<typeof siteSchema>;

export const knownSiteKeys: readonly string[] = Object.keys(siteSchema.shape);

export const defaultSiteSettings: SiteSettings = siteSchema.parse({});
