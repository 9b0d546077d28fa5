/**
 * New article files: the text (YAML front matter in the seed-001 layout, then
 * the body), checked by the same loader `build` uses before anything is
 * written, placed at `content/YYYY/MM/<slug>.md`, and written atomically
 * without ever replacing an existing file.
 */
import { randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import { readArticle, type Article } from '../load/readArticle.ts';
import { problem, problemKinds, type Problem } from '../problems.ts';
import type { SiteSettings } from '../schema/site.ts';
import { slugify } from '../slug.ts';

/** The fields of a new article, in the order they are written. */
export interface ArticleDraft {
  title: string;
  date: string;
  description?: string | undefined;
  summary?: string | undefined;
  slug?: string | undefined;
  image?: string | undefined;
  /** Where the archive's own copy of the lead image came from. */
  imageSource?: string | undefined;
  /** What the lead image shows: a clipping's photo caption. */
  imageCaption?: string | undefined;
  /** Who made the lead image: a clipping's photo credit. */
  imageCredit?: string | undefined;
  link?: string | undefined;
  source?: string | undefined;
  /** The publication, when no feed names it: from a clipping's byline. */
  outlet?: string | undefined;
  categories?: string[] | undefined;
  tags?: string[] | undefined;
  authors?: string[] | undefined;
  draft?: boolean | undefined;
  /** HTML or Markdown. */
  body: string;
  /** An article file's own text, imported as it is written rather than rewritten from the fields. */
  text?: string | undefined;
}

/** Front-matter keys in the order of the seed article. */
const fieldOrder = [
  'title',
  'date',
  'description',
  'summary',
  'slug',
  'image',
  'image_source',
  'image_caption',
  'image_credit',
  'link',
  'source',
  'outlet',
  'categories',
  'tags',
  'author',
  'draft',
] as const;

export function articleFileText(draft: ArticleDraft): string {
  if (draft.text !== undefined) return draft.text;
  const values: Partial<Record<(typeof fieldOrder)[number], unknown>> = {
    ...draft,
    // One author is written as a name, several as a list.
    author: draft.authors?.length === 1 ? draft.authors[0] : draft.authors,
    image_source: draft.imageSource,
    image_caption: draft.imageCaption,
    image_credit: draft.imageCredit,
  };
  const frontMatter: Record<string, unknown> = {};
  for (const key of fieldOrder) {
    const value = values[key];
    if (value === undefined || (Array.isArray(value) && value.length === 0)) continue;
    frontMatter[key] = value;
  }
  // Double-quoted strings: no value can be misread as a number, date or flag by another YAML reader.
  const yaml = stringify(frontMatter, { defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN', lineWidth: 0 });
  return `---\n${yaml}---\n${draft.body.trim() === '' ? '' : `${draft.body.trim()}\n`}`;
}

export interface PlannedArticle {
  /** Absolute path of the file to write. */
  path: string;
  /** As shown to people: relative to the working folder. */
  shownPath: string;
  text: string;
  article: Article;
}

/**
 * Where a draft goes and what it says, after the loader has read the text back
 * exactly as `build` will. `isTaken` tells whether a path or URL is in use;
 * the slug then gets `-2`, `-3`... so that no file or URL is ever replaced.
 */
export function planArticle(
  draft: ArticleDraft,
  contentDir: string,
  site: SiteSettings,
  shownPathOf: (absolute: string) => string,
  isTaken: (file: string, url: string) => boolean = () => false,
): { planned?: PlannedArticle; problems: Problem[] } {
  // A title with no letter or digit a slug can keep (emoji, symbols) still needs a file name that is not hidden.
  const baseSlug = draft.slug ?? (slugify(draft.title) || 'article');
  for (let attempt = 1; ; attempt++) {
    const slug = attempt === 1 ? baseSlug : `${baseSlug.slice(0, 190)}-${attempt}`;
    const text = articleFileText({ ...draft, slug });
    // The date decides the folder; read once with a provisional name to learn it.
    const provisional = shownPathOf(path.join(contentDir, `${slug}.md`));
    const read = readArticle(provisional, text, site);
    if (!read.article) return { problems: read.problems };
    const { year, month } = read.article.date;
    const file = path.join(contentDir, year, month, `${slug}.md`);
    if (isTaken(file, read.article.url)) {
      // A file kept as written cannot change its slug: its URL is taken.
      if (draft.text !== undefined) {
        return {
          problems: [problem(problemKinds.duplicateUrl, { file: provisional, message: `its URL ${read.article.url} is already taken in the archive` })],
        };
      }
      if (attempt < 100) continue;
    }
    const shownPath = shownPathOf(file);
    return { planned: { path: file, shownPath, text, article: { ...read.article, file: shownPath } }, problems: [] };
  }
}

/**
 * Writes a file that must not exist yet: to a hidden temporary file in the
 * same folder, then linked into place (which fails if the name is taken), so
 * that a reader never sees half a file and nothing is overwritten.
 * Returns false when the file already exists.
 */
export function writeNewFile(file: string, text: string): boolean {
  mkdirSync(path.dirname(file), { recursive: true });
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  writeFileSync(temporary, text, { flag: 'wx' });
  try {
    linkSync(temporary, file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    unlinkSync(temporary);
  }
}
