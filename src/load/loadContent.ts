/**
 * Loads a whole content folder: site settings, then every article, then the
 * checks that need all articles at once (two files, one URL). Returns every
 * problem found; an article with an error is left out of `articles`, and
 * everything else is kept. Files are read on every core when there are many,
 * and their results are cached on disk by content (see `cache/fileCache.ts`).
 * An article's revisions file is read with it, as part of the same unit.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { closest, distance } from 'fastest-levenshtein';
import type { BuildCache } from '../cache/buildCache.ts';
import { UsageError } from '../errors.ts';
import { FileCache } from '../cache/fileCache.ts';
import { isSettled, statSignature, type SettledStats } from '../cache/folderStamp.ts';
import { problem, problemKinds, sortProblems, type Problem } from '../problems.ts';
import { readingSettingsOf, type SiteSettings } from '../schema/site.ts';
import { step as checkStep, type FileResult, type FileStep, type LoadedArticle, type StoredApart } from './checkFile.ts';
import { articleFileExtension, findContentFiles } from './findContentFiles.ts';
import { revisionsFileSuffix } from '../schema/revisions.ts';
import { apartKeyOf, type FileJob } from './fileJobs.ts';
import type { WrittenPack } from '../cache/fileCache.ts';
import { loadSite } from './loadSite.ts';
import type { Article } from './readArticle.ts';
import { FileReading } from './readInWorkers.ts';
import { append } from '../append.ts';

export interface LoadedContent<A = Article> {
  site: SiteSettings;
  /** Valid articles, drafts included, in file order. */
  articles: A[];
  problems: Problem[];
  /** How many article files there are. */
  fileCount: number;
  /** How many of them were read: with a cache, those its index does not know unchanged by their stat. */
  readCount: number;
  /**
   * With a cache: a hash of everything loading depended on (the tool's code,
   * the site's settings, every file's name and bytes), equal between two
   * runs exactly when they load the same content.
   */
  inputKey?: string | undefined;
}

export interface LoadOptions<A extends LoadedArticle> {
  /** What is done to each file: `checkStep` keeps bodies as written; the build's step (`src/prepareFile.ts`) sanitizes them. */
  step: FileStep<A>;
  /** Where results are kept between runs; none by default. */
  cache?: BuildCache | undefined;
  /** The stats of settled files as the build's stamp took them (`folderStamp`): not taken again. */
  settledStats?: SettledStats | undefined;
}

/**
 * `path.relative(base, file)`, `/`-separated. A file found inside `base` (as the content folder's files are, their
 * paths made by `path.join`) is only cut from it: `path.relative` resolves both paths each time, twice a file in
 * a load (0.9 s of reading 100,000 articles from the cache).
 */
export function relativeFrom(base: string): (absolute: string) => string {
  const resolved = path.resolve(base);
  const prefix = resolved.endsWith(path.sep) ? resolved : resolved + path.sep;
  // Nothing `path.relative` would change: `.` and `..` segments, doubled or trailing separators.
  const plain = (file: string) => !file.includes(`${path.sep}.`) && !file.includes(path.sep + path.sep) && !file.endsWith(path.sep);
  const slashed = (relative: string) => (path.sep === '/' ? relative : relative.split(path.sep).join('/'));
  return (absolute) => slashed(absolute.startsWith(prefix) && plain(absolute) ? absolute.slice(prefix.length) : path.relative(resolved, absolute));
}

/** Paths as people see them: relative to the working folder, `/`-separated. */
export function pathShownFrom(cwd: string): (absolute: string) => string {
  const relative = relativeFrom(cwd);
  return (absolute) => relative(absolute) || '.';
}

/** Loads `contentDir` (relative to `cwd`) with articles as written, for checking; problems name files relative to `cwd`. */
export const checkContent = (contentDir: string, cwd = process.cwd()): Promise<LoadedContent<Article>> => loadContent(contentDir, cwd, { step: checkStep });

/** Loads `contentDir` (relative to `cwd`), running `step` on each file; problems name files relative to `cwd`. */
export async function loadContent<A extends LoadedArticle>(
  contentDir: string,
  cwd: string,
  { step, cache: buildCache, settledStats }: LoadOptions<A>,
): Promise<LoadedContent<A>> {
  const root = path.resolve(cwd, contentDir);
  assertContentFolder(root, contentDir);
  const displayPath = pathShownFrom(cwd);
  const inContentOf = relativeFrom(root);
  const { site, problems } = loadSite(root, displayPath);
  const found = findContentFiles(root, displayPath);
  append(problems, found.problems);
  // What of the site's settings reading a file depends on (its time zone decides each article's URL, say): all the step is given, and what its entries are keyed by.
  const settings = readingSettingsOf(site);
  const cache = buildCache && new FileCache<FileResult<A>>(buildCache.namespace(step.name, JSON.stringify(settings)));

  const inputHash = cache ? createHash('sha256').update(JSON.stringify(site)) : undefined;
  const results: (FileResult<A> | undefined)[] = [];
  /** Each result's key in the cache, by its index in `results`. */
  const keys: (string | undefined)[] = [];
  // A result with parts kept apart is whole only with their entries, which this run then keeps.
  const whole = (key: string, result: FileResult<A> | undefined): FileResult<A> | undefined =>
    result?.article && step.storedApart?.apartOf(result.article).some((part) => !cache!.keep(apartKeyOf(key, part))) ? undefined : result;
  // Each thread writes the cache entries of the files it read: on every core when there are many.
  const cacheFolder = cache?.writableFolder;
  const reading = new FileReading(settings, step, cacheFolder, (index, result) => {
    results[index] = result;
  });
  const revisionsFiles = new Set(found.revisionFiles);
  const startedMs = Date.now();
  let readCount = 0;
  // The workers are stopped however loading ends: they would keep the process alive.
  let packs: WrittenPack[];
  try {
    for (const absolute of found.files) {
      const file = displayPath(absolute);
      const inContent = inContentOf(absolute);
      const revisionsFile = revisionsFileOf(absolute);
      const hasRevisions = revisionsFiles.delete(revisionsFile);
      // Taken before the file is read, so that a write while it is read makes the next run read it again.
      const stat = cache && settledStatOf([absolute, ...(hasRevisions ? [revisionsFile] : [])], startedMs, settledStats);
      const named = `${file}\0${inContent}`;
      const knownKey = stat && cache!.keyByStat(named, stat);
      const known = knownKey && whole(knownKey, cache!.get(knownKey));
      if (known) {
        inputHash!.update(`${knownKey}\0`);
        cache!.noteStat(named, stat, knownKey);
        keys[results.length] = knownKey;
        results.push(known);
        continue;
      }
      let bytes: Buffer;
      let revisions: FileJob['revisions'];
      readCount += 1;
      try {
        bytes = readFileSync(absolute);
        if (hasRevisions) revisions = { file: displayPath(revisionsFile), bytes: readFileSync(revisionsFile) };
      } catch (error) {
        results.push({ problems: [problem(problemKinds.unreadableFile, { file, message: `could not be read: ${(error as Error).message}` })] });
        inputHash?.update(`${file} unreadable\0`);
        continue;
      }
      const key = cache?.keyOf(named, revisions ? Buffer.concat([bytes, Buffer.from(`\0${revisions.file}\0`), revisions.bytes]) : bytes);
      inputHash?.update(`${key}\0`);
      if (stat && key) cache!.noteStat(named, stat, key);
      const cached = key === undefined ? undefined : whole(key, cache!.get(key));
      const index = results.length;
      keys[index] = key;
      results.push(cached);
      // Read now, on another core when there are many: its bytes are not held while the next files are looked at.
      if (!cached) await reading.add({ file, inContent, bytes, revisions, cacheKey: cacheFolder === undefined ? undefined : key }, index);
    }
    packs = await reading.finish();
  } finally {
    await reading.stop();
  }
  // A revisions file whose article is not there (renamed, deleted) shows nothing: said, so that its history is not lost unseen.
  for (const orphan of revisionsFiles) {
    problems.push(
      problem(problemKinds.skippedFile, {
        file: displayPath(orphan),
        message: `holds earlier versions of ${path.basename(orphan).slice(0, -revisionsFileSuffix.length)}.md, which is not beside it: it is not read`,
        hint: 'Rename it after its article (story.md → story.revisions.yaml), or delete it.',
      }),
    );
  }

  for (const pack of packs) cache!.noteWritten(pack);
  cache?.save();
  if (cache && step.storedApart) placeApartParts(results, keys, cache, step.storedApart);

  const articles: A[] = [];
  for (const result of results) {
    append(problems, result!.problems);
    if (result!.article) articles.push(result!.article);
  }
  const unique = withoutClashingRedirects(withoutDuplicateUrls(articles, problems), problems);
  // Files that are links out of the content folder are problems, not keys: they count too.
  inputHash?.update(JSON.stringify(found.problems));
  return { site, articles: unique, problems: sortProblems(problems), fileCount: found.files.length, readCount, inputKey: inputHash?.digest('hex') };
}

/**
 * The stat of a file and of its revisions file (size, times, inode), which tells it unchanged on a later run:
 * nothing when one was written too recently for a later write to change its times (`settledAfterMs`), or
 * cannot be read (then reading it says why).
 */
function settledStatOf(files: readonly string[], nowMs: number, settledStats: SettledStats | undefined): string | undefined {
  let stat = '';
  for (const file of files) {
    let signature = settledStats?.get(file);
    if (signature === undefined) {
      const stats = statSync(file, { throwIfNoEntry: false });
      if (!stats || !isSettled(stats, nowMs)) return undefined;
      signature = statSignature(stats);
    }
    stat += `${signature}\0`;
  }
  return stat;
}

/** Each article with parts in the cache apart, told where, now that the cache's packs are final. */
function placeApartParts<A extends LoadedArticle>(
  results: (FileResult<A> | undefined)[],
  keys: readonly (string | undefined)[],
  cache: FileCache<unknown>,
  apart: StoredApart<A>,
): void {
  results.forEach((result, index) => {
    const article = result?.article;
    if (!article) return;
    for (const part of apart.apartOf(article)) {
      const at = keys[index] === undefined ? undefined : cache.placeOf(apartKeyOf(keys[index], part));
      // The entry was written or kept by this run: not finding it is a mistake of the code, not of the content.
      if (!at) throw new Error(`the build cache lost the ${part} of ${article.file}`);
      apart.place(article, part, at);
    }
  });
}

/** Where an article's earlier versions are kept: `story.md` → `story.revisions.yaml`. */
export const revisionsFileOf = (articleFile: string): string => articleFile.replace(articleFileExtension, '') + revisionsFileSuffix;

/**
 * Two published articles cannot share a URL: the first file (in path order)
 * keeps it, each later one is a problem naming the first. Drafts are not
 * published, so they take part only among themselves.
 */
function withoutDuplicateUrls<A extends LoadedArticle>(articles: readonly A[], problems: Problem[]): A[] {
  const owners = new Map<string, A>();
  const kept: A[] = [];
  for (const article of articles) {
    // Case folded: on the file systems of macOS and Windows, /a/Story/ and /a/story/ are one folder.
    const key = `${article.draft ? 'draft:' : ''}${article.url.toLowerCase()}`;
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

/**
 * An old address becomes a redirect page, which must never take the place
 * of an article's page, nor be claimed by two articles: each such address is
 * an error naming both files, and no redirect is made from it.
 */
function withoutClashingRedirects<A extends LoadedArticle>(articles: readonly A[], problems: Problem[]): A[] {
  const pageOwner = new Map(articles.filter((article) => !article.draft).map((article) => [article.url.toLowerCase(), article]));
  const redirectOwner = new Map<string, A>();
  return articles.map((article) => {
    if (article.draft || article.oldUrls.length === 0) return article;
    const kept = article.oldUrls.filter((oldUrl) => {
      const key = oldUrl.toLowerCase();
      const owner = pageOwner.get(key) ?? redirectOwner.get(key);
      if (owner && owner !== article) {
        problems.push(
          problem(problemKinds.redirectClash, {
            file: article.file,
            message: `names ${oldUrl} as an old address, which ${owner.file} ${pageOwner.has(key) ? 'has as its page' : 'names as an old address too'}: no redirect is made from it`,
          }),
        );
        return false;
      }
      redirectOwner.set(key, article);
      return true;
    });
    return kept.length === article.oldUrls.length ? article : { ...article, oldUrls: kept };
  });
}

/** A content folder that is not there is a mistake in the command, said as one, with the folder meant when one is near. */
export function assertContentFolder(root: string, contentDir: string): void {
  if (existsSync(root) && statSync(root).isDirectory()) return;
  const parent = path.dirname(root);
  const folders = existsSync(parent) ? readdirSync(parent, { withFileTypes: true }).filter((entry) => entry.isDirectory() && !entry.name.startsWith('.')) : [];
  const near =
    folders.length > 0
      ? closest(
          path.basename(root),
          folders.map((entry) => entry.name),
        )
      : undefined;
  const meant =
    near !== undefined && distance(near, path.basename(root)) <= 2 ? `: did you mean ${JSON.stringify(path.join(path.dirname(contentDir), near))}?` : '';
  const what = existsSync(root) ? 'is not a folder' : 'does not exist';
  throw new UsageError(
    `the content folder ${JSON.stringify(contentDir)} ${what}${meant || '.'} Pass --content with the folder that holds your articles, or start a site here with \`news-archive init\` (or \`news-archive new --title "First story"\`, which creates the folder)`,
  );
}
