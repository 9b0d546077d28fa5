/**
 * One content file's text to one article record, in passes: front matter →
 * shape (zod) → normalized record (slug, URL, date on the site's calendar).
 * Pure: no file system, so every case is testable with a string.
 */
import path from 'node:path';
import { DateTime } from 'luxon';
import { toSiteDate, type SiteDate } from '../dates.ts';
import { isError, problem, problemKinds, type Problem } from '../problems.ts';
import { routes } from '../routes.ts';
import { articleSchema, detectFormat, knownArticleKeys, type ArticleFormat, type ArticleFrontMatter } from '../schema/article.ts';
import { isAbsent } from '../schema/fields.ts';
import type { ReadingSettings } from '../schema/site.ts';
import { isSafeLegacySlug, isValidSlug, slugify } from '../slug.ts';
import { describeIssues, describeUnknownKeys } from './describeIssues.ts';
import { draftsFolder, postsFolder } from './findContentFiles.ts';
import { asOurFields, folderCategoriesOf, namedByFile, oldAddressesOf, otherKnownKeys, type NamedByFile, type OldAddresses } from './otherGenerators.ts';
import { readFrontMatter } from './readFrontMatter.ts';
import { append } from '../append.ts';

/** An article as loaded: validated, normalized, body not yet sanitized. */
export type Article = Omit<ArticleFrontMatter, 'date' | 'updated' | 'slug' | 'author' | 'authors' | 'format' | 'lang'> & {
  /** The file it came from, as shown in problems. */
  file: string;
  /** The file's path in the content folder, which links of other posts may name it by. */
  contentPath?: string;
  slug: string;
  /** `/YYYY/MM/DD/<slug>/`, the date in the site's time zone. */
  url: string;
  date: SiteDate;
  updated?: SiteDate;
  /** `author` and `authors` together. */
  authors: string[];
  format: ArticleFormat;
  /** Addresses it was published under before (other generators' URLs): each gets a redirect to `url`. */
  oldUrls: string[];
  /** The article's language, when it says one. */
  lang?: string;
  /** For a translation: the URL of the article in the site's language it translates. */
  translationOf?: string;
  /** The lead image when it is written as a path: a picture of the content folder (`/media/ab/cdef.jpg`), found when the site is linked; `image` is then where it is on the original site, if known. */
  imageFile?: string;
  /** The body as written (HTML or Markdown), unsafe until sanitized. */
  body: string;
  /** Front-matter keys the schema does not know, kept as written. */
  extra: Record<string, unknown>;
};

export interface ReadArticleResult {
  article?: Article;
  problems: Problem[];
}

/**
 * A draft in Jekyll's `_drafts/` needs no date (Jekyll dates it when previewed): it is dated today, in
 * the site's time zone. Drafts never reach a built site, so its output stays the same on any day.
 */
const todayIn = (timeZone: string): string => DateTime.now().setZone(timeZone).toISODate()!;

const primaryLanguage = (tag: string): string => tag.split('-')[0]!.toLowerCase();

/**
 * The slug a file's name gives, as Jekyll, Hugo, Zola and Eleventy take it:
 * as written when it is safe in a URL (an old address is kept), else made
 * from it; nothing when the name has no letters or digits, or the front
 * matter names the slug itself.
 */
function slugFromFileName(named: NamedByFile, fields: Record<string, unknown>): string | undefined {
  if (!isAbsent(fields.slug) || named.slug === undefined) return undefined;
  if (isSafeLegacySlug(named.slug)) return named.slug;
  return slugify(named.slug) || undefined;
}

/** A file name's words as a title: `welcome-to-jekyll` → "Welcome To Jekyll". */
const wordsOfName = (name: string): string | undefined =>
  name
    .split(/[-_\s]+/)
    .filter(Boolean)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(' ') || undefined;

/** An image URL or path as an absolute URL: a path is resolved against the site the article came from, when it is known. */
function resolveImage(image: string | undefined, base: string | undefined): string | undefined {
  if (image === undefined) return undefined;
  if (/^https?:/i.test(image)) return URL.canParse(image) ? new URL(image).href : undefined;
  // Protocol-relative (`//cdn.example/x.png`): the web of today is https.
  if (image.startsWith('//')) return URL.canParse(`https:${image}`) ? new URL(`https:${image}`).href : undefined;
  return base !== undefined && URL.canParse(image, base) ? new URL(image, base).href : undefined;
}

/**
 * Whether a file shows it came from another generator, so that the address that generator gave it by default
 * is kept: TOML or JSON front matter, a dated file name, a page bundle, or another generator's keys.
 */
function cameFromAnotherGenerator(syntax: string, named: NamedByFile, data: Record<string, unknown>): boolean {
  return syntax !== 'yaml' || named.date !== undefined || named.isBundle || Object.keys(data).some((key) => otherKnownKeys.includes(key));
}

/** Old addresses that cannot be kept are warnings; one that leads out of the site is an error. */
function addressProblems(file: string, old: OldAddresses, lineOf: (path: readonly PropertyKey[]) => number | undefined): Problem[] {
  return [
    ...old.skipped.map((skipped) =>
      problem(problemKinds.unkeptAddress, {
        file,
        line: lineOf([skipped.field]),
        field: skipped.field,
        message: `"${skipped.value}" ${skipped.reason}, so no redirect is made from it`,
      }),
    ),
    ...old.refused.map((refused) =>
      problem(problemKinds.invalidField, {
        file,
        line: lineOf([refused.field]),
        field: refused.field,
        message: `expected a path on this site, got "${refused.value}", which leads out of it`,
      }),
    ),
  ];
}

/** The start of a file name that looks meant to be a date, as Jekyll's posts are named, without being one. */
const nearlyDatedName = /^(\d{1,6}-\d{1,3}-\d{1,3})-/;

/** Eleventy's dates of the file itself rather than of the post: `Created`, `Last Modified`, `git Created`, `git Last Modified`. */
const fileDate = /^(?:git )?(?:created|last modified)$/i;

/** Front-matter keys that a site's pages carry and its posts do not: a place in its menus, an address or a template of its own. */
const pageKeys = ['menu', 'menus', 'eleventyNavigation', 'permalink', 'url', 'template', 'type'];

/**
 * Whether an undated file of another generator is one of its pages rather than a post that lacks its date: it sits at
 * the top of the content folder (`about.md`, `about/index.md`), carries a page's keys, or a layout that is not a post's.
 * A dateless file among posts (`posts/harbour.md`) stays a post, whose missing date is an error.
 */
function looksLikePage(data: Record<string, unknown>, inContent: string | undefined): boolean {
  const segments = inContent?.split('/') ?? [];
  const atTop = segments.length === 1 || (segments.length === 2 && /^(?:_?index)(?:\.[\w-]+)?\.\w+$/.test(segments[1]!));
  const pageLayout = typeof data.layout === 'string' && !/post|single|article/i.test(data.layout);
  return atTop || pageLayout || pageKeys.some((key) => Object.hasOwn(data, key) && !isAbsent(data[key]));
}

/** Why a date the schema refused is not one, when more can be said than what it expects. */
function whyNoDate(date: unknown, named: NamedByFile, file: string): string | undefined {
  if (typeof date === 'string' && fileDate.test(date.trim()))
    return `"${date.trim()}" is Eleventy's date of the file itself, which changes with every copy and checkout, not the post's: write the date it was published`;
  // A name that was meant to give the date (`198-04-06-title.md`, a digit short) says why none was found.
  const misdated = isAbsent(date) && named.date === undefined ? nearlyDatedName.exec(path.posix.basename(file))?.[1] : undefined;
  return misdated && `the file's name begins with "${misdated}", which is not a date as YYYY-MM-DD`;
}

/** `inContent`: the file's path in the content folder, which gives the address its generator published it under. */
export function readArticle(file: string, text: string, site: ReadingSettings, inContent?: string): ReadArticleResult {
  const frontMatter = readFrontMatter(file, text);
  if (!frontMatter.ok) return { problems: frontMatter.problems };
  const { data, body, lineOf, warnings, syntax } = frontMatter.value;

  const problems = [...warnings, ...describeUnknownKeys(file, data, knownArticleKeys, lineOf, otherKnownKeys)];
  const named = namedByFile(file);
  const inDrafts = file.split('/').includes(draftsFolder);
  const inPosts = file.split('/').includes(postsFolder);
  const fields = asOurFields(data, { jekyllPost: inPosts, folderCategories: folderCategoriesOf(inContent) });
  // A file of another generator's site with no date, outside Jekyll's posts, that looks like one of its pages (an
  // about page, the home page's layout, a 404) is one: said, and not read further, so that such a site builds as it is.
  // (A name meant to be dated, `198-04-06-title.md`, is a post's with a typo: its missing date is an error.)
  const isPost = inPosts || nearlyDatedName.test(path.posix.basename(file));
  if (
    isAbsent(fields.date) &&
    named.date === undefined &&
    !inDrafts &&
    !isPost &&
    cameFromAnotherGenerator(syntax, named, data) &&
    looksLikePage(data, inContent)
  ) {
    // The layout as written, but never a terminal's control characters, and short.
    const layout =
      typeof data.layout === 'string'
        ? data.layout
            .replace(/[\p{Cc}\p{Cf}]/gu, '')
            .trim()
            .slice(0, 40)
        : '';
    const kind = layout === '' ? '' : ` (layout: ${layout})`;
    return {
      problems: [
        problem(problemKinds.skippedFile, {
          file,
          message: `has no date: a page of the site${kind}, not a post, so it is not read`,
          hint: 'Pages of other generators (an about page, a home page, a 404) are not articles. To build one as an article, give it a `date:`.',
        }),
      ],
    };
  }
  const fromName = slugFromFileName(named, fields);
  // A post of another generator without a title: Jekyll titles it with its name's words (`welcome-to-jekyll`: "Welcome
  // To Jekyll"); Hugo, Zola and Eleventy build it untitled. A page here needs a headline: it gets Jekyll's, said.
  const titleFromName =
    isAbsent(fields.title) && named.slug !== undefined && cameFromAnotherGenerator(syntax, named, data) ? wordsOfName(named.slug) : undefined;
  if (titleFromName) {
    problems.push(
      problem(problemKinds.titleFromName, { file, field: 'title', message: `is not given: the post is titled "${titleFromName}", from its file name` }),
    );
  }
  const parsed = articleSchema.safeParse(
    {
      ...fields,
      ...(titleFromName ? { title: titleFromName } : {}),
      date: isAbsent(fields.date) ? (named.date ?? (inDrafts ? todayIn(site.timezone) : undefined)) : fields.date,
      slug: isAbsent(fields.slug) ? fromName : fields.slug,
      lang: fields.lang ?? named.lang,
      // Jekyll's drafts folder: shown by `serve` only, whatever the file says.
      draft: inDrafts ? true : fields.draft,
    },
    { reportInput: true },
  );
  if (!parsed.success) {
    const why = whyNoDate(fields.date, named, file);
    append(
      problems,
      describeIssues(file, parsed.error.issues, lineOf).map((told) => (why && told.field === 'date' ? { ...told, message: `${told.message}; ${why}` } : told)),
    );
    return { problems };
  }
  if (problems.some(isError)) return { problems };

  const { date, updated, slug, author, authors, format, lang, ...rest } = parsed.data;
  const published = toSiteDate(date, site.timezone);
  // A translation gets a URL of its own beside the original's: `<slug>-<lang>`.
  const translation = lang !== undefined && primaryLanguage(lang) !== primaryLanguage(site.language) ? lang.toLowerCase() : undefined;
  const baseSlug = slug ?? (slugify(rest.title) || 'article');
  const finalSlug = translation ? `${baseSlug}-${translation}` : baseSlug;
  if (!isValidSlug(baseSlug)) {
    problems.push(
      problem(problemKinds.legacySlug, {
        file,
        line: isAbsent(fields.slug) ? undefined : lineOf(['slug']),
        field: 'slug',
        message: `"${baseSlug}" is kept as written, so that the article keeps the address it was published under`,
      }),
    );
  }
  const extra = Object.fromEntries(Object.entries(data).filter(([key]) => !knownArticleKeys.includes(key)));
  const url = routes.article(published, finalSlug);
  // The version in the site's language sits at the slug without the language: translations link to each other through it.
  const translationOf = translation ? routes.article(published, baseSlug) : undefined;
  const old = oldAddressesOf(cameFromAnotherGenerator(syntax, named, data) ? inContent : undefined, fields, named, site.permalink);
  append(problems, addressProblems(file, old, lineOf));
  if (problems.some(isError)) return { problems };
  // A draft may wait for its text; a published article without one is a page with a headline only.
  if (body.trim() === '' && !rest.draft) {
    problems.push(problem(problemKinds.emptyBody, { file, message: 'has no body: its page shows the headline and nothing under it' }));
  }
  const image = resolveImage(rest.image, site.origin ?? rest.link);
  // A path may be a picture of the content folder, which only the links stage can tell.
  const isAddress = rest.image !== undefined && /^(?:https?:)?\/\//i.test(rest.image);
  const imageFile = rest.image !== undefined && !isAddress ? rest.image : undefined;
  if (isAddress && image === undefined) {
    problems.push(
      problem(problemKinds.unresolvedImage, {
        file,
        line: lineOf(['image']),
        field: 'image',
        message: `"${rest.image}" is not an address that can be read: the article is shown without the image`,
      }),
    );
  }

  return {
    problems,
    article: {
      ...rest,
      image,
      ...(imageFile === undefined ? {} : { imageFile }),
      file,
      ...(inContent === undefined ? {} : { contentPath: inContent }),
      slug: finalSlug,
      url,
      oldUrls: old.urls.filter((oldUrl) => oldUrl !== url),
      date: published,
      ...(updated ? { updated: toSiteDate(updated, site.timezone) } : {}),
      authors: [...new Set([...author, ...authors].map((name) => (Object.hasOwn(site.authors, name) ? site.authors[name]! : name)))],
      format: format ?? detectFormat(body),
      ...(lang === undefined ? {} : { lang }),
      ...(translationOf === undefined ? {} : { translationOf }),
      body,
      extra,
    },
  };
}
