/**
 * What Jekyll, Hugo, Zola and Eleventy write, read as this format: the keys
 * they define for the same things (`excerpt`, `category`, `lastmod`,
 * `published: false`, Zola's `[taxonomies]`...), the keys they define for
 * what this tool does otherwise or not at all (`layout`, `weight`...: known,
 * so never an "unknown field"), and what their file names say (a date, a
 * slug, a language).
 *
 * From their documentation: Jekyll (front matter, posts, drafts,
 * jekyll-seo-tag, jekyll-redirect-from), Hugo (front matter, page bundles,
 * multilingual), Zola (page front matter), Eleventy (data, dates, permalinks).
 */
import path from 'node:path';
import { isSafePageUrl } from '../routes.ts';
import { isAbsent } from '../schema/fields.ts';
import { articleFileExtension, draftsFolder, postsFolder } from './findContentFiles.ts';

/** Keys other generators define that this tool reads as one of its own, or knowingly leaves aside. */
export const otherGeneratorKeys: Record<string, readonly string[]> = {
  Jekyll: [
    'layout',
    'permalink',
    'published',
    'category',
    'excerpt',
    'excerpt_separator',
    'redirect_from',
    'redirect_to',
    'last_modified_at',
    'sitemap',
    'comments',
    'share',
    'toc',
    'lang',
    'hero',
    'image_alt',
    'seo',
    'canonical_url',
  ],
  Hugo: [
    'aliases',
    'weight',
    'type',
    'url',
    'lastmod',
    'publishDate',
    'expiryDate',
    'keywords',
    'linkTitle',
    'markup',
    'outputs',
    'params',
    'resources',
    'series',
    'translationKey',
    'headless',
    'cascade',
    'menu',
    'menus',
    'isCJKLanguage',
    'images',
    'featured_image',
    'showToc',
    'math',
    'build',
  ],
  Zola: ['path', 'template', 'in_search_index', 'render', 'extra', 'taxonomies', 'insert_anchor_links'],
  Eleventy: ['eleventyExcludeFromCollections', 'eleventyNavigation', 'eleventyComputed', 'eleventyImport', 'pagination', 'language'],
};

export const otherKnownKeys: readonly string[] = [...new Set(Object.values(otherGeneratorKeys).flat())];

const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : isAbsent(value) ? [] : [value]);
const record = (value: unknown): Record<string, unknown> | undefined =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;

/**
 * The front matter with other generators' names for our fields read as ours;
 * our own keys always win. Every key is kept: the caller reports and keeps
 * what it does not use.
 */
export function asOurFields(
  data: Record<string, unknown>,
  { jekyllPost = false, folderCategories = [] }: { jekyllPost?: boolean; folderCategories?: readonly string[] } = {},
): Record<string, unknown> {
  const ours: Record<string, unknown> = { ...data };
  // `tags: harbour, strike` is a list as Pelican, WordPress exports and most writers mean it (Jekyll and Hugo would
  // make one tag, or "harbour," of it); Jekyll reads `categories: jekyll update` and `tags: a b` as space-separated.
  const words = (value: unknown): unknown =>
    typeof value !== 'string' ? value : value.includes(',') ? value.split(',') : jekyllPost ? value.split(/\s+/).filter(Boolean) : value;
  const fill = (key: string, value: unknown) => {
    if (isAbsent(ours[key]) && !isAbsent(value)) ours[key] = value;
  };
  // Jekyll's excerpt, the dek when there is no description.
  fill('description', data.excerpt);
  // Jekyll's `category` joins `categories`; Zola puts taxonomies in a table.
  const taxonomies = record(data.taxonomies);
  for (const name of ['categories', 'tags', 'authors'] as const) {
    const joined = [
      // Jekyll: the folders above `_posts` (`news/_posts/…`) are a post's first categories.
      ...(name === 'categories' ? folderCategories : []),
      // A name may hold a comma or a space ("McKenna, Barbara"): only terms are lists in one string.
      ...asList(name === 'authors' ? data[name] : words(data[name])),
      ...(name === 'categories' ? asList(data.category) : []),
      ...asList(taxonomies?.[name]),
    ];
    if (joined.length > 0) ours[name] = [...new Set(joined)];
  }
  fill('updated', data.lastmod ?? data.last_modified_at);
  fill('date', data.publishDate);
  // Jekyll: `published: false` keeps a post out of the site, as a draft.
  if (data.published === false || data.published === 'false') fill('draft', true);
  // Hugo lists images; jekyll-seo-tag allows `image: { path: ... }`.
  const image = record(data.image);
  if (image) ours.image = image.path ?? image.url;
  fill('image', asList(data.images)[0] ?? data.featured_image);
  fill('lang', data.language);
  return ours;
}

/** What a file's name says of its article: Jekyll's and Eleventy's date, the slug, and Hugo's language. */
export interface NamedByFile {
  /** `YYYY-MM-DD`. */
  date?: string | undefined;
  /** As written, not yet checked. */
  slug?: string | undefined;
  /** `post.es.md`, `index.es.md`: the language of a translation. */
  lang?: string | undefined;
  /** The name without its extension and language: `2024-01-01-new-year`, `index`. */
  stem: string;
  /** A page bundle's `index.md` (Hugo, Zola), named by its folder. */
  isBundle: boolean;
}

// Jekyll reads one-digit months and days too (`1999-12-6-ace_honors.md`).
const datedName = /^(\d{4})-(\d{1,2})-(\d{1,2})-(.+)$/;
const languageSuffix = /^(.+)\.([a-z]{2}(?:-[A-Za-z]{2,4})?)$/;

export function namedByFile(file: string): NamedByFile {
  let stem = path.posix.basename(file).replace(articleFileExtension, '');
  let lang: string | undefined;
  const translated = languageSuffix.exec(stem);
  if (translated) {
    stem = translated[1]!;
    lang = translated[2]!;
  }
  // A page bundle (Hugo, Zola): `my-post/index.md` is named by its folder.
  const isBundle = stem === 'index';
  const name = isBundle ? path.posix.basename(path.posix.dirname(file)) : stem;
  const dated = datedName.exec(name);
  if (!dated) return { slug: name, lang, stem, isBundle };
  const [, year, month, day, slug] = dated;
  return { date: `${year}-${month!.padStart(2, '0')}-${day!.padStart(2, '0')}`, slug, lang, stem, isBundle };
}

/** What a file says its article was published under before: addresses to redirect from. */
export interface OldAddresses {
  /** Root-relative page URLs (`/old/`, `/2013/11/22/demo-day.html`). */
  urls: string[];
  /** Addresses that cannot be kept, with why: said as warnings. */
  skipped: { field: string; value: string; reason: string }[];
  /** Addresses that would lead out of the site: errors. */
  refused: { field: string; value: string }[];
}

/** Front-matter keys that name an article's old addresses: Hugo's and Zola's aliases, jekyll-redirect-from, and the permalink, url or path it had. */
const oldAddressKeys = ['aliases', 'redirect_from', 'permalink', 'url', 'path'] as const;

/**
 * The old addresses of an article: those its front matter names, and, when
 * `contentPath` is given (a file that came from another generator), the one
 * its generator gave it by default: Jekyll's `/:categories/:year/:month/:day/:title.html`
 * for a post in `_posts/`; Hugo's, Zola's and Eleventy's path of the file in
 * the content folder (`/posts/my-post/`) for a file outside this tool's own
 * `YYYY/MM/` folders.
 */
/** Jekyll's built-in permalink styles, as its documentation lists them. */
const jekyllStyles: Record<string, string> = {
  date: '/:categories/:year/:month/:day/:title:output_ext',
  pretty: '/:categories/:year/:month/:day/:title/',
  ordinal: '/:categories/:year/:y_day/:title:output_ext',
  weekdate: '/:categories/:year/W:week/:short_day/:title:output_ext',
  none: '/:categories/:title:output_ext',
};

/** The placeholders of a permalink pattern that `jekyllAddress` does not know. */
export const unknownPlaceholders = (permalink: string): string[] =>
  (jekyllStyles[permalink] ?? permalink).match(/:[a-z_]+/g)?.filter((placeholder) => !jekyllPlaceholders.includes(placeholder.slice(1))) ?? [];

const jekyllPlaceholders = ['categories', 'year', 'month', 'day', 'i_month', 'i_day', 'short_year', 'y_day', 'title', 'slug', 'output_ext'];

/** A post's address under a Jekyll permalink style or pattern; placeholders it does not know stay, and make the address unkept. */
export function jekyllAddress(permalink: string, post: { date: string; slug: string; categories: string[] }): string {
  const [year = '', month = '', day = ''] = post.date.split('-');
  const dayOfYear = Math.round((Date.UTC(Number(year), Number(month) - 1, Number(day)) - Date.UTC(Number(year), 0, 1)) / 86_400_000) + 1;
  const values: Record<string, string> = {
    categories: post.categories.join('/'),
    year,
    month,
    day,
    i_month: String(Number(month)),
    i_day: String(Number(day)),
    short_year: year.slice(2),
    y_day: String(dayOfYear).padStart(3, '0'),
    title: post.slug,
    slug: post.slug,
    output_ext: '.html',
  };
  const pattern = jekyllStyles[permalink] ?? permalink;
  return pattern.replace(/:([a-z_]+)/g, (placeholder, name: string) => values[name] ?? placeholder).replace(/\/{2,}/g, '/');
}

export function oldAddressesOf(contentPath: string | undefined, fields: Record<string, unknown>, named: NamedByFile, permalink = 'date'): OldAddresses {
  const found: OldAddresses = { urls: [], skipped: [], refused: [] };
  for (const field of oldAddressKeys) {
    for (const value of asList(fields[field])) {
      if (typeof value !== 'string' || value.trim() === '') continue;
      const url = pageUrlOf(value.trim());
      if (url === 'outside') found.refused.push({ field, value });
      else if (typeof url === 'string') found.urls.push(url);
      else found.skipped.push({ field, value, reason: url.reason });
    }
  }
  // Without the file's place in the content folder, only the addresses the front matter names are known.
  if (contentPath === undefined) return { ...found, urls: [...new Set(found.urls)] };
  const folders = contentPath.split('/').slice(0, -1);
  if (folders.includes(postsFolder) && named.date !== undefined && named.slug !== undefined) {
    // `categories` as `asOurFields` reads them: with `category`, split into words as Jekyll does.
    const categories = asList(fields.categories).map((category) => String(category).toLowerCase());
    const url = pageUrlOf(jekyllAddress(permalink, { date: named.date, slug: named.slug, categories }));
    // A pattern this cannot follow was reported once, with the site's settings (`loadSite.ts`).
    if (typeof url === 'string' && url !== 'outside') found.urls.push(url);
  } else if (!/^\d{4}\/\d{2}(\/|$)/.test(folders.join('/')) && folders.length > 0 && !folders.includes(draftsFolder)) {
    // Hugo and Eleventy keep a dated name as it is (`/blog/2024-01-01-new-year/`), Zola drops the date (`/blog/new-year/`);
    // Hugo puts a translation under its language (`/es/posts/x/`).
    const names = named.isBundle ? [''] : [named.stem, ...(named.date !== undefined && named.slug !== undefined ? [named.slug] : [])];
    for (const last of names) {
      const url = pageUrlOf(`/${[...(named.lang ? [named.lang] : []), ...folders, last].filter(Boolean).join('/')}/`);
      if (typeof url === 'string') found.urls.push(url);
    }
  }
  return { ...found, urls: [...new Set(found.urls)] };
}

/**
 * An old address as a page URL of the site: its path (a full URL's host is
 * dropped), with a trailing slash unless it names a file (`.html`). `outside`
 * for one that climbs out of the site; a reason for one that cannot be a file
 * name here (a pattern like `/:year/:title/`, escapes, spaces).
 */
function pageUrlOf(address: string): string | 'outside' | { reason: string } {
  let pathPart = address;
  if (/^https?:\/\//i.test(address)) {
    if (!URL.canParse(address)) return { reason: 'is not a URL' };
    pathPart = new URL(address).pathname;
  } else if (/^[a-z][a-z0-9+.-]*:/i.test(address) || address.startsWith('//')) {
    return { reason: 'is not a path on this site' };
  }
  pathPart = pathPart.split(/[?#]/)[0]!;
  // Zola's `path` is written without its leading slash.
  if (!pathPart.startsWith('/')) pathPart = `/${pathPart}`;
  if (pathPart.split('/').some((segment) => segment === '..' || segment === '.') || pathPart.includes('\\')) return 'outside';
  if (/[:{}%*]/.test(pathPart)) return { reason: 'is a pattern or holds escapes, not one address' };
  const last = pathPart.split('/').pop() ?? '';
  const isFile = /\.[A-Za-z0-9]+$/.test(last);
  const url = (isFile || pathPart.endsWith('/') ? pathPart : `${pathPart}/`).replace(/\/{2,}/g, '/');
  return isSafePageUrl(url) ? url : { reason: 'holds characters that a file name here cannot' };
}

/** Jekyll's categories of a post from where it is: the folders above its `_posts` folder (`news/_posts/x.md`: `news`). */
export function folderCategoriesOf(inContent: string | undefined): string[] {
  const folders = inContent?.split('/').slice(0, -1) ?? [];
  const posts = folders.lastIndexOf(postsFolder);
  return posts > 0 ? folders.slice(0, posts).filter((folder) => folder !== postsFolder) : [];
}
