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

const isAbsent = (value: unknown): boolean => value === undefined || value === null || value === '';
const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : isAbsent(value) ? [] : [value]);
const record = (value: unknown): Record<string, unknown> | undefined =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;

/**
 * The front matter with other generators' names for our fields read as ours;
 * our own keys always win. Every key is kept: the caller reports and keeps
 * what it does not use.
 */
export function asOurFields(data: Record<string, unknown>): Record<string, unknown> {
  const ours: Record<string, unknown> = { ...data };
  const fill = (key: string, value: unknown) => {
    if (isAbsent(ours[key]) && !isAbsent(value)) ours[key] = value;
  };
  // Jekyll's excerpt, the dek when there is no description.
  fill('description', data.excerpt);
  // Jekyll's `category` joins `categories`; Zola puts taxonomies in a table.
  const taxonomies = record(data.taxonomies);
  for (const name of ['categories', 'tags', 'authors'] as const) {
    const joined = [...asList(data[name]), ...(name === 'categories' ? asList(data.category) : []), ...asList(taxonomies?.[name])];
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
}

const articleExtension = /\.(?:md|markdown|html?)$/i;
const datedName = /^(\d{4}-\d{2}-\d{2})-(.+)$/;
const languageSuffix = /^(.+)\.([a-z]{2}(?:-[A-Za-z]{2,4})?)$/;

export function namedByFile(file: string): NamedByFile {
  let name = path.posix.basename(file).replace(articleExtension, '');
  let lang: string | undefined;
  const translated = languageSuffix.exec(name);
  if (translated) {
    name = translated[1]!;
    lang = translated[2]!;
  }
  // A page bundle (Hugo, Zola): `my-post/index.md` is named by its folder.
  if (name === 'index') name = path.posix.basename(path.posix.dirname(file));
  const dated = datedName.exec(name);
  return dated ? { date: dated[1], slug: dated[2], lang } : { slug: name, lang };
}
