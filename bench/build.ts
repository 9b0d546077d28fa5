/**
 * The whole build, timed stage by stage, and side by side with two anchors
 * built from the same generated corpus in the same run: Hugo (Debian's
 * `hugo`, the minimal theme in bench/hugo/) and a plain Eleventy site with no
 * validation or sanitizing (bench/eleventy-plain/). Each whole build runs in
 * its own process under /usr/bin/time for its peak memory.
 *
 * Run: node --import tsx bench/build.ts 1000 10000   (needs `hugo`: apt-get install hugo)
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildArchive } from '../src/archive/buildArchive.ts';
import { loadContent } from '../src/load/loadContent.ts';
import { indexSearch } from '../src/render/indexSearch.ts';
import { renderSite } from '../src/render/renderSite.ts';
import { generateCorpus } from './generateCorpus.ts';

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const projectRoot = path.dirname(benchDir);
const eleventyBin = path.join(projectRoot, 'node_modules', '@11ty', 'eleventy', 'cmd.cjs');
const baseUrl = 'https://bench.example/';

interface Timed {
  seconds: number;
  peakMb: number;
}

/** Runs a command under /usr/bin/time: wall time and peak RSS. */
function timed(command: string, args: string[], cwd: string): Timed | string {
  const run = spawnSync('/usr/bin/time', ['-f', 'BENCH %e %M', command, ...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 28 });
  const measured = /BENCH ([\d.]+) (\d+)/.exec(run.stderr ?? '');
  if (run.status !== 0 || !measured) return (run.stderr ?? String(run.error)).split('\n').filter(Boolean).slice(-2).join(' ').slice(0, 200);
  return { seconds: Number(measured[1]), peakMb: Number(measured[2]) / 1024 };
}

async function stages(dir: string): Promise<Record<string, number>> {
  const times: Record<string, number> = {};
  let started = performance.now();
  const lap = (name: string) => {
    const now = performance.now();
    times[name] = (now - started) / 1000;
    started = now;
  };
  const content = await loadContent('content', dir, { mode: 'build', cacheDir: false });
  lap('load + sanitize (cold, all cores)');
  const archive = buildArchive(content.articles.filter((article) => !article.draft), { ...content.site, baseUrl });
  lap('index (pages, related, stories, feeds)');
  const output = path.join(dir, '_stages');
  await renderSite(archive, output, { indexSearch: false });
  lap('render (Eleventy: pages, feeds, sitemap)');
  await indexSearch(output, archive.site.language, { all: archive.searchIndexes, build: archive.searchIndexes });
  lap('search index (Pagefind)');
  return times;
}

const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
for (const count of sizes.length > 0 ? sizes : [1000, 10000]) {
  const dir = mkdtempSync(path.join(tmpdir(), 'news-archive-bench-build-'));
  try {
    generateCorpus(path.join(dir, 'content'), count);
    console.log(`\n## ${count.toLocaleString('en-US')} articles\n`);
    console.log('| stage (in one process) | seconds |');
    console.log('|---|---:|');
    for (const [name, seconds] of Object.entries(await stages(dir))) console.log(`| ${name} | ${seconds.toFixed(1)} |`);

    const ours = timed(process.execPath, [path.join(projectRoot, 'bin', 'news-archive.js'), 'build', '--base-url', baseUrl, '--output', '_ours'], dir);

    // Hugo reads the same files as its content folder.
    const hugoSite = path.join(dir, 'hugo');
    cpSync(path.join(benchDir, 'hugo'), hugoSite, { recursive: true });
    symlinkSync(path.join(dir, 'content'), path.join(hugoSite, 'content'));
    const hugo = timed('hugo', ['--quiet', '--source', hugoSite, '--destination', path.join(dir, '_hugo')], dir);

    // Plain Eleventy reads them as its templates.
    const plainSite = path.join(dir, 'plain');
    cpSync(path.join(benchDir, 'eleventy-plain'), plainSite, { recursive: true });
    symlinkSync(path.join(dir, 'content'), path.join(plainSite, 'articles'));
    const plain = timed(process.execPath, [eleventyBin, '--quiet', '--input', plainSite, '--output', path.join(dir, '_plain'), '--config', path.join(plainSite, 'eleventy.config.js')], dir);

    const ourSeconds = typeof ours === 'string' ? Number.NaN : ours.seconds;
    const row = (name: string, result: Timed | string) =>
      typeof result === 'string'
        ? `| ${name} | failed: ${result} | | |`
        : `| ${name} | ${result.seconds.toFixed(1)} | ${result.peakMb.toFixed(0)} | ${(ourSeconds / result.seconds).toFixed(2)} |`;
    console.log('\n| whole build | seconds | peak RSS (MB) | news-archive ÷ this |');
    console.log('|---|---:|---:|---:|');
    console.log(row('news-archive build (all pages, feeds, sitemap, search index)', ours));
    console.log(row(`Hugo ${execFileSync('hugo', ['version'], { encoding: 'utf8' }).split(' ')[1]} (tags + categories, 20 per page)`, hugo));
    console.log(row('plain Eleventy (no validation or sanitizing)', plain));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
