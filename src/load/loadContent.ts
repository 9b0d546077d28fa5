/**
 * Loads a whole content folder: site settings, then every article, then the
 * checks that need all articles at once (two files, one URL). Returns every
 * problem found; an article with an error is left out of `articles`, and
 * everything else is kept.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { isError, problem, problemKinds, sortProblems, type Problem } from '../problems.ts';
import type { SiteSettings } from '../schema/site.ts';
import { findContentFiles } from './findContentFiles.ts';
import { loadSite } from './loadSite.ts';
import { decodeText } from './readFrontMatter.ts';
import { readArticle, type Article } from './readArticle.ts';

export interface LoadedContent {
  site: SiteSettings;
  /** Valid articles, drafts included, in file order. */
  articles: Article[];
  problems: Problem[];
  /** How many article files were read. */
  fileCount: number;
}

/** Paths as people see them: relative to the working folder, `/`-separated. */
export const pathShownFrom =
  (cwd: string) =>
  (absolute: string): string =>
    path.relative(cwd, absolute).split(path.sep).join('/') || '.';

/** Loads `contentDir` (relative to `cwd`); problems name files relative to `cwd`. */
export function loadContent(contentDir: string, cwd = process.cwd()): LoadedContent {
  const root = path.resolve(cwd, contentDir);
  const displayPath = pathShownFrom(cwd);
  const { site, problems } = loadSite(root, displayPath);
  const found = findContentFiles(root, displayPath);
  problems.push(...found.problems);

  const articles: Article[] = [];
  for (const absolute of found.files) {
    const file = displayPath(absolute);
    let bytes: Buffer;
    try {
      bytes = readFileSync(absolute);
    } catch (error) {
      problems.push(problem(problemKinds.unreadableFile, { file, message: `could not be read: ${(error as Error).message}` }));
      continue;
    }
    const decoded = decodeText(file, bytes);
    if (!decoded.ok) {
      problems.push(decoded.problem);
      continue;
    }
    const result = readArticle(file, decoded.text, site);
    problems.push(...result.problems);
    if (result.article && !result.problems.some(isError)) articles.push(result.article);
  }

  const unique = withoutDuplicateUrls(articles, problems);
  return { site, articles: unique, problems: sortProblems(problems), fileCount: found.files.length };
}

/**
 * Two published articles cannot share a URL: the first file (in path order)
 * keeps it, each later one is a problem naming the first. Drafts are not
 * published, so they take part only among themselves.
 */
function withoutDuplicateUrls(articles: readonly Article[], problems: Problem[]): Article[] {
  const owners = new Map<string, Article>();
  const kept: Article[] = [];
  for (const article of articles) {
    const key = `${article.draft ? 'draft:' : ''}${article.url}`;
    const owner = owners.get(key);
    if (owner) {
      problems.push(
        problem(problemKinds.duplicateUrl, {
          file: article.file,
          field: 'slug',
          message: `would have the URL ${article.url}, which ${owner.file} has already`,
        }),
      );
      continue;
    }
    owners.set(key, article);
    kept.push(article);
  }
  return kept;
}
