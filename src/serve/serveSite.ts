/**
 * `news-archive serve`: builds a preview with drafts shown (and marked) into
 * its own folder, serves it on localhost with Eleventy's dev server, and
 * builds again when an article, site.yaml or a template changes. Each
 * rebuild is the incremental build, in a fresh worker thread: only the pages
 * the change touches are written, and the browser reloads.
 */
import path from 'node:path';
import EleventyDevServer from '@11ty/eleventy-dev-server';
import { assertSeparateFolders, type BuildOptions, type BuildResult } from '../buildSite.ts';
import { receivedError, type SentError } from '../errors.ts';
import { templatesDir } from '../paths.ts';
import type { Problem } from '../problems.ts';
import { startWorker } from '../workerThread.ts';
import { overrideFoldersOf } from '../render/siteTemplates.ts';
import { watchFolders } from './watchFolders.ts';
import { staticFoldersOf } from '../load/loadSite.ts';
import { moduleBeside } from '../paths.ts';

export interface ServeOptions {
  cwd: string;
  contentDir: string;
  outputDir: string;
  port: number;
  /** After each build: what was built and the problems found (printed by the CLI). */
  onBuild: (report: { articleCount: number; fileCount: number; problems: Problem[]; seconds: number }) => void;
  /** When a build fails (a template error, say); the server keeps serving the last good build. */
  onError: (error: Error) => void;
}

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

/** Editors save a file in several writes, and a change often touches several files: events this close together are one change. */
const settleMs = 150;

/** One build in a fresh worker thread (see `buildWorker.ts`): templates and code as they are now. */
function buildInWorker(options: BuildOptions): Promise<BuildResult> {
  const worker = startWorker(moduleBeside('./buildWorker', import.meta.url), options);
  return new Promise<BuildResult>((resolve, reject) => {
    worker.once('message', (reply: { result?: BuildResult; error?: SentError }) =>
      reply.result ? resolve(reply.result) : reject(receivedError(reply.error!)),
    );
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the build stopped (exit code ${code})`)));
  }).finally(() => void worker.terminate());
}

export async function serveSite(options: ServeOptions): Promise<RunningServer> {
  const outputDir = path.resolve(options.cwd, options.outputDir);
  const contentDir = path.resolve(options.cwd, options.contentDir);
  assertSeparateFolders(contentDir, outputDir, options);

  // Invalid articles are left out and reported; the preview shows the rest.
  const buildOptions: BuildOptions = { cwd: options.cwd, contentDir: options.contentDir, outputDir: options.outputDir, skipInvalid: true, includeDrafts: true };
  const build = async (): Promise<void> => {
    const started = performance.now();
    try {
      const result = await buildInWorker(buildOptions);
      options.onBuild({
        articleCount: result.articleCount,
        fileCount: result.contentFileCount,
        problems: result.problems,
        seconds: (performance.now() - started) / 1000,
      });
    } catch (error) {
      options.onError(error as Error);
    }
  };
  await build();

  const server = EleventyDevServer.getServer('news-archive', outputDir, {
    port: options.port,
    showVersion: false,
    domDiff: false,
    logger: { log() {}, info() {}, warn() {}, error: (message: string) => options.onError(new Error(message)) },
  });
  server.serve(options.port);
  await server.ready();

  // One build at a time; changes during a build start another when it ends.
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let again = false;
  const rebuild = async () => {
    if (running) {
      again = true;
      return;
    }
    running = build().then(() => server.reload({}));
    await running;
    running = undefined;
    if (again) {
      again = false;
      await rebuild();
    }
  };
  const changed = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void rebuild(), settleMs);
  };
  // The site's own templates and assets too (`render/siteTemplates.ts`), when they are there as it starts.
  const siteFolders = overrideFoldersOf(options.cwd).map(([folder]) => folder);
  // And the folders of pictures site.yaml names (`staticFolders`), as it starts.
  const watching = watchFolders([contentDir, templatesDir, ...siteFolders, ...staticFoldersOf(contentDir)], changed);

  return {
    // Where it listens: the dev server takes the next port when the one asked for is in use.
    url: server.getServerUrl('localhost'),
    async close() {
      clearTimeout(timer);
      watching.close();
      await running;
      await server.close();
    },
  };
}
