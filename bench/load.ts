/**
 * Times the load stage on generated corpora: reading and validating (what
 * `check` does) and reading, validating and sanitizing (what `build` does),
 * each cold (no cache: every file parsed, on every core) and warm (the
 * on-disk cache of the cold run: every file only hashed and looked up).
 * Run: node --import tsx bench/load.ts 1000 10000
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BuildCache } from '../src/cache/buildCache.ts';
import { step as checkStep } from '../src/load/checkFile.ts';
import { loadContent } from '../src/load/loadContent.ts';
import { step as prepareStep } from '../src/prepareFile.ts';
import { threadCount } from '../src/load/readInWorkers.ts';
import { generateCorpus } from '../tests/support/generateCorpus.ts';

const sizes = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => n > 0);

async function seconds(dir: string, mode: 'check' | 'build', count: number): Promise<number> {
  const started = performance.now();
  const cache = new BuildCache(path.join(dir, '.cache'));
  const content =
    mode === 'check' ? await loadContent('content', dir, { step: checkStep, cache }) : await loadContent('content', dir, { step: prepareStep, cache });
  if (content.articles.length !== count) throw new Error(`loaded ${content.articles.length} of ${count}: ${content.problems[0]?.message}`);
  return (performance.now() - started) / 1000;
}

console.log(`Threads reading files: ${threadCount()}\n`);
console.log('| articles | check cold (s) | check warm (s) | load + sanitize cold (s) | load + sanitize warm (s) | cold per article (ms) |');
console.log('|---:|---:|---:|---:|---:|---:|');
for (const count of sizes.length > 0 ? sizes : [1000, 10000]) {
  const dir = mkdtempSync(path.join(tmpdir(), 'news-archive-bench-'));
  try {
    generateCorpus(path.join(dir, 'content'), count);
    const checkCold = await seconds(dir, 'check', count);
    const checkWarm = await seconds(dir, 'check', count);
    const buildCold = await seconds(dir, 'build', count);
    const buildWarm = await seconds(dir, 'build', count);
    console.log(
      `| ${count} | ${checkCold.toFixed(2)} | ${checkWarm.toFixed(2)} | ${buildCold.toFixed(2)} | ${buildWarm.toFixed(2)} | ${((buildCold * 1000) / count).toFixed(3)} |`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
