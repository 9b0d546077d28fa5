/**
 * What an article page tells machines: Open Graph and Twitter card tags for
 * link previews, and JSON-LD `NewsArticle` for search engines.
 */
import type { ArticleView, MetaTag } from './pages.ts';

interface PageContext {
  siteTitle: string;
  language: string;
  /** Without a trailing slash; absent when the site may live in any folder. */
  baseUrl?: string | undefined;
}

/** An image as link previews need it: absolute; the archive's own pictures only with a base URL. */
const absoluteImage = (image: string | undefined, baseUrl: string | undefined): string | undefined =>
  image?.startsWith('/') ? (baseUrl === undefined ? undefined : baseUrl + image) : image;

export function socialMeta(article: ArticleView, description: string, { siteTitle, baseUrl }: PageContext): MetaTag[] {
  const image = absoluteImage(article.image, baseUrl);
  const og = (key: string, content: string | undefined): MetaTag[] => (content ? [{ attribute: 'property', key, content }] : []);
  const twitter = (key: string, content: string | undefined): MetaTag[] => (content ? [{ attribute: 'name', key, content }] : []);
  return [
    ...og('og:type', 'article'),
    ...og('og:site_name', siteTitle),
    ...og('og:title', article.title),
    ...og('og:description', description),
    ...og('og:url', baseUrl && baseUrl + article.url),
    ...og('og:image', image),
    ...og('article:published_time', article.date.iso),
    ...og('article:modified_time', article.updated?.iso),
    ...og('article:section', article.categories[0]?.label),
    ...article.tags.flatMap((tag) => og('article:tag', tag.label)),
    ...twitter('twitter:card', image ? 'summary_large_image' : 'summary'),
    ...twitter('twitter:title', article.title),
    ...twitter('twitter:description', description),
    ...twitter('twitter:image', image),
  ];
}

/** JSON-LD `NewsArticle` (schema.org), serialized for a `<script type="application/ld+json">`. */
export function structuredData(article: ArticleView, { language, baseUrl }: PageContext): string {
  const url = baseUrl && baseUrl + article.url;
  const data = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: article.title,
    description: article.description,
    url,
    mainEntityOfPage: url,
    datePublished: article.date.iso,
    dateModified: (article.updated ?? article.date).iso,
    author: article.authors.length > 0 ? article.authors.map((author) => ({ '@type': 'Person', name: author.label })) : undefined,
    publisher: article.source && { '@type': 'Organization', name: article.source.name, url: article.source.siteUrl },
    image: absoluteImage(article.image, baseUrl) && [absoluteImage(article.image, baseUrl)],
    isBasedOn: article.link,
    keywords: article.tags.length > 0 ? article.tags.map((tag) => tag.label) : undefined,
    articleSection: article.categories.length > 0 ? article.categories.map((category) => category.label) : undefined,
    wordCount: article.wordCount,
    inLanguage: article.lang ?? language,
  };
  return scriptSafeJson(data);
}

/**
 * JSON that cannot end its `<script>` element or open a comment there: `<`,
 * `>` and `&` become `\u003c`-style escapes, which JSON reads back as the same
 * characters. U+2028/2029 are escaped too, for older JavaScript parsers.
 */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
