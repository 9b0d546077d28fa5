/**
 * The tool as a user installs it: packed as npm would publish it, installed
 * into an empty folder (dependencies from the registry, nothing of this
 * repository), and run there on that folder's own content.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { promisify } from 'node:util';
import { filesWorthWorkers } from '../../src/load/readInWorkers.ts';
import { projectRoot, tempDir, writeTree } from '../helpers.ts';
import { generateCorpus } from '../support/generateCorpus.ts';

const run = promisify(execFile);
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

describe('installed with npm into an empty folder', async () => {
  const packed = tempDir();
  const { stdout } = await run(npm, ['pack', '--json', '--pack-destination', packed], { cwd: projectRoot });
  const [pack] = JSON.parse(stdout) as { filename: string; files: { path: string }[] }[];
  const shipped = pack!.files.map((file) => file.path);

  const site = writeTree({
    'package.json': '{ "name": "my-archive", "private": true }\n',
    '.gitignore': 'node_modules/\n_site/\n',
    'content/site.yaml': 'title: My archive\n',
    'content/2026/01/first-story.md': '---\ntitle: First story\ndate: 2026-01-06\n---\nHello, *world*.\n',
  });
  await run(npm, ['install', '--no-audit', '--no-fund', '--prefer-offline', path.join(packed, pack!.filename)], { cwd: site });
  const bin = path.join(site, 'node_modules', '.bin', 'news-archive');
  const buildOf = (args: string[] = []) =>
    run(bin, ['build', ...args], { cwd: site }).then(
      (result) => ({ code: 0, ...result }),
      (error: { code: number; stdout: string; stderr: string }) => error,
    );
  const build = await buildOf();
  // Enough articles to be read in worker threads and rendered in worker processes, which load the compiled tool too.
  const largeCount = filesWorthWorkers + 200;
  generateCorpus(path.join(site, 'large'), largeCount);
  const largeBuild = await buildOf(['--content', 'large', '--output', '_large', '--base-url', 'https://news.example.org/']);

  test('the package ships what it runs, compiled, and none of the repository’s sources, tests, benchmarks or content', () => {
    for (const needed of ['bin/news-archive.js', 'lib/cli.js', 'lib/render/eleventyConfig.js', 'templates/article.njk', 'templates/assets/style.css']) {
      assert.ok(shipped.includes(needed), `${needed} is in the package`);
    }
    assert.deepEqual(
      shipped.filter((file) => /^(?:src|tests|bench|content|scripts)\//.test(file)),
      [],
    );
    assert.ok(!existsSync(path.join(projectRoot, 'lib')), 'packing leaves no compiled copy in the checkout');
  });
  test('its command builds the folder’s own content with the tool’s templates', () => {
    assert.equal(build.code, 0, build.stderr);
    assert.match(build.stderr, /Built 1 of 1 article file into _site\//);
    const page = readFileSync(path.join(site, '_site/2026/01/06/first-story/index.html'), 'utf8');
    assert.match(page, /<title>First story · My archive<\/title>/);
    assert.match(page, /Hello, <em>world<\/em>\./);
    assert.ok(existsSync(path.join(site, '_site/assets/style.css')));
    assert.ok(readdirSync(path.join(site, '_site/pagefind')).length > 0, 'the search index is built');
  });
  test('it builds a large archive on every core, its workers running the compiled tool too', () => {
    assert.equal(largeBuild.code, 0, largeBuild.stderr);
    assert.match(largeBuild.stderr, new RegExp(`Built ${largeCount} of ${largeCount.toLocaleString('en')} article files into _large/ in [\\d.]+ s: [\\d,]+ pages`));
    assert.ok(existsSync(path.join(site, '_large/feed.json')), 'the JSON feed, a TypeScript template, is rendered');
  });
});
