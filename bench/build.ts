/**
 * The whole build, timed stage by stage and as a user runs it, side by side
 * with anchors built from the same generated corpus in the same run. The
 * anchor is the same work done the Hugo way: Hugo (Debian's `hugo`, the
 * minimal theme in bench/hugo/) with a feed of the newest 50 for every
 * term, then Pagefind's CLI over its article pages. Hugo alone without
 * feeds, and a plain Eleventy site with no validation or sanitizing
 * (bench/eleventy-plain/), are secondary lines. Every whole build runs in
 * its own process (`measure.ts`), by the tool as it is installed (compiled to
 * JavaScript): wall time, CPU time and peak memory summed over all its
 * processes; with --runs N each is run N times and the median is shown.
 * The cold build and the anchor are run by turns (ours, then the anchor, N
 * times), and their ratio is given turn by turn as well as of the medians.
 *
 *   npm run bench                          1,000 and 10,000 articles
 *   npm run bench -- 100000 --no-anchors   100,000, without Hugo and plain Eleventy
 *
 * Needs `hugo` for the Hugo anchor (apt-get install hugo).
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildArchive } from '../src/archive/buildArchive.ts';
import { loadBuildContent } from '../src/buildContent.ts';
import { defaultCacheDir } from '../src/cache/buildCache.ts';
import { writeArchive } from '../src/makeSite.ts';
import { indexSearch } from '../src/search/indexSearch.ts';
import { Spool } from '../src/spool.ts';
import { spoolAll } from '../src/search/staleParts.ts';
import { generateCorpus } from '../tests/support/generateCorpus.ts';
import { measure, type Measured } from './measure.ts';

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const projectRoot = path.dirname(benchDir);
const tscBin = path.join(projectRoot, 'node_modules', '.bin', 'tsc');
const eleventyBin = path.join(projectRoot, 'node_modules', '@11ty', 'eleventy', 'cmd.cjs');
const pagefindBin = path.join(projectRoot, 'node_modules', '.bin', 'pagefind');
const baseUrl = 'https://bench.example/';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { runs: { type: 'string', default: '1' }, 'no-anchors': { type: 'boolean', default: false } },
});
const runs = Math.max(1, Number(values.runs));
const sizes = positionals.map(Number).filter((n) => n > 0);

/**
 * The tool as it is installed: compiled to JavaScript (`npm pack` ships it so), with the same templates
 * and dependencies, in a folder of its own without the sources. Returns its command.
 */
function installedTool(): string {
  const tool = mkdtempSync(path.join(tmpdir(), 'news-archive-bench-tool-'));
  for (const part of ['bin', 'templates', 'package.json']) cpSync(path.join(projectRoot, part), path.join(tool, part), { recursive: true });
  symlinkSync(path.join(projectRoot, 'node_modules'), path.join(tool, 'node_modules'));
  execFileSync(tscBin, ['-p', path.join(projectRoot, 'tsconfig.lib.json'), '--outDir', path.join(tool, 'lib')], { stdio: 'inherit' });
  return path.join(tool, 'bin', 'news-archive.js');
}
const cli = installedTool();
process.on('exit', () => rmSync(path.dirname(path.dirname(cli)), { recursive: true, force: true }));

/** A command to time, in the corpus's folder, and what to do before each of its runs. */
interface Job {
  command: string;
  args: string[];
  prepare?: (run: number) => void;
}

/** The median (by wall time) of `runs` runs, each after `prepare`. */
async function timed(command: string, args: string[], cwd: string, prepare: (run: number) => void = () => {}): Promise<Measured> {
  return (await byTurns([{ command, args, prepare }], cwd)).medians[0]!;
}

/** The middle value; of an even count, the mean of the two in the middle. */
function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * `runs` runs of each job, by turns (one run of each, then the next turn): the median run of each (by wall time),
 * and, turn by turn, the wall time of each job's run divided by the last job's. This machine's speed drifts by a
 * quarter or more over minutes: a job timed after the other meets another machine, and the two runs of a turn,
 * back to back, the same one.
 */
async function byTurns(jobs: readonly Job[], cwd: string): Promise<{ medians: Measured[]; ratios: number[][] }> {
  const results: Measured[][] = jobs.map(() => []);
  for (let run = 0; run < runs; run++) {
    for (const [index, job] of jobs.entries()) {
      job.prepare?.(run);
      results[index]!.push(await measure(job.command, job.args, cwd));
    }
  }
  const last = results.at(-1)!;
  return {
    medians: results.map((each) => [...each].sort((a, b) => a.seconds - b.seconds)[Math.floor(each.length / 2)]!),
    ratios: results.map((each) => each.map((result, run) => result.seconds / last[run]!.seconds)),
  };
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
  const spool = new Spool();
  const parts = spoolAll(archive.searchParts, archive.site.language, spool);
  await indexSearch(output, archive.site.language, { all: parts.map((part) => part.name), build: parts });
  spool.remove();
  lap('search index (Pagefind, every part)');
  return times;
}

const row = (name: string, result: Measured, anchor: Measured | undefined) =>
  `| ${name} | ${result.seconds.toFixed(1)} | ${result.cpuSeconds.toFixed(1)} | ${(result.cpuSeconds / result.seconds).toFixed(2)} | ${result.peakMb.toFixed(0)} |${anchor ? ` ${(result.seconds / anchor.seconds).toFixed(2)} |` : ''}`;

/** Writes `count` new articles of one day, as a day of followed feeds brings them. */
function addArticles(dir: string, run: number, count: number): void {
  for (let n = 0; n < count; n++) {
    writeFileSync(
      path.join(dir, 'content', `added-${run}-${n}.md`),
      `---\ntitle: "An article added, number ${run}-${n}"\ndate: 2025-12-31T${String(6 + (n % 12)).padStart(2, '0')}:${String(n % 60).padStart(2, '0')}:00Z\ntags: [added]\nlink: https://example.com/added/${run}/${n}\n---\n<p>Words of a new article about the harbour strike, part ${n}.</p>\n`,
    );
  }
}

for (const count of sizes.length > 0 ? sizes : [1000, 10000]) {
  const dir = mkdtempSync(path.join(tmpdir(), 'news-archive-bench-build-'));
  try {
    generateCorpus(path.join(dir, 'content'), count);
    console.log(`\n## ${count.toLocaleString('en-US')} articles${runs > 1 ? ` (median of ${runs} runs)` : ''}\n`);
    console.log('| stage, cold, in one process | seconds |');
    console.log('|---|---:|');
    for (const [name, seconds] of Object.entries(await stages(dir))) console.log(`| ${name} | ${seconds.toFixed(1)} |`);
    rmSync(path.join(dir, '_stages'), { recursive: true, force: true });

    // The anchors first, on the corpus as generated (ours adds articles to it).
    const anchors: { name: string; result: Measured }[] = [];
    // The anchor itself is timed by turns with our cold build, below.
    let anchorJob: { name: string; job: Job } | undefined;
    if (!values['no-anchors']) {
      // Hugo reads the same files as its content folder.
      const hugoSite = path.join(dir, 'hugo');
      cpSync(path.join(benchDir, 'hugo'), hugoSite, { recursive: true });
      symlinkSync(path.join(dir, 'content'), path.join(hugoSite, 'content'));
      const hugoVersion = execFileSync('hugo', ['version'], { encoding: 'utf8' }).split(' ')[1];
      const hugoOutput = path.join(dir, '_hugo');
      const hugo = `hugo --quiet --source ${JSON.stringify(hugoSite)} --destination ${JSON.stringify(hugoOutput)}`;
      const clean = () => rmSync(hugoOutput, { recursive: true, force: true });
      // What a Hugo user runs for the same site: feeds of 50 for every term, then Pagefind over the output (as Pagefind's docs show).
      anchorJob = {
        name: `Hugo ${hugoVersion} + Pagefind CLI: tags, categories, a feed of 50 for every term, search over the articles, cold`,
        job: { command: 'bash', args: ['-c', `${hugo} && ${JSON.stringify(pagefindBin)} --site ${JSON.stringify(hugoOutput)} --silent`], prepare: clean },
      };
      anchors.push({
        name: `Hugo ${hugoVersion} alone, no feeds, no search (the earlier anchor), cold`,
        result: await timed('bash', ['-c', `${hugo} --disableKinds RSS`], dir, clean),
      });
      // Plain Eleventy reads them as its templates.
      const plainSite = path.join(dir, 'plain');
      cpSync(path.join(benchDir, 'eleventy-plain'), plainSite, { recursive: true });
      symlinkSync(path.join(dir, 'content'), path.join(plainSite, 'articles'));
      const plainOutput = path.join(dir, '_plain');
      anchors.push({
        name: 'plain Eleventy (no validation or sanitizing, no feeds, no search), cold',
        result: await timed(
          process.execPath,
          [eleventyBin, '--quiet', '--input', plainSite, '--output', plainOutput, '--config', path.join(plainSite, 'eleventy.config.js')],
          dir,
          () => rmSync(plainOutput, { recursive: true, force: true }),
        ),
      });
    }

    const build = ['build', '--base-url', baseUrl, '--output', '_ours'];
    const fresh = () => {
      for (const folder of ['.cache', '_ours']) rmSync(path.join(dir, folder), { recursive: true, force: true });
    };
    const coldJob: Job = { command: process.execPath, args: [cli, ...build], prepare: fresh };
    const turns = await byTurns(anchorJob ? [coldJob, anchorJob.job] : [coldJob], dir);
    const cold = turns.medians[0]!;
    if (anchorJob) anchors.unshift({ name: anchorJob.name, result: turns.medians[1]! });
    const warm = await timed(process.execPath, [cli, ...build], dir);
    const someArticle = readdirSync(path.join(dir, 'content'), { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.md'))
      .sort()[Math.floor(count / 2)]!;
    const edited = await timed(process.execPath, [cli, ...build], dir, (run) =>
      appendFileSync(path.join(dir, 'content', someArticle), `\n<p>A correction, number ${run}.</p>\n`),
    );
    const addedOne = await timed(process.execPath, [cli, ...build], dir, (run) => addArticles(dir, 100 + run, 1));
    const addedDay = await timed(process.execPath, [cli, ...build], dir, (run) => addArticles(dir, 200 + run, 50));
    // The first check after the builds: what the build's cache holds, nothing a check keeps.
    const check = await timed(process.execPath, [cli, 'check'], dir, () => {
      rmSync(path.join(dir, defaultCacheDir, 'checks'), { recursive: true, force: true });
    });
    const checkAgain = await timed(process.execPath, [cli, 'check'], dir);

    const anchor = anchors[0]?.result;
    console.log(
      `\n| whole build, its own process and its children | wall (s) | CPU (s) | cores busy | peak RSS, all processes (MB) |${anchor ? ' ÷ Hugo + Pagefind |' : ''}`,
    );
    console.log(`|---|---:|---:|---:|---:|${anchor ? '---:|' : ''}`);
    console.log(row('news-archive build, cold (no cache, no output): all pages, feeds, sitemap, search index', cold, anchor));
    console.log(row('news-archive build, warm (no change)', warm, anchor));
    console.log(row('news-archive build, one article edited', edited, anchor));
    console.log(row('news-archive build, one article added', addedOne, anchor));
    console.log(row('news-archive build, 50 articles added (a day of feeds)', addedDay, anchor));
    console.log(row('news-archive check, cold', check, anchor));
    console.log(row('news-archive check again, no change', checkAgain, anchor));
    for (const { name, result } of anchors) console.log(row(name, result, anchor));
    if (anchor) {
      const coldRatios = turns.ratios[0]!;
      console.log(
        `\nCold build ÷ Hugo + Pagefind, each turn's two runs back to back: ${coldRatios.map((ratio) => ratio.toFixed(2)).join(', ')} (median ${median(coldRatios).toFixed(2)}).`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
