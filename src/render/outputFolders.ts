/**
 * The folders of the pages a build writes, made on another thread ahead of
 * the rendering, in a build that writes every page (the first into its
 * output folder). Every article's page is a folder of its own
 * (`/2026/01/02/slug/index.html`), and making a folder costs the system as
 * much as writing the page into it: rendering 10,000 articles cold, each of
 * the two Eleventys spent 3.6-4.1 s of its 25 s making folders. Meanwhile a
 * core is mostly idle while the build relates the articles and makes its
 * pages as data; an Eleventy that finds a page's folder there does not make it.
 */
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { moduleBeside } from '../paths.ts';
import { isSafePageUrl } from '../routes.ts';
import { startWorker } from '../workerThread.ts';

/** For fewer pages than this, making their folders is not worth starting a thread. */
const pagesWorthAThread = 1000;

export class OutputFolders {
  readonly #outputDir: string;
  #worker: Worker | undefined;

  constructor(outputDir: string) {
    this.#outputDir = outputDir;
  }

  /**
   * Makes the folders of pages at these URLs, which the build will write; false when it leaves them to the
   * Eleventys. The thread starts when a thousand or more are asked for at once, on a machine with a core to spare.
   * An unsafe URL fails the build before rendering: it is left alone here.
   */
  add(urls: readonly string[]): boolean {
    const safe = urls.filter(isSafePageUrl);
    if (!this.#worker && (safe.length < pagesWorthAThread || availableParallelism() < 2)) return false;
    if (!this.#worker) {
      this.#worker = startWorker(moduleBeside('./outputFoldersWorker', import.meta.url), this.#outputDir);
      // A folder not made is made by the Eleventy that writes into it.
      this.#worker.on('error', () => {});
    }
    this.#worker.postMessage(safe);
    return true;
  }

  /** No more folders: the thread ends once it has made those asked for, and its memory is the process's again. */
  end(): void {
    this.#worker?.postMessage('end');
  }

  /** Stops the thread, whether or not it has made every folder: the pages are written by then, or the build failed. */
  async stop(): Promise<void> {
    await this.#worker?.terminate();
  }
}
