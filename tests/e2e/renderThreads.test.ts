/**
 * A large site renders in worker threads, an Eleventy in each
 * (`render/renderSite.ts`): the site must be the same, byte for byte, as
 * one Eleventy renders it in the main thread; and a run, in a thread that
 * renders share after share, must not keep its share once it is written.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { buildArchive } from '../../src/archive/buildArchive.ts';
import { loadBuildContent } from '../../src/buildContent.ts';
import { collectGarbage } from '../../src/collectGarbage.ts';
import { pagesByKind, runEleventy, type RenderData } from '../../src/render/eleventyRun.ts';
import { renderSite } from '../../src/render/renderSite.ts';
import { toolTemplates } from '../../src/render/siteTemplates.ts';
import { assertSameFiles, tempDir } from '../helpers.ts';
import { generateCorpus } from '../support/generateCorpus.ts';

test('pages rendered by three threads are the pages one thread renders', async () => {
  const cwd = tempDir();
  generateCorpus(path.join(cwd, 'content'), 1200, { years: 2, sources: 12, tags: 80 });
  const content = await loadBuildContent('content', cwd);
  const archive = buildArchive(content.articles, { ...content.site, baseUrl: 'https://threads.example/' });
  assert.ok(archive.pages.length >= 2000, `${archive.pages.length} pages: enough to render in threads`);
  await renderSite(archive, path.join(cwd, 'one'), new Map(), { workers: 1 });
  await renderSite(archive, path.join(cwd, 'three'), new Map(), { workers: 3 });
  assertSameFiles(path.join(cwd, 'three'), path.join(cwd, 'one'));
});

test('an Eleventy run keeps nothing of the pages it rendered once it is done', async () => {
  const cwd = tempDir();
  generateCorpus(path.join(cwd, 'content'), 20, { years: 1, sources: 2, tags: 4 });
  const content = await loadBuildContent('content', cwd);
  const archive = buildArchive(content.articles, { ...content.site, baseUrl: 'https://memory.example/' });
  // Run in a function of its own, so that nothing of this test's frame holds the run's data.
  const run = async (): Promise<WeakRef<RenderData>> => {
    const data: RenderData = { site: archive.site, pages: pagesByKind(archive.pages) };
    await runEleventy(data, path.join(cwd, '_site'), toolTemplates);
    return new WeakRef(data);
  };
  const first = await run();
  // A WeakRef holds its target until the job that made it ends.
  await new Promise((resolve) => setImmediate(resolve));
  collectGarbage();
  assert.equal(first.deref(), undefined, "a run's data is still held once it is done: a large build would keep every share of its pages");
});
