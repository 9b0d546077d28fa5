/**
 * The page objects templates render. Each holds exactly what its page shows,
 * already sorted, grouped, counted and formatted: templates only render.
 */
import type { PictureSizes } from '../media/pictureSizes.ts';
import type { BodyHtml } from '../sanitize/bodyHtml.ts';
import type { BodyText } from '../sanitize/bodyText.ts';
import type { SafeArticle } from '../sanitize/sanitizeArticles.ts';
import type { MessagePart, PluralMessage, SiteWords } from '../strings/words.ts';

/** An article as the builders of pages read it: its text is in its view's excerpt and its relations. */
export type PageArticle = Omit<SafeArticle, 'text'> & {
  /** Kept for an article with earlier versions, which its changes page compares it with (see `archiveContext`). */
  text?: BodyText | undefined;
};

export interface SiteView {
  /** The site's name, from site.yaml. */
  title: string;
  /** One sentence about the archive, from site.yaml. */
  description?: string | undefined;
  /** The site's language tag (`en`, `de-AT`), for `lang` and dates. */
  language: string;
  /** `rtl` for a language written right to left. */
  direction: 'ltr' | 'rtl';
  /** Every word of the pages, in the site's language (templates: `{{ "latestNews" | t }}`). */
  words: SiteWords;
  /** Without a trailing slash; absent when the site may live in any folder. */
  baseUrl?: string | undefined;
  /** The Content-Security-Policy of every page. */
  contentSecurityPolicy: string;
  /** The whole archive's feeds; absent without a base URL, as feeds need absolute URLs. */
  feeds: FeedLink[];
  /** The site's own pages and files that every page links to. */
  links: SiteLinks;
  /** The masthead's logo: a root-relative or absolute URL. */
  logo?: string | undefined;
  /** The icon browsers show. */
  favicon: string;
  /** The masthead's links. */
  navigation: Link[];
  /** The line at the foot of every page. */
  footer: string;
  /** The stylesheet with the site's own colours, when it has them. */
  siteStylesheet?: string | undefined;
}

/** Root-relative URLs of what the masthead, footer and utility pages link to (from `routes.ts`). */
export interface SiteLinks {
  /** The home page: the latest articles. */
  home: string;
  /** `/archive/`: years and months. */
  calendar: string;
  /** `/tags/`: every tag. */
  tags: string;
  /** `/categories/`. */
  categories: string;
  /** `/authors/`. */
  authors: string;
  /** `/sources/`. */
  sources: string;
  /** `/search/`. */
  search: string;
  /** The tool's stylesheet (or the site's own `assets/style.css`). */
  stylesheet: string;
  /** The search page's script. */
  searchScript: string;
}

/** The media types of the feeds, as `<link rel="alternate">` announces them. */
export const feedTypes = { atom: 'application/atom+xml', json: 'application/feed+json' } as const;

/** A `<link rel="alternate">` to a feed, for autodiscovery. */
export interface FeedLink {
  /** Root-relative URL of the feed. */
  url: string;
  /** `application/atom+xml` or `application/feed+json`. */
  type: (typeof feedTypes)[keyof typeof feedTypes];
  /** The feed's title, for `<link rel="alternate" title>`. */
  title: string;
  /** For a visible link: "Atom feed". */
  label: string;
}

export interface DateView {
  /** Machine-readable, for `<time datetime>`: `2026-01-06T00:00:00.000Z`. */
  iso: string;
  /** For people, in the site's language: "6 January 2026". */
  display: string;
}

export interface Link {
  /** Root-relative URL of a page of the site, or an absolute one. */
  url: string;
  /** The text of the link. */
  label: string;
}

export interface SourceView {
  /** The outlet, as site.yaml names it or from the host of its feed or link. */
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
  /** The article's page, root-relative. */
  url: string;
  /** The headline. */
  title: string;
  /** The article's language, when it is not the site's: its title and text carry `lang`. */
  lang?: string | undefined;
  /** `rtl` or `ltr` when the article's language is written the other way from the site's. */
  dir?: 'ltr' | 'rtl' | undefined;
  /** The dek, else the opening of the text, cut at a word. */
  excerpt: string;
  /** When it was published, on the site's calendar. */
  date: DateView;
  /** Who published it; absent when nothing says. */
  source?: SourceView | undefined;
  /** Only in previews: a draft, marked as one. */
  draft?: boolean | undefined;
  /** The lead image, for a thumbnail: its text is the image's caption, or empty. */
  picture?: Picture | undefined;
  /** When the archive holds more than one capture of it: "2 captures" (the copies are not listed). */
  captures?: string | undefined;
}

/** An image to show: where it is, and what it says to those who cannot see it; for the archive's own, its size and narrower copies. */
export interface Picture extends Partial<PictureSizes> {
  src: string;
  /** Empty when it has no caption: a thumbnail beside its headline adds nothing to read out. */
  alt: string;
}

export interface ArticleView extends ArticleSummary {
  /** The dek, when the article has one. */
  description?: string | undefined;
  /** Each author, linking to the author's page. */
  authors: Link[];
  /** When it was last changed, when it says. */
  updated?: DateView | undefined;
  /** The original article. */
  link?: string | undefined;
  /** The Internet Archive's copy of the original as of the article's date (made from data, never fetched). */
  archivedCopy?: string | undefined;
  /** The original is no longer at its address (`link_status: dead`): the archived copy comes first. */
  linkDead?: boolean | undefined;
  /** The lead image: a URL. */
  image?: string | undefined;
  /** The lead image's address, when the site shows no pictures from elsewhere (`remoteImages: block`) and the archive has no copy. */
  imageElsewhere?: string | undefined;
  /** What the lead image shows. */
  imageCaption?: string | undefined;
  /** Who made the lead image. */
  imageCredit?: string | undefined;
  /** Each tag, linking to the tag's page. */
  tags: Link[];
  /** Each category, linking to the category's page. */
  categories: Link[];
  /** Minutes to read it, at 230 words a minute; at least 1. */
  readingMinutes: number;
  /** "4 min read", in the site's language; absent for an article without text. */
  readingTime?: string | undefined;
  /** Words of its text. */
  wordCount: number;
  /** Sanitized HTML: the only content markup a template may output unescaped. */
  // Until its page is rendered, where the cache holds it (`bodyHtml.ts`): templates receive the HTML.
  html: BodyHtml;
}

/** Where a page sits in its list. Pages are numbered from the oldest (`page/1/`), and the list's own URL, with the newest articles, is the last. */
export interface Pagination {
  /** This page of the list, from 1, the oldest; the list's own URL is the last. */
  pageNumber: number;
  /** On the list's own URL only, how many pages the list has: a settled page never says it, as it grows. */
  pageCount?: number | undefined;
  /** The list's own URL, with the newest articles, when this is not it. */
  newest?: string | undefined;
  /** The next newer page, when this is not the newest. */
  newer?: string | undefined;
  /** The next older page, when there is one. */
  older?: string | undefined;
  /** `page/1/`, the oldest articles, when this is not it. */
  oldest?: string | undefined;
}

interface PageBase {
  /** Root-relative, ends with `/`: `/2026/01/06/some-slug/`. */
  url: string;
  /** The `<title>`, without the site name. */
  title: string;
  /** `<meta name="description">`. */
  description: string;
  /** Links on the page start with this instead of being relative to it (see `LinkingPage`). */
  linkRoot?: string | undefined;
  /** Feeds of what this page lists, besides the site's. */
  feeds?: FeedLink[] | undefined;
}

export interface ArticlePage extends PageBase {
  /** Rendered by `article.njk`. */
  kind: 'article';
  /** Search filters and sort keys (Pagefind), and the month (on the site's calendar) that picks the article's part of the index. */
  search: { year: string; month: string; date: string };
  /** "More like this": alike in text and tags, near in time; not this article's story. */
  related: ArticleSummary[];
  /** The story this article is part of, with its counts: "5 articles from 4 sources". */
  story?: Link | undefined;
  /** The same story from other sources. */
  alsoCoveredBy: ArticleSummary[];
  /** When this is a second capture of an article: the one it copies. */
  copyOf?: Link | undefined;
  /** Home › year › month › day. */
  breadcrumbs: Link[];
  /** The same article in other languages, each with its language tag; the label is the language's own name. */
  translations: (Link & { lang: string })[];
  /** The sentences of the page that hold links or dates, in the site's language, as parts (`_includes/words.njk` renders them). */
  messages: {
    /** "By A, B and C", each a link to the author's page. */
    byline?: MessagePart[] | undefined;
    /** "Updated <time>". */
    updated?: MessagePart[] | undefined;
    /** The text of the link to the original: "Read the original at Example News". */
    originalLink: string;
    /** The text of the link to the Internet Archive's copy. */
    archivedCopy: string;
    /** "Filed under A, B". */
    filedUnder?: MessagePart[] | undefined;
    /** "Also in español, français". */
    translations?: MessagePart[] | undefined;
    /** "A second capture of <the original>." */
    copyOf?: MessagePart[] | undefined;
    /** In a preview, for a draft: "Draft: shown in the preview only…". */
    draft?: string | undefined;
    /** "<All the coverage of this story>: 5 articles from 4 sources, 6 January 2026." */
    story?: MessagePart[] | undefined;
  };
  /** The article itself. */
  article: ArticleView;
  /** For an article its feed revised: the page of what changed ("See what changed"). */
  changes?: Link | undefined;
  /** The next newer article of the site, with its language when it is not the site's. */
  newer?: (Link & Pick<ArticleSummary, 'lang' | 'dir'>) | undefined;
  /** The next older article of the site, with its language when it is not the site's. */
  older?: (Link & Pick<ArticleSummary, 'lang' | 'dir'>) | undefined;
}

// Made from its article and the site alone, by the process that renders the page (`render/eleventyRun.ts`): the
// Archive does not hold them, two fifths of an article page's bytes, and work for pages that are not written again.
/** An article page as `article.njk` receives it: with its link previews and JSON-LD. */
export interface RenderedArticlePage extends ArticlePage {
  /** Open Graph and Twitter card tags, as property/name → content pairs. */
  socialMeta: MetaTag[];
  /** JSON-LD `NewsArticle`, serialized so that it is safe inside `<script>`. */
  structuredData: string;
}

/** A story as a front page shows it: an article of it, the outlets that covered it, its page. */
export interface FrontStory {
  article: ArticleSummary;
  /** "Covered by Fox News, Reuters and 2 more", linking to each outlet's page; absent for one outlet. */
  coverage?: MessagePart[] | undefined;
  /** The story's page ("All the coverage of this story"); absent for an article that is no story's. */
  story?: Link | undefined;
}

/** A day's articles in a list. */
export interface DayGroup {
  /** `2026-01-06`, for `<time datetime>`. */
  day: string;
  /** "6 January 2026"; absent on a day's own page, whose heading says it. */
  heading?: string | undefined;
  items: ArticleSummary[];
}

export interface ListPage extends PageBase {
  /** Rendered by `list.njk`: the home page, every year, month and day, term and source. */
  kind: 'list';
  /** "Latest news", "Tagged “Kyiv”", "6 January 2026". */
  heading: string;
  /** "Page 3 of 12" on the list's own URL, "Page 3" on a settled page. */
  pageLabel: string;
  /** The articles of this page of the list, newest first; a second capture only through its original ("2 captures"). */
  items: ArticleSummary[];
  /** On the first page of the home page and of each day: the day's biggest story, with its picture, and its other stories. */
  front?: { lead: FrontStory; top: FrontStory[] } | undefined;
  /** The page's articles under their days' headings, those the front shows left out. */
  days: DayGroup[];
  /** Where this page is among the pages of the list. */
  pagination: Pagination;
  /** On a source's pages: the publisher's site and feed. */
  source?: SourceView | undefined;
}

/** A term with the number of articles it has: a tag on `/tags/`. */
export interface TermLink extends Link {
  /** Articles with the term. */
  count: number;
  /** The count as the site's language writes numbers. */
  countLabel: string;
  /** For a source: the publisher's site and feed, when known. */
  siteUrl?: string | undefined;
  /** For a source: the feed its articles came from. */
  feedUrl?: string | undefined;
}

/** The overview of a taxonomy: `/tags/`. */
export interface TermIndexPage extends PageBase {
  /** Rendered by `terms.njk`: `/tags/`, `/categories/`, `/authors/`, `/sources/`. */
  kind: 'terms';
  /** "Tags", "Sources". */
  heading: string;
  /** Most used first; ties A–Z. */
  byCount: TermLink[];
  /** A–Z by name. */
  alphabetical: TermLink[];
  /** On `/sources/`: `/sources.opml`, every source's feed at once, when one has a feed. */
  opml?: string | undefined;
}

export interface MonthCell {
  /** The month's short name in the site's language: "Jan". */
  label: string;
  /** Articles of the month. */
  count: number;
  /** The count as the site's language writes numbers. */
  countLabel: string;
  /** Absent for a month without articles. */
  url?: string | undefined;
}

export interface YearRow {
  /** "2026". */
  label: string;
  /** The year's list. */
  url: string;
  /** Articles of the year. */
  count: number;
  /** "1 article", "12 articles". */
  countLabel: string;
  /** All twelve months, January first. */
  months: MonthCell[];
}

/** `/archive/`: every year with its months and counts. */
export interface CalendarPage extends PageBase {
  /** Rendered by `calendar.njk`: `/archive/`. */
  kind: 'calendar';
  /** "Archive". */
  heading: string;
  /** Newest first. */
  years: YearRow[];
}

/** A run of words in a comparison of two versions: kept, or only in the earlier (`removed`) or the later (`added`). */
export interface DiffSegment {
  text: string;
  change?: 'added' | 'removed' | undefined;
}

/** One changed part of an article (its headline, its dek or its text), paragraph by paragraph. */
export interface ChangedPart {
  /** "Headline", "Summary", "Text". */
  label: string;
  paragraphs: DiffSegment[][];
}

/** One revision: what the article's feed changed at one time, from the version before to the one after. */
export interface ArticleChange {
  /** "Changed <time>". */
  heading: MessagePart[];
  /** Only the parts that changed. */
  parts: ChangedPart[];
}

/** `<article URL>changes/`: the earlier versions of an article its feed revised, compared word by word with the next. */
export interface ChangesPage extends PageBase {
  /** Rendered by `changes.njk`. */
  kind: 'changes';
  /** "What changed". */
  heading: string;
  /** The article as it is now; with its language when it is not the site's. */
  article: Link & Pick<ArticleSummary, 'lang' | 'dir'>;
  /** Home › year › month › day › the article. */
  breadcrumbs: Link[];
  /** How to read the page: what is struck through, what underlined. */
  intro: string;
  /** The words read out before a removed and an added run. */
  marks: { removed: string; added: string };
  /** Newest first. */
  changes: ArticleChange[];
}

/** One source's articles in a story, oldest first. */
export interface StorySource {
  /** The outlet; absent for the articles no source is named for, listed last. */
  name?: string | undefined;
  /** Our page of the source. */
  url?: string | undefined;
  /** Its articles in the story; `copy` marks a second capture. */
  items: (ArticleSummary & { copy?: boolean | undefined })[];
}

/** `/stories/<slug>/`: one event's coverage, by source and time. */
export interface StoryPage extends PageBase {
  /** Rendered by `story.njk`. */
  kind: 'story';
  /** The lead article's headline. */
  heading: string;
  /** "6 articles from 5 sources, 3–5 February 2026"; copies counted apart. */
  summary: string;
  /** Sources in the order they first reported. */
  sources: StorySource[];
}

export interface MetaTag {
  /** `property` for Open Graph, `name` for Twitter. */
  attribute: 'property' | 'name';
  key: string;
  content: string;
}

/** An Atom entry or JSON Feed item: one article with absolute URLs. */
export interface FeedEntry {
  /** Permanent: the article's absolute URL, which never depends on the build. */
  id: string;
  url: string;
  title: string;
  /** RFC 3339. */
  published: string;
  updated: string;
  authors: string[];
  categories: { term: string; scheme: string }[];
  summary?: string | undefined;
  image?: string | undefined;
  /** The original article. */
  externalUrl?: string | undefined;
  /** Sanitized HTML; absent in a summary feed (site.yaml's `feedContent: summary`), whose entries carry their summary and link. */
  // Until the feed is rendered, where the cache holds it (`bodyHtml.ts`): templates receive the HTML.
  html?: BodyHtml | undefined;
}

/** One feed, in both formats' terms: Atom (`atom-feed`) or JSON Feed 1.1 (`json-feed`). */
export interface FeedPage {
  kind: 'atom-feed' | 'json-feed';
  url: string;
  /** Absolute URL of this feed (`rel="self"`). */
  selfUrl: string;
  /** Absolute URL of the page the feed follows. */
  pageUrl: string;
  title: string;
  description?: string | undefined;
  language: string;
  /** Who publishes the feed: the site. */
  author: string;
  /** The newest entry's date (RFC 3339), never the build's, so unchanged content gives an unchanged feed. */
  updated: string;
  entries: FeedEntry[];
  /** Feed paging and archiving (RFC 5005): `prev-archive`, `next-archive`, `current`, as absolute URLs. */
  history?: { rel: 'prev-archive' | 'next-archive' | 'current'; href: string }[] | undefined;
  /** An archive document of the whole feed's history (`<fh:archive/>`): once full, it never changes. */
  archive?: boolean | undefined;
}

export interface SitemapUrl {
  loc: string;
  /** W3C datetime, when known. */
  lastmod?: string | undefined;
}

/** `/sitemap.xml`: a list of URLs, or, past 50,000 of them, an index of sitemaps. */
export interface SitemapPage {
  kind: 'sitemap';
  /** An index of sitemaps rather than of pages. */
  isIndex: boolean;
  url: string;
  entries: SitemapUrl[];
}

export interface SearchPage extends PageBase {
  kind: 'search';
  /** The browser code of each part of the search index, newest first (see `src/search/searchParts.ts`). */
  indexUrls: string[];
  /** Results shown at a time: as many as a page of a list (site.yaml's `pageSize`). */
  resultsPerPage: number;
  /** Shown without JavaScript: where else every article is listed. */
  noScript: MessagePart[];
  /** The words the search script writes, as JSON in the page: messages with `{count}` by plural form. */
  scriptWords: {
    unavailable: string;
    filters: Record<'tag' | 'source' | 'year', { label: string; legend: string }>;
    found: PluralMessage;
    foundFor: PluralMessage;
    none: string;
    noneFor: string;
    more: string;
  };
}

/** A page at an address an article was published under before, sending readers (and crawlers, by its canonical link) to it. */
export interface RedirectPage extends PageBase {
  kind: 'redirect';
  /** Root-relative: where the article is now. */
  target: string;
  /** "This article has moved: <its title>." */
  moved: MessagePart[];
}

/** `/_redirects`: every old address and where it moved, as Netlify and Cloudflare Pages read it. */
export interface RedirectListPage {
  kind: 'redirect-list';
  url: string;
  redirects: { from: string; to: string }[];
}

/** `/404.html`, which hosts serve at any missing address. */
export interface NotFoundPage extends PageBase {
  kind: 'not-found';
}

export interface RobotsPage extends PageBase {
  kind: 'robots';
  /** The sitemap's absolute URL, when there is a sitemap. */
  sitemapUrl?: string | undefined;
}

/** `/sources.opml`: the feeds of the archive's sources, for a feed reader; templates write it with `this.opml(p)`. */
export interface SourcesOpmlPage {
  kind: 'sources-opml';
  url: string;
  title: string;
  /** Each source with a feed: its name, its feed and its site. */
  outlines: { text: string; xmlUrl: string; htmlUrl?: string | undefined }[];
}

/** `/assets/site.css`: the site's own colours, from site.yaml. */
export interface SiteStylePage {
  kind: 'site-style';
  url: string;
  /** A hex colour, checked by the site schema. */
  accentColor: string;
}

/** A file of the content folder that pages show (an image beside its post), copied as it is, not rendered. */
export interface CopiedFilePage {
  kind: 'file';
  url: string;
  /** Its path on disk, in the content folder. */
  source: string;
  /** Of its bytes, so that its page hash changes with them. */
  hash: string;
  /** A narrower copy of a picture (`media/pictureSizes.ts`), made when it is published. */
  resize?: { width: number; format: 'jpeg' | 'png' | 'webp' } | undefined;
}

/** A part of the search index: a name that is also its folder under `/pagefind/`, and its article pages, in URL order. */
export interface SearchPart {
  name: string;
  pages: ArticlePage[];
}

/**
 * A page the last build wrote with the hash this one gives it, whose file is still there: known by its URL and hash,
 * not made again (`ArchiveOptions.pageHashing`). Never rendered.
 */
export interface UnchangedPage {
  kind: 'unchanged';
  /** The page's URL, as the page made would have it. */
  url: string;
  /** What it is made from, hashed: the hash the last build recorded for it. */
  hash: string;
}

/** Every page and file of the site, one kind per template. */
export type Page =
  | ArticlePage
  | ListPage
  | TermIndexPage
  | CalendarPage
  | StoryPage
  | ChangesPage
  | FeedPage
  | SitemapPage
  | SearchPage
  | NotFoundPage
  | RobotsPage
  | RedirectPage
  | RedirectListPage
  | SourcesOpmlPage
  | SiteStylePage
  | CopiedFilePage
  | UnchangedPage;

/** What a template renders (a `file` is copied); its `pagination.data` is `archive.pages.<kind>` (`pagesByKind` in `render/eleventyRun.ts`). */
export type PageKind = Page['kind'];

export type PageOfKind<K extends PageKind> = Extract<Page, { kind: K }>;

export interface Archive {
  site: SiteView;
  /** Every page and file, in the order they are built: rendering, URL checks, hashes and the sitemap walk this one list. */
  pages: Page[];
  /** Not pages: what the search index is made of (the article pages by part), indexed while the pages render. */
  searchParts: SearchPart[];
  /** The hashes of the pages hashed from what they are made from as they were made, by URL (`ArchiveOptions.pageHashing`). */
  pageHashes?: ReadonlyMap<string, string> | undefined;
}

/** The Archive's pages of one kind, in the Archive's order. */
export const pagesOf = <K extends PageKind>(archive: Pick<Archive, 'pages'>, kind: K): PageOfKind<K>[] =>
  archive.pages.filter((page): page is PageOfKind<K> => page.kind === kind);
