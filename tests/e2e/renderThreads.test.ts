/**
 * A large site renders in worker threads, an Eleventy in each
 * (`render/renderSite.ts`): the site must be the same, byte for byte, as
 * one Eleventy renders it in the main thread.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { buildArchive } from '../../src/archive/buildArchive.ts';
import { loadBuildContent } from '../../src/buildContent.ts';
import { renderSite } from '../../src/render/renderSite.ts';
import { assertSameFiles, tempDir } from '../helpers.ts';
import { generateCorpus } from '../support/generateCorpus.ts';

test('pages rendered by three threads are the pages one thread renders', async () => {
  const cwd = tempDir();
  generateCorpus(path.join(cwd, 'content'), 1200, { years: 2, sources: 12, tags: 80 });
  const content = await loadBuildContent('content', cwd);
  const archive = buildArchive(content.articles, { ...content.site, baseUrl: 'https://threads.example/' });
  assert.ok(archive.pages.length >= 2000, `${archive.pages.length} pages: enough to render in threads`);
  await renderSite(archive, path.join(cwd, 'one'), new Map(), undefined, undefined, 1);
  await renderSite(archive, path.join(cwd, 'three'), new Map(), undefined, undefined, 3);
  assertSameFiles(path.join(cwd, 'three'), path.join(cwd, 'one'));
});
