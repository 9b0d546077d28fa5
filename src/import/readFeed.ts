/**
 * An RSS 2.0, RSS 1.0 (RDF), Atom or JSON Feed document to article drafts,
 * one per item, in the seed-001 layout: title, date, description (the item's
 * summary as text, when it also has a body), link (without tracking
 * parameters), source (the feed's URL), tags (the item's categories),
 * authors, image, and the HTML body as the feed gives it (sanitized when the
 * site is built); and the outlet, from the feed's title.
 * Parsing is feedsmith's; nothing here reads XML.
 */
import { parseFeed } from 'feedsmith';
import { toText } from 'hast-util-to-text';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { withoutTracking } from '../duplicates/normalizeLink.ts';
import type { ArticleDraft } from '../write/articleFile.ts';

export interface FeedItemDraft {
  draft?: ArticleDraft;
  /** Why the item could not become an article (no title, no date). */
  missing?: string[];
  /** The item's title or link, to name it in reports. */
  label: string;
}

export interface ReadFeedResult {
  /** The feed's own URL, when it names one (`rel="self"`). */
  feedUrl?: string | undefined;
  /** The URL its articles are filed under as their source: the one it was fetched from, else its own. */
  source?: string | undefined;
  /** The outlet, from the feed's title without its section: "Baltic Herald — World" → "Baltic Herald". */
  outlet?: string | undefined;
  items: FeedItemDraft[];
}

export interface FeedDefaults {
  /** The feed's URL when known from outside (fetched from, or `--source`); wins over the feed's own. */
  source?: string | undefined;
  /** For items without a date of their own. */
  date?: string | undefined;
}

const htmlParser = unified().use(rehypeParse, { fragment: true });
/** The text a reader sees in an HTML fragment. */
export const textOfHtml = (html: string): string => toText(htmlParser.parse(html)).replace(/\s+/g, ' ').trim();

const clean = (text: string | undefined): string | undefined => {
  const trimmed = text?.replace(/\s+/g, ' ').trim();
  return trimmed ? trimmed : undefined;
};
const unique = (values: (string | undefined)[]): string[] => [...new Set(values.map(clean).filter((value) => value !== undefined))];
const httpOnly = (url: string | undefined): string | undefined => (url && /^https?:\/\//i.test(url) && URL.canParse(url) ? url : undefined);

/** Longer feed titles are no outlet's name and section: taken as they are. */
const maxOutletTitle = 300;

/**
 * A feed's title names its outlet and often a section after a dash, a bar, a colon or an arrow:
 * "Baltic Herald — World", "BBC News - Technology", "NYT > World News", "Reuters: Top News".
 * The section is dropped when it is a few words; a title without one is the outlet's name.
 */
export function outletOf(title: string | undefined): string | undefined {
  if (!title) return undefined;
  // An outlet's name and section are a few words; the patterns below take time that grows with the square of a
  // long title's length (a hostile feed's title of a million spaces would never end).
  if (title.length > maxOutletTitle) return title;
  const split = /^(.*?\p{L}.*?)\s+[—–|»>-]\s+(.+)$/u.exec(title) ?? /^(.*?\p{L}.*?):\s+(.+)$/u.exec(title);
  if (split && split[2]!.split(/\s+/).length <= 4) return split[1]!.trim();
  return title;
}

/** Throws with feedsmith's message when the text is no feed it knows. */
export function readFeed(text: string, defaults: FeedDefaults = {}): ReadFeedResult {
  const parsed = parseFeed(text) as Parsed;
  const entries = commonEntries(parsed);
  const source = httpOnly(defaults.source) ?? httpOnly(entries.selfUrl);
  return {
    feedUrl: entries.selfUrl,
    source,
    outlet: outletOf(clean(entries.title)),
    items: entries.items.map((item) => {
      const title = clean(item.title);
      const date = clean(item.date) ?? defaults.date;
      const label = title ?? item.link ?? 'an item without a title';
      const missing = [...(title ? [] : ['title']), ...(date ? [] : ['date'])];
      if (!title || !date) return { label, missing };
      const summary = item.summaryHtml ? clean(textOfHtml(item.summaryHtml)) : undefined;
      // An item with only a description: that is its text, not also its dek.
      const hasOwnBody = item.bodyHtml !== undefined && clean(textOfHtml(item.bodyHtml)) !== undefined;
      const link = httpOnly(item.link);
      return {
        label,
        draft: {
          title,
          date,
          description: hasOwnBody ? summary : undefined,
          image: httpOnly(item.image),
          link: link && withoutTracking(link),
          source,
          tags: unique(item.tags),
          authors: unique(item.authors),
          draft: false,
          body: (hasOwnBody ? item.bodyHtml : item.summaryHtml) ?? '',
        },
      };
    }),
  };
}

/** What every feed format says about an item, in one shape. */
interface CommonItem {
  title?: string | undefined;
  link?: string | undefined;
  date?: string | undefined;
  summaryHtml?: string | undefined;
  bodyHtml?: string | undefined;
  tags: (string | undefined)[];
  authors: (string | undefined)[];
  image?: string | undefined;
}

interface CommonFeed {
  title?: string | undefined;
  selfUrl?: string | undefined;
  items: CommonItem[];
}

/** feedsmith's result, narrowed to what is read here (each format's fields are typed where used). */
type Parsed = { format: 'rss' | 'rdf' | 'atom' | 'json'; feed: unknown };
type TextConstruct = string | { value?: string; type?: string } | undefined;

/** Atom text constructs: `type="html"` holds markup, the others text. */
const atomText = (construct: TextConstruct): string | undefined => {
  if (construct === undefined || typeof construct === 'string') return construct;
  return construct.type === 'html' || construct.type === 'xhtml' ? textOfHtml(construct.value ?? '') : construct.value;
};
const atomHtml = (construct: TextConstruct): string | undefined => {
  if (construct === undefined || typeof construct === 'string') return construct && escapeText(construct);
  return construct.type === 'html' || construct.type === 'xhtml' ? construct.value : construct.value && escapeText(construct.value);
};
const escapeText = (text: string): string => `<p>${text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}</p>`;

function commonEntries(parsed: Parsed): CommonFeed {
  switch (parsed.format) {
    case 'rss':
    case 'rdf': {
      const feed = parsed.feed as {
        title?: string;
        link?: string;
        atom?: { links?: { href?: string; rel?: string }[] };
        items?: {
          title?: string;
          link?: string;
          description?: string;
          pubDate?: string;
          categories?: { name?: string }[];
          authors?: string[];
          dc?: { creators?: string[]; date?: string; dates?: string[] };
          content?: { encoded?: string };
          enclosures?: { url?: string; type?: string }[];
          media?: { contents?: { url?: string; medium?: string; type?: string }[]; thumbnails?: { url?: string }[] };
        }[];
      };
      return {
        title: feed.title,
        selfUrl: feed.atom?.links?.find((link) => link.rel === 'self')?.href,
        items: (feed.items ?? []).map((item) => ({
          title: item.title,
          link: item.link,
          date: item.pubDate ?? item.dc?.date ?? item.dc?.dates?.[0],
          summaryHtml: item.description,
          bodyHtml: item.content?.encoded,
          tags: (item.categories ?? []).map((category) => category.name),
          authors: [...(item.authors ?? []), ...(item.dc?.creators ?? [])],
          image:
            item.media?.contents?.find((media) => media.medium === 'image' || media.type?.startsWith('image/'))?.url ??
            item.media?.thumbnails?.[0]?.url ??
            item.enclosures?.find((enclosure) => enclosure.type?.startsWith('image/'))?.url,
        })),
      };
    }
    case 'atom': {
      const feed = parsed.feed as {
        title?: TextConstruct;
        links?: { href?: string; rel?: string }[];
        entries?: {
          title?: TextConstruct;
          links?: { href?: string; rel?: string; type?: string }[];
          published?: string;
          updated?: string;
          summary?: TextConstruct;
          content?: TextConstruct;
          categories?: { term?: string; label?: string }[];
          authors?: { name?: string }[];
          media?: { thumbnails?: { url?: string }[] };
        }[];
      };
      return {
        title: atomText(feed.title),
        selfUrl: feed.links?.find((link) => link.rel === 'self')?.href,
        items: (feed.entries ?? []).map((entry) => ({
          title: atomText(entry.title),
          link: entry.links?.find((link) => (link.rel ?? 'alternate') === 'alternate')?.href,
          date: entry.published ?? entry.updated,
          summaryHtml: atomHtml(entry.summary),
          bodyHtml: atomHtml(entry.content),
          tags: (entry.categories ?? []).map((category) => category.label ?? category.term),
          authors: (entry.authors ?? []).map((author) => author.name),
          image: entry.links?.find((link) => link.rel === 'enclosure' && link.type?.startsWith('image/'))?.href ?? entry.media?.thumbnails?.[0]?.url,
        })),
      };
    }
    case 'json': {
      const feed = parsed.feed as {
        title?: string;
        feed_url?: string;
        home_page_url?: string;
        items?: {
          title?: string;
          url?: string;
          date_published?: string;
          date_modified?: string;
          summary?: string;
          content_html?: string;
          content_text?: string;
          tags?: string[];
          authors?: { name?: string }[];
          image?: string;
        }[];
      };
      return {
        title: feed.title,
        selfUrl: feed.feed_url,
        items: (feed.items ?? []).map((item) => ({
          title: item.title,
          link: item.url,
          date: item.date_published ?? item.date_modified,
          summaryHtml: item.summary && escapeText(item.summary),
          bodyHtml: item.content_html ?? (item.content_text && escapeText(item.content_text)),
          tags: item.tags ?? [],
          authors: (item.authors ?? []).map((author) => author.name),
          image: item.image,
        })),
      };
    }
  }
}
