/**
 * Slugs: the last segment of an article's URL, and a folder name on disk.
 *
 * A slug is lowercase ASCII letters and digits joined by single hyphens, so
 * it is the same on every file system (no case or Unicode-normalization
 * clashes), needs no escaping in a URL, and can never be `..` or hold a `/`.
 */
import slugifyText from '@sindresorhus/slugify';

export const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Longest slug accepted from front matter: file systems allow 255 bytes a name. */
export const maxSlugLength = 200;

/** Longest slug derived from a title: long enough to say what the article is. */
const derivedSlugLength = 100;

export const isValidSlug = (slug: string): boolean => slug.length <= maxSlugLength && slugPattern.test(slug);

/**
 * A slug another generator may have published under (`usgs_app`,
 * `rWBclimate-maps`, `1.94.1-release`): letters of either case, digits, `-`,
 * `_` and `.`, starting with a letter or digit, never `..`. Safe in a URL and
 * as a folder name, so such an article keeps its old address.
 */
const legacySlugPattern = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

export const isSafeLegacySlug = (slug: string): boolean => slug.length <= maxSlugLength && legacySlugPattern.test(slug) && !slug.includes('..');

/**
 * A slug made from any text: transliterated (`Україна` → `ukrayina`), and
 * cut at a word boundary when long. May be empty when the text has no letters
 * or digits at all.
 */
export function slugify(text: string, maxLength = derivedSlugLength): string {
  const slug = slugifyText(text, { decamelize: false });
  if (slug.length <= maxLength) return slug;
  const cut = slug.slice(0, maxLength + 1);
  const lastHyphen = cut.lastIndexOf('-');
  return (lastHyphen > 0 ? cut.slice(0, lastHyphen) : cut.slice(0, maxLength)).replace(/-+$/, '');
}
