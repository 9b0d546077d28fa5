/**
 * `news-archive new`: one article file from command-line fields, dated now
 * in the site's time zone unless told otherwise. Never replaces a file and
 * never takes a URL the archive already uses.
 */
import { existsSync } from 'node:fs';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { DateTime } from 'luxon';
import { comparableOf, DuplicateIndex, describeDuplicate } from '../duplicates/findDuplicates.ts';
import { pathShownFrom } from '../load/loadContent.ts';
import { loadArchive } from '../import/importArticles.ts';
import { problem, problemKinds, type Problem } from '../problems.ts';
import { planArticle, writeNewFile, type ArticleDraft, type PlannedArticle } from './articleFile.ts';

export interface NewArticleOptions {
  cwd: string;
  contentDir: string;
  fields: Omit<ArticleDraft, 'date' | 'body'> & { date?: string | undefined };
  /** For tests: the moment "now" is. */
  now?: DateTime | undefined;
}

export interface NewArticleResult {
  planned?: PlannedArticle;
  problems: Problem[];
  /** The site's address, to print the article's full URL. */
  baseUrl?: string | undefined;
}

/** The option of `new` that gives a front-matter field (`date` → `--date`, `authors[0]` → `--author`). */
function optionOf(field: string | undefined): string | undefined {
  const key = field?.replace(/\[\d+\]$/, '');
  if (key === undefined) return undefined;
  return key === 'author' || key === 'authors' ? '--author' : `--${key}`;
}

export async function newArticle(options: NewArticleOptions): Promise<NewArticleResult> {
  const contentDir = path.resolve(options.cwd, options.contentDir);
  // The first article of a new archive makes its content folder.
  mkdirSync(contentDir, { recursive: true });
  // Through the cache, as `import` reads it: an archive of thousands of articles is not parsed again for one more.
  const existing = await loadArchive(options.cwd, options.contentDir);
  const now = (options.now ?? DateTime.now()).setZone(existing.site.timezone).startOf('second');
  const draft: ArticleDraft = {
    ...options.fields,
    date: options.fields.date ?? now.toISO({ suppressMilliseconds: true })!,
    draft: options.fields.draft || undefined,
    body: '',
  };
  const usedUrls = new Map(existing.articles.map((article) => [article.url, article.file]));
  const plan = planArticle(draft, contentDir, existing.site, pathShownFrom(options.cwd));
  // The article is made of the command's options: a problem names the option, not a line of a file not yet written.
  if (!plan.planned) return { problems: plan.problems.map(({ line: _line, ...p }) => ({ ...p, file: 'news-archive new', field: optionOf(p.field) })) };
  const { planned } = plan;

  const refuse = (message: string): NewArticleResult => ({
    problems: [problem(problemKinds.duplicateUrl, { file: planned.shownPath, message, hint: 'Choose another --slug (or title), or --date.' })],
  });
  if (existsSync(planned.path)) return refuse('already exists: nothing was written');
  const sameUrl = usedUrls.get(planned.article.url);
  if (sameUrl) return refuse(`would have the URL ${planned.article.url}, which ${sameUrl} already has`);
  if (planned.article.link) {
    const index = new DuplicateIndex();
    // By link alone: the new article has no text yet, so the archive's are indexed without theirs (nor the sketch of it).
    for (const article of existing.articles) index.add(comparableOf({ ...article, sketch: undefined }, ''));
    const [duplicate] = index.match(comparableOf({ ...planned.article, file: planned.shownPath }, ''));
    if (duplicate) {
      const message = `is ${describeDuplicate(duplicate)}: nothing was written`;
      return { problems: [{ ...problem(problemKinds.duplicateArticle, { file: planned.shownPath, field: 'link', message }), severity: 'error' }] };
    }
  }
  if (!writeNewFile(planned.path, planned.text)) return refuse('already exists: nothing was written');
  return { planned, problems: [], baseUrl: existing.site.baseUrl };
}
