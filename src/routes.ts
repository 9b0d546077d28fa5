/**
 * The URL contract: every address the site has, in one place. Feeds, search
 * engines and other sites link to these, so they are stable; every other
 * module and template gets its URLs from here (templates through the page
 * objects), never by building them.
 *
 * URLs are root-relative (`/2026/01/06/some-slug/`); pages link to each other
 * relative to themselves (`relativeUrl` below), and feeds and sitemaps
 * put the base URL in front.
 */
import path from 'node:path';

/** A day on the site's calendar, as `YYYY`, `MM`, `DD`. */
export interface CalendarDay {
  year: string;
  month: string;
  day: string;
}

/** The free-text taxonomies and the sources: each has an index page and a page per term. */
export type TermSpace = 'tags' | 'categories' | 'authors' | 'sources';

export const routes = {
  home: '/',
  article: ({ year, month, day }: CalendarDay, slug: string): string => `/${year}/${month}/${day}/${slug}/`,
  year: (year: string): string => `/${year}/`,
  month: (year: string, month: string): string => `/${year}/${month}/`,
  day: ({ year, month, day }: CalendarDay): string => `/${year}/${month}/${day}/`,
  /** Page N of a list: the first at the list's own URL, the rest at `<list>page/N/`. */
  /** A settled page of a list, numbered from the oldest (`archive/paginate.ts`): a permanent address. */
  listPage: (listUrl: string, pageNumber: number): string => `${listUrl}page/${pageNumber}/`,
  calendar: '/archive/',
  termIndex: (space: TermSpace): string => `/${space}/`,
  term: (space: TermSpace, slug: string): string => `/${space}/${slug}/`,
  story: (slug: string): string => `/stories/${slug}/`,
  /** What changed in an article its feed revised: under the article's own URL. */
  articleChanges: (articleUrl: string): string => `${articleUrl}changes/`,
  /** The feeds of a page that lists articles live under it. */
  atomFeed: (pageUrl: string): string => `${pageUrl}feed.xml`,
  jsonFeed: (pageUrl: string): string => `${pageUrl}feed.json`,
  sitemap: '/sitemap.xml',
  /** Past the protocol's 50,000 URLs, `/sitemap.xml` is an index of these. */
  sitemapPart: (number: number): string => `/sitemaps/${number}.xml`,
  search: '/search/',
  /** The browser code of one part of the search index (Pagefind writes the part's folder). */
  searchIndexPart: (name: string): string => `/pagefind/${name}/pagefind.js`,
  searchIndexFolder: 'pagefind',
  notFound: '/404.html',
  robots: '/robots.txt',
  /** The archive's whole history as Atom archive documents (RFC 5005), numbered from the oldest. */
  feedArchive: (number: number): string => `/feeds/archive/${number}.xml`,
  /** Every source with a feed, as OPML: a feed reader subscribes to all of them at once. */
  sourcesOpml: '/sources.opml',
  /** Response headers for hosts that read a `_headers` file (Netlify, Cloudflare Pages). */
  headers: '/_headers',
  /** Old addresses and where they moved, for hosts that read a `_redirects` file (Netlify, Cloudflare Pages). */
  redirects: '/_redirects',
  stylesheet: '/assets/style.css',
  searchScript: '/assets/search.js',
  /** The site's own colours (`accentColor` in site.yaml), after the stylesheet. */
  siteStylesheet: '/assets/site.css',
  /** The icon that ships, when site.yaml names none. */
  defaultFavicon: '/assets/favicon.svg',
  /** The site's logo and icon, when they are files of its content folder. */
  siteFile: (name: string) => `/assets/site/${name}`,
  /** Where `templates/assets/` is copied. */
  assetsFolder: 'assets',
} as const;

/**
 * Root-relative URLs made of safe segments only: folders like `/` and
 * `/2026/01/06/a-slug/` (slugs other generators published under may have
 * capitals, `_` and `.`), or files like `/tags/kyiv/feed.xml`.
 */
const safePageUrl = /^\/(?:[A-Za-z0-9][A-Za-z0-9._~-]*\/)*(?:[A-Za-z0-9][A-Za-z0-9._-]*\.[A-Za-z0-9]+)?$/;

/** A URL that can only ever name a file inside the output folder. */
export const isSafePageUrl = (url: string): boolean =>
  url === routes.redirects || (safePageUrl.test(url) && !url.split('/').some((segment) => segment === '..' || segment === '.'));

/** An HTML page (a folder's `index.html`, or a `.html` file), as against a feed, sitemap or text file. */
export const isHtmlPage = (url: string): boolean => url.endsWith('/') || url.endsWith('.html');

/** The file a page URL is written to, as path segments: `/a/b/` → `a/b/index.html`, `/feed.xml` → `feed.xml`. */
export const fileSegmentsOf = (url: string): string[] => [...url.split('/').filter(Boolean), ...(url.endsWith('/') ? ['index.html'] : [])];

/** The file a page URL is written to: `/a/b/` → `a/b/index.html`, `/feed.xml` → `feed.xml`. */
export const outputFileOf = (outputDir: string, url: string): string => path.join(outputDir, ...fileSegmentsOf(url));

/** `target` (root-relative, e.g. `/2026/01/`) as seen from the page at `from`. */
export function relativeUrl(target: string, from: string): string {
  if (!target.startsWith('/') || target.startsWith('//')) return target;
  const end = target.search(/[?#]/);
  const [targetPath, suffix] = end === -1 ? [target, ''] : [target.slice(0, end), target.slice(end)];
  const fromDir = from.endsWith('/') ? from : `${path.posix.dirname(from)}/`;
  let relative = isPlain(targetPath) && isPlain(fromDir) ? relativePath(fromDir, targetPath) : path.posix.relative(fromDir, targetPath);
  if (relative === '') relative = '.';
  if (targetPath.endsWith('/')) relative += '/';
  return relative + suffix;
}

/** A path without `.` or `..` segments or empty ones (`//`), which `relativePath` takes as they are. */
const isPlain = (value: string): boolean => !value.includes('//') && !value.includes('/.');

/**
 * `path.posix.relative` for plain paths from a folder (`/a/b/`): up from the folder to what they share, then down.
 * Every link of every page goes through it (30 a page), and `path.posix.relative` took 0.8 s of rendering 19,000.
 */
function relativePath(fromDir: string, to: string): string {
  // The end of the folder both are in: after the last `/` they share, or where `to` names a folder `fromDir` is in.
  let shared = 0;
  let i = 0;
  for (; i < fromDir.length && i < to.length && fromDir[i] === to[i]; i++) if (to[i] === '/') shared = i + 1;
  if (i === to.length && fromDir[i] === '/') shared = i + 1;
  let up = 0;
  for (let j = shared; j < fromDir.length; j++) if (fromDir[j] === '/') up++;
  const down = to.slice(shared).replace(/\/$/, '');
  const climbed = '../'.repeat(up);
  return down === '' ? climbed.slice(0, -1) : climbed + down;
}
