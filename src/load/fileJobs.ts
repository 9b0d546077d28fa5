/**
 * Files to read, as the loader hands them to a thread (the main one or a
 * worker, `readInWorkers.ts`) a batch at a time, and how a thread runs a
 * batch: the step on each file, then their results written to the cache,
 * as one pack, by the thread that made them.
 */
import { PackWriter, type WrittenPack } from '../cache/fileCache.ts';
import type { ReadingSettings } from '../schema/site.ts';
import { describeError } from '../errors.ts';
import { problem, problemKinds } from '../problems.ts';
import type { FileResult, FileStep, LoadedArticle, RevisionsInput } from './checkFile.ts';

/** The cache key of a part of a file's result kept apart (`FileStep.storedApart`). */
export const apartKeyOf = (key: string, part: string): string => `${key}:${part}`;

export interface FileJob {
  /** As problems name it: relative to the working folder. */
  file: string;
  /** Relative to the content folder, `/`-separated: where the article sat in the site it came from. */
  inContent: string;
  bytes: Uint8Array;
  /** The revisions file beside it, if any. */
  revisions?: RevisionsInput | undefined;
  /** Its key in the cache (`FileCache.keyOf`): its result is written to the cache's folder (`WorkerSetup.cacheFolder`). */
  cacheKey?: string | undefined;
}

/** A batch's results, in the order of its jobs, and the pack their cache entries were written to. */
export interface BatchResult<A> {
  results: FileResult<A>[];
  pack?: WrittenPack | undefined;
}

/** Runs the step on each job of a batch and writes the results of those with a cache key to the cache, in whichever thread reads them. */
export function batchRunner<A extends LoadedArticle>(
  step: FileStep<A>,
  site: ReadingSettings,
  cacheFolder: string | undefined,
): (jobs: readonly FileJob[]) => BatchResult<A> {
  const writer = cacheFolder === undefined ? undefined : new PackWriter(cacheFolder);
  return (jobs) => {
    const results = jobs.map(({ file, inContent, bytes, revisions }) => {
      try {
        return step.run(file, bytes, site, inContent, revisions);
      } catch (error) {
        // A bug (problems with content are results): said with the file that met it. As that file's error, so that
        // one article the tool fails on never takes the others down with `--skip-invalid`; debugging, it stops there.
        if (process.env.NEWS_ARCHIVE_DEBUG) throw new Error(`${file} could not be read`, { cause: error });
        return {
          problems: [problem(problemKinds.failedFile, { file, message: `could not be read, checked or sanitized: ${describeError(error).join(' ')}` })],
        };
      }
    });
    // With its parts apart, a result is what the build reads of the cache and, once the pack is written, what it gets.
    const kept = results.slice();
    // What loading reads, first; the parts it does not, after: it reads a pack no further than it needs (`FileCache`).
    const read: (readonly [key: string, value: unknown])[] = [];
    const apart: (readonly [key: string, value: unknown])[] = [];
    jobs.forEach((job, n) => {
      if (job.cacheKey === undefined) return;
      const result = results[n]!;
      const taken = result.article && step.storedApart?.take(result.article);
      if (taken) {
        kept[n] = { ...result, article: taken.kept };
        for (const [part, value] of Object.entries(taken.apart)) apart.push([apartKeyOf(job.cacheKey, part), value]);
      }
      read.push([job.cacheKey, kept[n]]);
    });
    const pack = writer?.write(read, apart);
    return { results: pack ? kept : results, pack };
  };
}
