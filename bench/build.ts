/**
 * The whole build, timed stage by stage and as a user runs it, side by side
 * with two anchors built from the same generated corpus in the same run:
 * Hugo (Debian's `hugo`, the minimal theme in bench/hugo/) and a plain
 * Eleventy site with no validation or sanitizing (bench/eleventy-plain/).
 * Every whole build runs in its own process under /usr/bin/time, for its
 * wall time and peak memory; with --runs N each is run N times and the
 * median is shown.
 *
 *   npm run bench                          1,000 and 10,000 articles
 *   npm run bench -- 100000 --no-anchors   100,000, without Hugo and plain Eleventy
 *
 * Needs `hugo` for the Hugo anchor (apt-get install hugo).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildArchive } from '../src/archive/buildArchive.ts';
import { loadBuildContent, writeArchive } from '../src/buildSite.ts';
import { indexSearch } from '../src/search/indexSearch.ts';
import { generateCorpus } from '../tests/support/generateCorpus.ts';

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const projectRoot = path.dirname(benchDir);
const cli = path.join(projectRoot, 'bin', 'news-archive.js');
const eleventyBin = path.join(projectRoot, 'node_modules', '@11ty', 'eleventy', 'cmd.cjs');
const baseUrl = 'https://bench.example/';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { runs: { type: 'string', default: '1' }, 'no-anchors': { type: 'boolean', default: false } },
});
const runs = Math.max(1, Number(values.runs));
const sizes = positionals.map(Number).filter((n) => n > 0);

interface Timed {
  seconds: number;
  peakMb: number;
}

/** Runs a command under /usr/bin/time: wall time and peak RSS (of the process or its largest child). */
function timedOnce(command: string, args: string[], cwd: string): Timed {
  const run = spawnSync('/usr/bin/time', ['-f', 'BENCH %e %M', command, ...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 28 });
  const measured = /BENCH ([\d.]+) (\d+)/.exec(run.stderr ?? '');
  if (run.status !== 0 || !measured) {
    throw new Error(
      `${path.basename(command)} ${args.join(' ')} failed: ${(run.stderr ?? String(run.error)).split('\n').filter(Boolean).slice(-3).join(' ').slice(0, 300)}`,
    );
  }
  return { seconds: Number(measured[1]), peakMb: Number(measured[2]) / 1024 };
}

/** The median of `runs` runs, each after `prepare`. */
function timed(command: string, args: string[], cwd: string, prepare: (run: number) => void = () => {}): Timed {
  const results: Timed[] = [];
  for (let run = 0; run < runs; run++) {
    prepare(run);
    results.push(timedOnce(command, args, cwd));
  }
  results.sort((a, b) => a.seconds - b.seconds);
  return results[Math.floor(results.length / 2)]!;
}

async function stages(dir: string): Promise<Record<string, number>> {
  const times: Record<string, number> = {};
  let started = performance.now();
  const lap = (name: string) => {
    const now = performance.now();
    times[name] = (now - started) / 1000;
    started = now;
  };
  const content = await loadBuildContent('content', dir);
  lap('load + sanitize (every core, no cache)');
  const archive = buildArchive(content.articles, { ...content.site, baseUrl });
  lap('index (pages, related, stories, feeds)');
  const output = path.join(dir, '_stages');
  await writeArchive(archive, output, { indexSearch: false });
  lap('render (Eleventy: pages, feeds, sitemap)');
  await indexSearch(output, archive.site.language, { all: archive.searchParts.map((part) => part.name), build: archive.searchParts });
  lap('search index (Pagefind, every part)');
  return times;
}

const row = (name: string, result: Timed, anchors: Timed[]) =>
  `| ${name} | ${result.seconds.toFixed(1)} | ${result.peakMb.toFixed(0)} |${anchors.map((anchor) => ` ${(result.seconds / anchor.seconds).toFixed(2)} |`).join('')}`;

for (const count of sizes.length > 0 ? sizes : [1000, 10000]) {
  const dir = mkdtempSync(path.join(tmpdir(), 'news-archive-bench-build-'));
  try {
    generateCorpus(path.join(dir, 'content'), count);
    console.log(`\n## ${count.toLocaleString('en-US')} articles${runs > 1 ? ` (median of ${runs} runs)` : ''}\n`);
    console.log('| stage, cold, in one process | seconds |');
    console.log('|---|---:|');
    for (const [name, seconds] of Object.entries(await stages(dir))) console.log(`| ${name} | ${seconds.toFixed(1)} |`);
    rmSync(path.join(dir, '_stages'), { recursive: true, force: true });

    const build = ['build', '--base-url', baseUrl, '--output', '_ours'];
    const fresh = () => {
      for (const folder of ['.cache', '_ours']) rmSync(path.join(dir, folder), { recursive: true, force: true });
    };
    const cold = timed(process.execPath, [cli, ...build], dir, fresh);
    const warm = timed(process.execPath, [cli, ...build], dir);
    const someArticle = readdirSync(path.join(dir, 'content'), { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.md'))
      .sort()[Math.floor(count / 2)]!;
    const edited = timed(process.execPath, [cli, ...build], dir, (run) =>
      appendFileSync(path.join(dir, 'content', someArticle), `\n<p>A correction, number ${run}.</p>\n`),
    );
    const added = timed(process.execPath, [cli, ...build], dir, (run) =>
      writeFileSync(
        path.join(dir, 'content', `added-${run}.md`),
        `---\ntitle: "An article added, number ${run}"\ndate: 2025-12-31T18:00:00Z\ntags: [added]\nlink: https://example.com/added/${run}\n---\n<p>Words of a new article about the harbour strike.</p>\n`,
      ),
    );
    const check = timed(process.execPath, [cli, 'check'], dir);

    const anchors: { name: string; result: Timed }[] = [];
    if (!values['no-anchors']) {
      // Hugo reads the same files as its content folder.
      const hugoSite = path.join(dir, 'hugo');
      cpSync(path.join(benchDir, 'hugo'), hugoSite, { recursive: true });
      symlinkSync(path.join(dir, 'content'), path.join(hugoSite, 'content'));
      const hugoVersion = execFileSync('hugo', ['version'], { encoding: 'utf8' }).split(' ')[1];
      const hugoOutput = path.join(dir, '_hugo');
      anchors.push({
        name: `Hugo ${hugoVersion} (tags + categories, 20 per page), cold`,
        result: timed('hugo', ['--quiet', '--source', hugoSite, '--destination', hugoOutput], dir, () => rmSync(hugoOutput, { recursive: true, force: true })),
      });
      // Plain Eleventy reads them as its templates.
      const plainSite = path.join(dir, 'plain');
      cpSync(path.join(benchDir, 'eleventy-plain'), plainSite, { recursive: true });
      symlinkSync(path.join(dir, 'content'), path.join(plainSite, 'articles'));
      const plainOutput = path.join(dir, '_plain');
      anchors.push({
        name: 'plain Eleventy (no validation or sanitizing), cold',
        result: timed(
          process.execPath,
          [eleventyBin, '--quiet', '--input', plainSite, '--output', plainOutput, '--config', path.join(plainSite, 'eleventy.config.js')],
          dir,
          () => rmSync(plainOutput, { recursive: true, force: true }),
        ),
      });
    }

    const ratioHeads = anchors.map((_, n) => ` ÷ ${n === 0 ? 'Hugo' : 'plain Eleventy'} |`).join('');
    console.log(`\n| whole build, its own process | seconds | peak RSS (MB) |${ratioHeads}`);
    console.log(`|---|---:|---:|${anchors.map(() => '---:|').join('')}`);
    const results = anchors.map((anchor) => anchor.result);
    console.log(row('news-archive build, cold (no cache, no output): all pages, feeds, sitemap, search index', cold, results));
    console.log(row('news-archive build, warm (no change)', warm, results));
    console.log(row('news-archive build, one article edited', edited, results));
    console.log(row('news-archive build, one article added', added, results));
    console.log(row('news-archive check, cold', check, results));
    for (const anchor of anchors) console.log(row(anchor.name, anchor.result, results));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
