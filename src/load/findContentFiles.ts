/**
 * Finds the article files of a content folder: every Markdown (`.md`,
 * `.markdown` and the other names Jekyll and Hugo read) and `.html` file
 * below it, as Jekyll, Hugo, Zola and Eleventy write them; a file in a
 * format other generators read and this tool does not (AsciiDoc, Org…) is
 * said in a warning.
 * Jekyll's `_posts/` are posts and its `_drafts/` drafts; other files and
 * folders whose names start with `_` or `.` (layouts, includes, section
 * pages, editor and VCS litter) are skipped, and a skipped folder or file
 * that holds articles is said in a warning. Symbolic links are followed
 * only to files inside the content folder, so an article can never read a
 * file from elsewhere. An article's earlier versions sit beside it in a
 * revisions file (`story.md` → `story.revisions.yaml`), found here too.
 */
import { closeSync, openSync, readdirSync, readSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { compareStrings, problem, problemKinds, type Problem } from '../problems.ts';
import { revisionsFileSuffix } from '../schema/revisions.ts';

export interface ContentFiles {
  /** Absolute paths, in a stable order. */
  files: string[];
  /** Revisions files (absolute paths), each named after the article it belongs to. */
  revisionFiles: string[];
  problems: Problem[];
}

const isHidden = (name: string): boolean => name.startsWith('_') || name.startsWith('.');

/** Jekyll's folders of posts and of drafts: read, though their names start with `_`. */
export const postsFolder = '_posts';
export const draftsFolder = '_drafts';

/**
 * What an article file's name ends with: HTML, and Markdown as Jekyll (`markdown_ext`: markdown, mkdown, mkdn, mkd,
 * md) and Hugo (md, markdown, mdown) read it, and as other tools name it (mdwn, markdn).
 */
export const articleFileExtension = /\.(?:md|markdown|mdown|mkdown|mkdn|mkd|mdwn|markdn|html?)$/i;
export const isArticleFileName = (name: string): boolean => articleFileExtension.test(name);

/**
 * Content other generators read that this tool does not (AsciiDoc, Org, reStructuredText, Pandoc, Textile, R
 * Markdown): such a file is said in a warning, unless its article is read from a file beside it (blogdown renders
 * `post.Rmd` to `post.html`).
 */
const unreadFormats: Record<string, string> = {
  adoc: 'AsciiDoc',
  asciidoc: 'AsciiDoc',
  ad: 'AsciiDoc',
  org: 'Org',
  rst: 'reStructuredText',
  pandoc: 'Pandoc Markdown',
  pdc: 'Pandoc Markdown',
  textile: 'Textile',
  rmd: 'R Markdown',
  rmarkdown: 'R Markdown',
};
const formatOf = (name: string): string | undefined => unreadFormats[path.extname(name).slice(1).toLowerCase()];

/** Front matter with a title, in TOML, YAML or JSON: an article rather than a layout, include or README. */
const articleStart = /^(?:\uFEFF)?(?:---|\+\+\+|\{)[^\n]*\n(?:[^\n]*\n){0,60}?\s*"?title"?\s*[:=]/;

/** Whether a file skipped for its name is an article: its opening says so (the first 4 KB are read). */
function looksLikeArticle(file: string): boolean {
  let descriptor: number | undefined;
  try {
    descriptor = openSync(file, 'r');
    const opening = Buffer.alloc(4096);
    const length = readSync(descriptor, opening, 0, opening.length, 0);
    return articleStart.test(opening.subarray(0, length).toString('utf8'));
  } catch {
    return false;
  } finally {
    if (descriptor !== undefined) closeSync(descriptor);
  }
}

/** How many articles a skipped folder holds, at any depth (links not followed; at most the first 10,000 entries looked at). */
function articlesIn(dir: string): number {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true })
      .slice(0, 10_000)
      .filter(
        (entry) =>
          entry.isFile() &&
          isArticleFileName(entry.name) &&
          looksLikeArticle(path.join(entry.parentPath ?? (entry as { path?: string }).path ?? dir, entry.name)),
      ).length;
  } catch {
    return 0;
  }
}

export function findContentFiles(contentDir: string, displayPath: (absolute: string) => string): ContentFiles {
  const start = path.resolve(contentDir);
  const root = realpathSync(start);
  const files: string[] = [];
  const revisionFiles: string[] = [];
  /** Files in a format that is not read (`unreadFormats`). */
  const unread: string[] = [];
  const problems: Problem[] = [];

  const walk = (dir: string): void => {
    const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => compareStrings(a.name, b.name));
    for (const entry of entries) {
      const absolute = path.join(dir, entry.name);
      if (isHidden(entry.name) && !(entry.isDirectory() && (entry.name === postsFolder || entry.name === draftsFolder))) {
        const held = entry.isDirectory() ? articlesIn(absolute) : entry.isFile() && isArticleFileName(entry.name) && looksLikeArticle(absolute) ? 1 : 0;
        if (held > 0) problems.push(skipped(displayPath(absolute), entry.isDirectory(), held));
        continue;
      }
      if (entry.isDirectory()) {
        walk(absolute);
      } else if (entry.isFile() && isArticleFileName(entry.name)) {
        files.push(absolute);
      } else if (entry.isFile() && entry.name.endsWith(revisionsFileSuffix)) {
        revisionFiles.push(absolute);
      } else if (entry.isFile() && formatOf(entry.name) !== undefined) {
        unread.push(absolute);
      } else if (entry.isSymbolicLink() && isArticleFileName(entry.name)) {
        const target = safeRealpath(absolute);
        const inside = target !== undefined && target.startsWith(root + path.sep);
        if (inside && statSync(target).isFile()) {
          files.push(absolute);
        } else {
          problems.push(
            problem(problemKinds.unreadableFile, {
              file: displayPath(absolute),
              message: inside ? 'is a link to something that is not a file' : 'is a link to a file outside the content folder, which is not read',
              hint: 'Copy the article into the content folder instead of linking to it.',
            }),
          );
        }
      }
    }
  };
  walk(start);
  const stemOf = (file: string) => file.slice(0, file.length - path.extname(file).length);
  const readStems = new Set(files.map(stemOf));
  for (const file of unread) {
    if (readStems.has(stemOf(file))) continue;
    problems.push(
      problem(problemKinds.skippedFile, {
        file: displayPath(file),
        message: `is skipped, as it is written in ${formatOf(file)}, which is not read (Markdown and HTML are): its article is not built`,
        hint: 'Convert it to Markdown (pandoc converts AsciiDoc, Org, reStructuredText and Textile: `pandoc post.org -t gfm`), keeping its front matter, or build it with its generator and import the HTML.',
      }),
    );
  }
  return { files, revisionFiles, problems };
}

function skipped(file: string, isFolder: boolean, held: number): Problem {
  const name = file.split('/').pop()!;
  // Hugo's and Zola's list pages: the front matter of a section, not a post.
  if (!isFolder && /^_index(?:\.[\w-]+)?\.(?:md|markdown|html?)$/i.test(name))
    return problem(problemKinds.skippedFile, { file, message: 'is the page of its section (Hugo’s and Zola’s _index.md), not a post: it is not read' });
  const start = name.charAt(0);
  const what = !isFolder || held === 1 ? 'the article in it is' : `the ${held} articles in it are`;
  return problem(problemKinds.skippedFile, { file, message: `is skipped, as its name starts with "${start}": ${what} not read` });
}

function safeRealpath(file: string): string | undefined {
  try {
    return realpathSync(file);
  } catch {
    return undefined;
  }
}
