/**
 * `news-archive serve`: builds the site with drafts shown (and marked), serves
 * it on localhost with Eleventy's dev server, and rebuilds when an article,
 * site.yaml or a template changes (Eleventy's watcher, with the content folder
 * added as a watch target). The Archive is global data computed by a
 * function, which Eleventy calls again on every rebuild.
 */
import path from 'node:path';
import { Eleventy } from '@11ty/eleventy';
import type { SearchIndex } from '../archive/pages.ts';
import { assertSeparateFolders, prepareArchive } from '../buildSite.ts';
import { eleventyConfigPath, templatesDir } from '../paths.ts';
import type { Problem } from '../problems.ts';
import { indexSearch } from '../render/indexSearch.ts';
import { assertSafeUrls } from '../render/renderSite.ts';

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

export async function serveSite(options: ServeOptions): Promise<RunningServer> {
  const outputDir = path.resolve(options.cwd, options.outputDir);
  const contentDir = path.resolve(options.cwd, options.contentDir);
  assertSeparateFolders(contentDir, outputDir, options);

  let started = 0;
  let language = 'en';
  let searchIndexes: SearchIndex[] = [];
  let pending: { articleCount: number; fileCount: number; problems: Problem[] } | undefined;
  let ready: () => void = () => {};
  const listening = new Promise<void>((resolve) => (ready = resolve));

  const eleventy = new Eleventy(templatesDir, outputDir, {
    configPath: eleventyConfigPath,
    quietMode: true,
    runMode: 'serve',
    config(eleventyConfig) {
      // Called again on every rebuild: content is read afresh each time.
      eleventyConfig.addGlobalData('archive', async () => {
        started = performance.now();
        // Invalid articles are left out and reported; the preview shows the rest.
        const prepared = await prepareArchive({ cwd: options.cwd, contentDir: options.contentDir, outputDir: options.outputDir, includeDrafts: true });
        assertSafeUrls(prepared.archive);
        language = prepared.archive.site.language;
        searchIndexes = prepared.archive.searchIndexes;
        pending = { articleCount: prepared.articleCount, fileCount: prepared.contentFileCount, problems: prepared.problems };
        return prepared.archive;
      });
      eleventyConfig.addWatchTarget(contentDir);
      eleventyConfig.on('eleventy.after', async () => {
        try {
          await indexSearch(outputDir, language, { all: searchIndexes, build: searchIndexes });
        } catch (error) {
          options.onError(error as Error);
        }
        if (pending) options.onBuild({ ...pending, seconds: (performance.now() - started) / 1000 });
        pending = undefined;
      });
      eleventyConfig.setServerOptions({ port: options.port, showVersion: false, ready: () => ready() });
    },
  });
  eleventy.disableLogger();

  await eleventy.init();
  await eleventy.watch();
  void eleventy.serve(options.port);
  await listening;
  return {
    url: `http://localhost:${options.port}/`,
    close: () => eleventy.stopWatch(),
  };
}
