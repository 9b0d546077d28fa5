/**
 * A large site renders in worker threads, an Eleventy in each
 * (`render/renderSite.ts`): the site must be the same, byte for byte, as
 * one Eleventy renders it in the main thread.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { buildArchive } from '../../src/archive/buildArchive.ts';
import { loadBuildContent } from '../../src/buildSite.ts';
import { renderSite } from '../../src/render/renderSite.ts';
import { tempDir } from '../helpers.ts';
import { generateCorpus } from '../support/generateCorpus.ts';

const filesOf = (root: string): Map<string, Buffer> =>
  new Map(
    readdirSync(root, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => {
        const file = path.join(entry.parentPath, entry.name);
        return [path.relative(root, file), readFileSync(file)];
      }),
  );

test('pages rendered by three threads are the pages one thread renders', async () => {
  const cwd = tempDir();
  generateCorpus(path.join(cwd, 'content'), 1200, { years: 2, sources: 12, tags: 80 });
  const content = await loadBuildContent('content', cwd);
  const archive = buildArchive(content.articles, { ...content.site, baseUrl: 'https://threads.example/' });
  assert.ok(archive.pages.length >= 2000, `${archive.pages.length} pages: enough to render in threads`);
  await renderSite(archive, path.join(cwd, 'one'), new Map(), undefined, undefined, 1);
  await renderSite(archive, path.join(cwd, 'three'), new Map(), undefined, undefined, 3);
  const [one, three] = [filesOf(path.join(cwd, 'one')), filesOf(path.join(cwd, 'three'))];
  assert.deepEqual([...three.keys()].sort(), [...one.keys()].sort());
  for (const [file, bytes] of one) assert.ok(bytes.equals(three.get(file)!), file);
});
