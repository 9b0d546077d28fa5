/**
 * `news-archive merge`: the outputs of `build --shard K/N`, each built on its
 * own machine, joined into one site. Shards build disjoint pages, and the
 * search index comes in parts that the search page asks one by one
 * (`/pagefind/<part>/`), so joining is copying: the result is the site one
 * machine builds, byte for byte. A file found in two shards must be the same
 * in both; every one that is not is said at once, and then nothing is written.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../errors.ts';

export interface MergeResult {
  /** Files in the merged site. */
  fileCount: number;
}

/** The folders as the user gave them, relative to `cwd`, so that messages name them the same way. */
export function mergeShards(shardDirs: readonly string[], outputDir: string, cwd = process.cwd()): MergeResult {
  const output = path.resolve(cwd, outputDir);
  if (shardDirs.length === 0) throw new UsageError('merge needs the output folders of the shards to join, e.g. news-archive merge _shard-1 _shard-2');
  const overlaps = (a: string, b: string) => a === b || a.startsWith(b + path.sep) || b.startsWith(a + path.sep);
  for (const dir of shardDirs) {
    const shard = path.resolve(cwd, dir);
    if (!existsSync(shard) || !statSync(shard).isDirectory())
      throw new UsageError(`the shard folder ${dir} is not there: give the output folders of build --shard`);
    if (overlaps(shard, output))
      throw new UsageError(`the shard folder ${dir} and the output folder ${outputDir} overlap: merge into a folder of its own, like _site`);
  }
  if (existsSync(output) && readdirSync(output).length > 0) {
    throw new UsageError(`the output folder ${outputDir} is not empty: merge writes the whole site into a new or empty folder`);
  }

  // Each file of the site, from the first shard that has it.
  const sourceOf = new Map<string, { shard: string; file: string }>();
  const problems: string[] = [];
  for (const dir of shardDirs) {
    const shard = path.resolve(cwd, dir);
    for (const entry of readdirSync(shard, { recursive: true, withFileTypes: true })) {
      const file = path.join(entry.parentPath, entry.name);
      const relative = path.relative(shard, file);
      if (entry.isDirectory()) continue;
      if (!entry.isFile()) {
        problems.push(`${path.join(dir, relative)}: expected a file or a folder, found a link or a device: shards hold only what build writes`);
        continue;
      }
      const first = sourceOf.get(relative);
      if (!first) sourceOf.set(relative, { shard: dir, file });
      else if (!readFileSync(first.file).equals(readFileSync(file))) {
        problems.push(`${relative}: differs between the shards ${first.shard} and ${dir}: were they built from the same content, options and version?`);
      }
    }
  }
  if (problems.length > 0) throw new UsageError(`the shards cannot be merged:\n${problems.map((problem) => `  ${problem}`).join('\n')}`);
  if (sourceOf.size === 0) throw new UsageError(`the shard folders ${shardDirs.join(', ')} are empty: build them with build --shard K/N first`);

  for (const [relative, { file }] of sourceOf) {
    const target = path.join(output, relative);
    mkdirSync(path.dirname(target), { recursive: true });
    copyFileSync(file, target);
  }
  return { fileCount: sourceOf.size };
}
