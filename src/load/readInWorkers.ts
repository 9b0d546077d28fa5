/**
 * Spreads file reading over the machine's cores, as the files are found: the
 * loader hands over each file it must read (its bytes, as hashing them for
 * the cache read them already), and batches of them go to one worker thread
 * per other core as soon as they are full, while the loader goes on looking
 * at the next files. The main thread runs batches too: whenever more wait
 * than the workers will soon take, and all that are left at the end. So
 * only a few batches' bytes are ever held (100,000 articles, cold: every
 * file's bytes were read before the first was sanitized, 660 MB, on one core
 * while the other waited), and nothing waits while workers start (about half
 * a second each).
 */
import { availableParallelism } from 'node:os';
import { setImmediate as yieldToEvents } from 'node:timers/promises';
import type { Worker } from 'node:worker_threads';
import { receivedError } from '../errors.ts';
import type { ReadingSettings } from '../schema/site.ts';
import { startWorker } from '../workerThread.ts';
import type { FileResult, FileStep, LoadedArticle } from './checkFile.ts';
import { batchRunner, type BatchResult, type FileJob } from './fileJobs.ts';
import type { WrittenPack } from '../cache/fileCache.ts';
import type { BatchReply, JobBatch, WorkerSetup } from './loadWorker.ts';
import { moduleBeside } from '../paths.ts';

/** Files per batch: large enough to make messaging cheap, small enough to share the work evenly. */
const batchSize = 50;

/** Batches each worker holds: the one it reads and the next. */
const batchesAhead = 2;

/** Below this many files, starting a worker costs more than it saves: they are read in one batch, by the main thread. */
export const filesWorthWorkers = 1000;

/** Threads reading files, the main one included. */
export const threadCount = (): number => Math.max(1, Math.min(availableParallelism(), 8));

interface ReadingWorker {
  worker: Worker;
  /** Batches sent and not answered yet. */
  inFlight: number;
}

/** A batch, and the index each of its files was added with. */
interface Batch extends JobBatch {
  indexes: number[];
}

/**
 * Files read as they are added, their results stored by `store` under the index each was added with; the
 * results of jobs with a `cacheKey` are written to `cacheFolder` by the thread that reads them, a pack per batch.
 */
export class FileReading<A extends LoadedArticle> {
  readonly #run: (jobs: readonly FileJob[]) => BatchResult<A>;
  readonly #setup: WorkerSetup;
  readonly #store: (index: number, result: FileResult<A>) => void;
  readonly #packs: WrittenPack[] = [];
  /** Full batches no thread has taken yet, and the one being filled. */
  readonly #waiting: Batch[] = [];
  #filling: Batch = { id: 0, jobs: [], indexes: [] };
  /** The indexes of the batches sent to a worker (not their bytes, which it has), by id, until it answers. */
  readonly #sent = new Map<number, number[]>();
  #added = 0;
  /** Set once enough files were added to share them: workers are started (on a machine with more than one core). */
  #shared = false;
  #workers: ReadingWorker[] = [];
  /** What stopped a worker, thrown by the next call. */
  #failure: Error | undefined;
  #answered: (() => void) | undefined;

  constructor(site: ReadingSettings, step: FileStep<A>, cacheFolder: string | undefined, store: (index: number, result: FileResult<A>) => void) {
    this.#run = batchRunner(step, site, cacheFolder);
    this.#setup = { site, stepModule: step.module.href, cacheFolder };
    this.#store = store;
  }

  /** Adds a file to read. When this fills a batch, awaits while the main thread takes its share (see `#keepUp`). */
  async add(job: FileJob, index: number): Promise<void> {
    this.#throwFailure();
    this.#filling.jobs.push(job);
    this.#filling.indexes.push(index);
    this.#added += 1;
    if (this.#filling.jobs.length < batchSize) return;
    this.#closeBatch();
    if (!this.#shared && this.#added >= filesWorthWorkers) this.#share();
    if (this.#shared) await this.#keepUp();
  }

  /** Reads every file added and not read yet; returns the packs the cache entries were written to. */
  async finish(): Promise<WrittenPack[]> {
    try {
      if (!this.#shared) {
        // Few files (a day's news): one batch, one pack, on this thread.
        const batches = [...this.#waiting, this.#filling];
        const jobs = batches.flatMap((batch) => batch.jobs);
        if (jobs.length > 0)
          this.#runHere(
            batches.flatMap((batch) => batch.indexes),
            jobs,
          );
        return this.#packs;
      }
      this.#closeBatch();
      // This thread's share of what is left, letting the workers' answers in between.
      for (let batch = this.#waiting.shift(); batch; batch = this.#waiting.shift()) {
        this.#runHere(batch.indexes, batch.jobs);
        await yieldToEvents();
        this.#throwFailure();
      }
      while (this.#workers.some(({ inFlight }) => inFlight > 0)) {
        await new Promise<void>((resolve) => {
          this.#answered = resolve;
        });
        this.#throwFailure();
      }
      return this.#packs;
    } finally {
      await this.stop();
    }
  }

  /** Stops the workers: once every file is read, or when the loader fails before (they would keep the process alive). */
  async stop(): Promise<void> {
    const workers = this.#workers;
    this.#workers = [];
    await Promise.all(workers.map(({ worker }) => worker.terminate()));
  }

  #closeBatch(): void {
    if (this.#filling.jobs.length === 0) return;
    this.#waiting.push(this.#filling);
    this.#filling = { id: this.#filling.id + 1, jobs: [], indexes: [] };
    this.#feedWorkers();
  }

  #share(): void {
    this.#shared = true;
    this.#workers = Array.from({ length: threadCount() - 1 }, () => {
      const reading: ReadingWorker = { worker: startWorker(moduleBeside('./loadWorker', import.meta.url), this.#setup), inFlight: 0 };
      reading.worker.on('message', (reply: BatchReply<A>) => {
        reading.inFlight -= 1;
        if (reply.error) this.#fail(receivedError(reply.error));
        else this.#storeBatch(this.#sent.get(reply.id)!, reply);
        this.#sent.delete(reply.id);
        this.#feedWorkers();
        this.#answered?.();
      });
      reading.worker.on('error', (error) => this.#fail(new Error('a loading worker failed', { cause: error })));
      reading.worker.on('exit', (code) => this.#fail(new Error(`a loading worker stopped (exit code ${code})`)));
      return reading;
    });
    this.#feedWorkers();
  }

  /** Each worker gets batches up to `batchesAhead`, so that it never waits for this thread between two. */
  #feedWorkers(): void {
    for (const reading of this.#workers) {
      while (reading.inFlight < batchesAhead && this.#waiting.length > 0 && !this.#failure) {
        const { id, jobs, indexes } = this.#waiting.shift()!;
        reading.inFlight += 1;
        this.#sent.set(id, indexes);
        reading.worker.postMessage({ id, jobs } satisfies JobBatch);
      }
    }
  }

  /**
   * Lets the workers' answers in, and runs a waiting batch on this thread while more wait than the workers will
   * take next: the files are found faster than they are read, and their bytes would pile up.
   */
  async #keepUp(): Promise<void> {
    await yieldToEvents();
    this.#throwFailure();
    while (this.#waiting.length > this.#workers.length) {
      const { indexes, jobs } = this.#waiting.shift()!;
      this.#runHere(indexes, jobs);
      await yieldToEvents();
      this.#throwFailure();
    }
  }

  /**
   * Runs jobs on this thread and stores their results, copied as a worker's are by its message. As made, they
   * hold slices of what they were read from, and a slice keeps the whole string alive: a tag holds its file's
   * text, an article's opening its whole body text (10,000 articles: 44 MB alive for the 5,000 read on this
   * thread, once every file was read). The copy is made of flat strings only (26 µs an article).
   */
  #runHere(indexes: readonly number[], jobs: readonly FileJob[]): void {
    const { results, pack } = this.#run(jobs);
    this.#storeBatch(indexes, { results: structuredClone(results), pack });
  }

  #storeBatch(indexes: readonly number[], { results, pack }: BatchResult<A>): void {
    results.forEach((result, offset) => {
      this.#store(indexes[offset]!, result);
    });
    if (pack) this.#packs.push(pack);
  }

  #fail(error: Error): void {
    this.#failure ??= error;
    this.#answered?.();
  }

  #throwFailure(): void {
    if (this.#failure) throw this.#failure;
  }
}
