/** An article as pages show it: formatted dates, links to its terms and source, an excerpt, the reading time. */
import { formatLongDate } from '../dates.ts';
import type { SafeArticle } from '../sanitize/sanitizeArticles.ts';
import { openingLength, openingOf } from '../sanitize/bodyText.ts';
import type { PictureSizes } from '../media/pictureSizes.ts';
import type { SiteSettings } from '../schema/site.ts';
import { directionOf, type Translator } from '../strings/words.ts';
import type { ArticleSummary, ArticleView, DateView, SourceView } from './pages.ts';
import type { Taxonomy } from './taxonomy.ts';

/** Words a minute, for reading time; a common figure for adults reading news. */
const wordsPerMinute = 230;
/** Cut from a text's opening (`openingOf`), all a build with a cache holds of it: shorter than that. */
const excerptLength = Math.min(200, openingLength - 1);

export function articleView(
  article: SafeArticle,
  settings: SiteSettings,
  words: Translator,
  taxonomies: readonly Taxonomy[],
  source: SourceView | undefined,
  pictureSizes: ReadonlyMap<string, PictureSizes> = new Map(),
): ArticleView {
  const linksOf = (name: Taxonomy['name']) => taxonomies.find((taxonomy) => taxonomy.name === name)!.linksOf(article[name]);
  const readingMinutes = Math.max(1, Math.round(article.wordCount / wordsPerMinute));
  // Under `remoteImages: block` a lead image without a copy in the archive is a link, not a picture.
  const elsewhere = settings.remoteImages === 'block' && article.image !== undefined && /^https?:/i.test(article.image);
  const image = elsewhere ? undefined : article.image;
  const lang = article.lang !== undefined && !sameLanguage(article.lang, settings.language) ? article.lang : undefined;
  return {
    url: article.url,
    title: article.title,
    lang,
    dir: lang === undefined || directionOf(lang) === directionOf(settings.language) ? undefined : directionOf(lang),
    description: article.description,
    excerpt: excerptOf(article),
    date: dateView(article.date.iso, settings.language),
    updated: article.updated && dateView(article.updated.iso, settings.language),
    source,
    authors: linksOf('authors'),
    link: article.link,
    archivedCopy: article.link && waybackUrl(article.link, article.date.epochMs),
    linkDead: article.link_status === 'dead' || undefined,
    image,
    imageElsewhere: elsewhere ? article.image : undefined,
    imageCaption: article.image_caption,
    imageCredit: article.image_credit,
    picture: image === undefined ? undefined : { src: image, alt: article.image_caption ?? '', ...pictureSizes.get(image) },
    tags: linksOf('tags'),
    categories: linksOf('categories'),
    readingMinutes,
    readingTime: article.wordCount > 0 ? words.text('readingTime', { count: readingMinutes }) : undefined,
    wordCount: article.wordCount,
    html: article.html,
    draft: article.draft || undefined,
  };
}

export const summaryOf = ({ url, title, lang, dir, excerpt, date, source, draft, picture, captures }: ArticleView): ArticleSummary => ({
  url,
  title,
  lang,
  dir,
  excerpt,
  date,
  source,
  draft,
  picture,
  captures,
});

/**
 * The Internet Archive's copy of an address as of a moment: `https://web.archive.org/web/20260106000000/<url>`.
 * The Wayback Machine answers with the capture nearest that time; nothing is fetched to make the link.
 */
export function waybackUrl(url: string, epochMs: number): string {
  const stamp = new Date(epochMs).toISOString().replace(/[-:T]/g, '').slice(0, 14);
  return `https://web.archive.org/web/${stamp}/${url}`;
}

/** `en-GB` and `en` are one language to a reader; `pt` and `es` are not. */
const sameLanguage = (a: string, b: string): boolean => a.split('-')[0]!.toLowerCase() === b.split('-')[0]!.toLowerCase();

const dateView = (iso: string, language: string): DateView => ({ iso, display: formatLongDate(iso, language) });

/** The dek when there is one, else the opening of the text, cut at a word. */
function excerptOf(article: SafeArticle): string {
  const text = article.description ?? article.summary ?? openingOf(article.text);
  if (text.length <= excerptLength) return text;
  const cut = text.slice(0, excerptLength);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), excerptLength / 2)).trimEnd()}…`;
}
