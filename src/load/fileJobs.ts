/**
 * A file to read, as the loader hands it to a thread (the main one or a
 * worker, `readInWorkers.ts`), and how a thread runs it: the step, then its
 * result written to the cache by the thread that made it.
 */
import { EntryWriter } from '../cache/fileCache.ts';
import type { ReadingSettings } from '../schema/site.ts';
import type { FileResult, FileStep, LoadedArticle, RevisionsInput } from './checkFile.ts';

export interface FileJob {
  /** As problems name it: relative to the working folder. */
  file: string;
  /** Relative to the content folder, `/`-separated: where the article sat in the site it came from. */
  inContent: string;
  bytes: Uint8Array;
  /** The revisions file beside it, if any. */
  revisions?: RevisionsInput | undefined;
  /** Where its result is kept in the cache's folder (`WorkerSetup.cacheFolder`), written by the thread that reads it. */
  cacheEntry?: string | undefined;
}

/** Runs the step on a job and writes its result to the cache where the job says: in whichever thread reads the file. */
export function jobRunner<A extends LoadedArticle>(step: FileStep<A>, site: ReadingSettings, cacheFolder: string | undefined): (job: FileJob) => FileResult<A> {
  const writer = cacheFolder === undefined ? undefined : new EntryWriter(cacheFolder);
  return ({ file, inContent, bytes, revisions, cacheEntry }) => {
    const result = step.run(file, bytes, site, inContent, revisions);
    if (writer && cacheEntry !== undefined) writer.write(cacheEntry, result);
    return result;
  };
}
