/**
 * `check`: what a build would read, sanitize and link, through the build's
 * cache (its warnings, links to nothing or markup shown as text, are check's
 * too, and a build after a check reads nothing twice), with the warnings of
 * duplicate articles and, when asked, of originals gone from their address.
 * Content left alone since the last check, as its stamp tells
 * (`cache/folderStamp.ts`), is not read again: that check's problems are
 * said again. Asking the network is never skipped.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { BuildCache, defaultCacheDir } from './cache/buildCache.ts';
import { folderStamp } from './cache/folderStamp.ts';
import { sortProblems, type Problem } from './problems.ts';

export interface CheckOptions {
  cwd: string;
  contentDir: string;
  /** Read every article afresh, keeping nothing. */
  noCache?: boolean | undefined;
  /** Ask whether each article's original is still at its address, waiting this long for each. */
  links?: { timeoutSeconds: number } | undefined;
}

export interface CheckResult {
  problems: Problem[];
  /** Article files read. */
  fileCount: number;
}

/** What a check found in content with a stamp. */
interface CheckRecord extends CheckResult {
  stamp: string;
}

export async function checkSite({ cwd, contentDir, noCache, links }: CheckOptions): Promise<CheckResult> {
  const cache = noCache ? undefined : new BuildCache(path.resolve(cwd, defaultCacheDir));
  const contentRoot = path.resolve(cwd, contentDir);
  const records = cache?.namespace('checks');
  const recordName = `${createHash('sha1').update(`${cwd}\0${contentRoot}`).digest('hex').slice(0, 16)}.bin`;
  // Where the problems are named from is part of what they say.
  const stamp = records && folderStamp([contentRoot], records.hasher().update(`${cwd}\0`));
  const last = stamp === undefined || links ? undefined : records!.readValue<CheckRecord>(recordName);
  if (last && last.stamp === stamp) return { problems: last.problems, fileCount: last.fileCount };

  const { loadBuildContent } = await import('./buildContent.ts');
  const { comparableOf, duplicateWarnings } = await import('./duplicates/findDuplicates.ts');
  const content = await loadBuildContent(contentDir, cwd, cache);
  // Each article's sketch was made as it was loaded, and is cached with it: a check after a build fingerprints only candidate
  // copies, whose texts alone are read back from the cache.
  const { textOf } = await import('./sanitize/bodyText.ts');
  const duplicates = duplicateWarnings(content.articles.map((article) => comparableOf(article, () => textOf(article.text))));
  const found = { problems: sortProblems([...content.problems, ...duplicates]), fileCount: content.fileCount };
  if (stamp !== undefined) records!.writeValue(recordName, { stamp, ...found } satisfies CheckRecord);
  if (!links) return found;

  const { checkLinks } = await import('./import/checkLinks.ts');
  const gone = await checkLinks(
    content.articles.filter((article) => article.link && article.link_status !== 'dead').map((article) => ({ file: article.file, link: article.link! })),
    links,
  );
  return { ...found, problems: sortProblems([...found.problems, ...gone]) };
}
