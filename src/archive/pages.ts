/**
 * The page objects templates render. Each holds exactly what its page shows,
 * already sorted, grouped, counted and formatted: templates only render.
 */

export interface SiteView {
  title: string;
  description?: string | undefined;
  language: string;
  /** Without a trailing slash; absent when the site may live in any folder. */
  baseUrl?: string | undefined;
}

export interface DateView {
  /** Machine-readable, for `<time datetime>`: `2026-01-06T00:00:00.000Z`. */
  iso: string;
  /** For people, in the site's language: "6 January 2026". */
  display: string;
}

export interface Link {
  url: string;
  label: string;
}

export interface SourceView {
  name: string;
  /** Our page of the source's articles. */
  url: string;
  /** The publisher's site, when known. */
  siteUrl?: string | undefined;
  /** The feed the article came from, when known. */
  feedUrl?: string | undefined;
}

/** An article as a list shows it. */
export interface ArticleSummary {
  url: string;
  title: string;
  excerpt: string;
  date: DateView;
  source?: SourceView | undefined;
}

export interface ArticleView extends ArticleSummary {
  description?: string | undefined;
  authors: Link[];
  updated?: DateView | undefined;
  /** The original article. */
  link?: string | undefined;
  image?: string | undefined;
  tags: Link[];
  categories: Link[];
  readingMinutes: number;
  wordCount: number;
  /** Sanitized HTML: the only content markup a template may output unescaped. */
  html: string;
}

export interface Pagination {
  pageNumber: number;
  pageCount: number;
  itemCount: number;
  first?: string | undefined;
  previous?: string | undefined;
  next?: string | undefined;
  last?: string | undefined;
}

interface PageBase {
  /** Root-relative, ends with `/`: `/2026/01/06/some-slug/`. */
  url: string;
  /** The `<title>`, without the site name. */
  title: string;
  /** `<meta name="description">`. */
  description: string;
}

export interface ArticlePage extends PageBase {
  kind: 'article';
  /** Home › year › month › day. */
  breadcrumbs: Link[];
  article: ArticleView;
  newer?: Link | undefined;
  older?: Link | undefined;
}

export interface ListPage extends PageBase {
  kind: 'list';
  heading: string;
  items: ArticleSummary[];
  pagination: Pagination;
  /** On a source's pages: the publisher's site and feed. */
  source?: SourceView | undefined;
}

/** A term with the number of articles it has: a tag on `/tags/`. */
export interface TermLink extends Link {
  count: number;
  /** For a source: the publisher's site and feed, when known. */
  siteUrl?: string | undefined;
  feedUrl?: string | undefined;
}

/** The overview of a taxonomy: `/tags/`. */
export interface TermIndexPage extends PageBase {
  kind: 'terms';
  heading: string;
  /** Most used first; ties A–Z. */
  byCount: TermLink[];
  /** A–Z by name. */
  alphabetical: TermLink[];
}

export interface MonthCell {
  label: string;
  count: number;
  /** Absent for a month without articles. */
  url?: string | undefined;
}

export interface YearRow {
  label: string;
  url: string;
  count: number;
  /** "1 article", "12 articles". */
  countLabel: string;
  /** All twelve months, January first. */
  months: MonthCell[];
}

/** `/archive/`: every year with its months and counts. */
export interface CalendarPage extends PageBase {
  kind: 'calendar';
  heading: string;
  years: YearRow[];
}

export interface Archive {
  site: SiteView;
  articlePages: ArticlePage[];
  listPages: ListPage[];
  termIndexPages: TermIndexPage[];
  calendarPages: CalendarPage[];
}
