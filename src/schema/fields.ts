/**
 * Field types shared by the article and site schemas. Each carries the
 * "expected ..." text that problems show; the value found is added by
 * `describeIssues`.
 */
import { decodeHTMLStrict } from 'entities';
import { z } from 'zod';

/** YAML's empty value (`key:`) and `''` both mean "not given". */
export const isAbsent = (value: unknown): boolean => value === undefined || value === null || value === '';
const toAbsent = (value: unknown): unknown => (isAbsent(value) ? undefined : value);

/** `expected X`, or `is required: expected X` when the field is missing. */
export const expecting = (what: string) => ({
  error: (issue: { input?: unknown }) => (issue.input === undefined ? `is required: expected ${what}` : `expected ${what}`),
});

/**
 * Characters that are invisible, and that HTML calls errors and XML forbids:
 * C0 controls but tab and line breaks, DEL, U+FFFE/U+FFFF and halves of
 * surrogate pairs. They are dropped from text, as a feed with one would not parse.
 */
const unprintable = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
export const dropUnprintable = (value: string): string => value.replace(unprintable, '');

/**
 * Feeds and other generators write titles with HTML's character references (`&ldquo;Agilefall&rdquo;`,
 * `&#8217;`): they are decoded once, so that pages, slugs and feeds show the characters. Only complete
 * references (with their `;`): `R&D` and `AT&T` stay as written.
 */
const decodeReferences = (value: string): string => (value.includes('&') ? decodeHTMLStrict(value) : value);

/** Non-empty text; numbers are taken as text (`title: 1984`). */
export const text = (what = 'text') =>
  z
    .union([z.string(), z.number().transform(String)], expecting(what))
    .transform((value) => dropUnprintable(decodeReferences(value)))
    .pipe(
      z
        .string()
        .trim()
        .min(1, { error: `expected ${what}, not an empty value` }),
    );

export const optionalText = (what = 'text') => z.preprocess(toAbsent, text(what).optional());

const controlOrSpace = /[\s\u0000-\u001f\u007f]/;

/** An absolute http(s) URL, returned in its normalized form. */
export const httpUrl = z
  .string(expecting('an http(s) URL'))
  .trim()
  .refine(
    (value) => {
      if (controlOrSpace.test(value) || !URL.canParse(value)) return false;
      const { protocol } = new URL(value);
      return protocol === 'http:' || protocol === 'https:';
    },
    { error: 'expected an absolute http(s) URL like https://example.com/page' },
  )
  .transform((value) => new URL(value).href);

export const optionalHttpUrl = z.preprocess(toAbsent, httpUrl.optional());

/**
 * An http(s) URL, or a path on the site the article came from (`/assets/x.png`,
 * `images/x.png`), as other generators write images; the loader resolves a path
 * against the site's `origin`. Any other scheme (`javascript:`, `data:`) is refused.
 */
export const optionalUrlOrPath = z.preprocess(
  toAbsent,
  z
    .string(expecting('an http(s) URL or a path'))
    .trim()
    .refine((value) => !controlOrSpace.test(value.replace(/ /g, '%20')) && (!/^[a-z][a-z0-9+.-]*:/i.test(value) || /^https?:/i.test(value)), {
      error: 'expected an absolute http(s) URL like https://example.com/photo.jpg, or a path on the site like /images/photo.jpg',
    })
    .optional(),
);

/** A list of strings; one string is a one-item list; blanks and repeats are dropped. */
export const stringList = (what: string) =>
  z.preprocess(
    (value) => (value === null || value === undefined || value === '' ? [] : Array.isArray(value) ? value : [value]),
    z
      .array(z.union([z.string(), z.number().transform(String)], expecting(what)))
      .transform((items) => [...new Set(items.map((item) => dropUnprintable(decodeReferences(item)).trim()).filter((item) => item !== ''))]),
  );

/** `true`/`false`, also written as a string (`"false"` is false, unlike `z.coerce.boolean()`). */
export const flag = z.union([z.boolean(), z.stringbool()], expecting('true or false'));
