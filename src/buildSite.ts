/**
 * A build. When the content folder, the site's templates, the options and
 * the tool are those of the last build into an intact output folder, as
 * their stamp tells with a stat of each file (`cache/folderStamp.ts`), it
 * reports what that build reported and stops, having read no file. Else it
 * runs the whole pipeline (`makeSite.ts`), loaded only then, so that a build
 * with nothing to do loads neither Eleventy nor the sanitizer nor the parsers.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { BuildCache, defaultCacheDir } from './cache/buildCache.ts';
import { BuildRecords } from './cache/buildRecord.ts';
import { folderStamp, type SettledStats } from './cache/folderStamp.ts';
import { UsageError } from './errors.ts';
import type { BuildOptions, BuildResult } from './makeSite.ts';
import { outputIntact } from './render/outputIntact.ts';
import { templatesFor, type Templates } from './render/siteTemplates.ts';

export type { BuildOptions, BuildResult } from './makeSite.ts';

export async function buildSite(options: BuildOptions): Promise<BuildResult> {
  const cwd = options.cwd ?? process.cwd();
  const contentRoot = path.resolve(cwd, options.contentDir);
  const outputDir = path.resolve(cwd, options.outputDir);
  assertSeparateFolders(contentRoot, outputDir, options);
  const cacheDir = options.cacheDir ?? defaultCacheDir;
  const cache = cacheDir === false ? undefined : new BuildCache(path.resolve(cwd, cacheDir));
  const records = cache && new BuildRecords(cache, outputDir);
  // The site's own templates, merged over the tool's once: they are input of the build and what it renders with.
  const templates = templatesFor(cwd);

  const settledStats: SettledStats = new Map();
  const stamp = cache && stampOf({ ...options, cwd }, [contentRoot, ...(await staticFolders(contentRoot))], templates, cache, settledStats);
  const last = stamp === undefined ? undefined : records!.read();
  const reported = last?.reported;
  if (last?.summary && reported && reported.stamp === stamp && outputIntact(last, outputDir)) {
    const { problems, contentFileCount } = reported;
    options.timer?.lap('nothing changed since the last build (the stamp of every file)');
    return { problems, contentFileCount, built: true, ...last.summary, renderedCount: 0, removedCount: 0 };
  }
  const { makeSite } = await import('./makeSite.ts');
  return makeSite({ ...options, cwd }, { cache, records, templates, stamp, settledStats });
}

/**
 * The stamp of everything a build's output is made from but the tool's code (which the cache's
 * keys hold): the folders it reads (the content folder, and the folders of pictures site.yaml names), the site's templates, the options, and where problems are
 * named from. Nothing when a file changed too recently to be told apart by its stat.
 */
function stampOf(
  options: BuildOptions & { cwd: string },
  folders: readonly string[],
  templates: Templates,
  cache: BuildCache,
  settledStats: SettledStats,
): string | undefined {
  const { cwd, baseUrl, skipInvalid, includeDrafts, indexSearch, shard } = options;
  const settings = JSON.stringify({ cwd, baseUrl, skipInvalid, includeDrafts, indexSearch, shard, templates: templates.hash });
  return folderStamp(folders, cache.namespace('stamps').hasher().update(settings), Date.now(), settledStats);
}

/**
 * The folders of pictures site.yaml names, stamped with the content folder so that a changed picture there is a
 * change. Most sites name none: their site.yaml is only looked at, and the settings' code is not loaded for it.
 */
async function staticFolders(contentRoot: string): Promise<string[]> {
  try {
    if (!readFileSync(path.join(contentRoot, 'site.yaml'), 'utf8').includes('staticFolders')) return [];
  } catch {
    return [];
  }
  const { staticFoldersOf } = await import('./load/loadSite.ts');
  return staticFoldersOf(contentRoot);
}

/** The output folder receives generated files; it must not be, or hold, the content. */
export function assertSeparateFolders(content: string, output: string, { contentDir, outputDir }: BuildOptions): void {
  const inside = (child: string, parent: string) => child === parent || child.startsWith(parent + path.sep);
  if (inside(content, output) || inside(output, content)) {
    throw new UsageError(
      `the output folder ${outputDir} and the content folder ${contentDir} overlap: choose an output folder outside the content, like _site`,
    );
  }
}
