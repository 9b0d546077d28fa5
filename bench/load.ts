/**
 * Times the loader, the sanitizer and `check` on generated corpora.
 * Run: npm run bench -- 1000 10000
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadContent } from '../src/load/loadContent.ts';
import { sanitizeArticle } from '../src/sanitize/sanitizeArticles.ts';
import { generateCorpus } from './generateCorpus.ts';

const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);

console.log('| articles | load (s) | sanitize (s) | load per article (ms) | sanitize per article (ms) | heap after (MB) |');
console.log('|---:|---:|---:|---:|---:|---:|');
for (const count of sizes.length > 0 ? sizes : [1000, 10000]) {
  const dir = mkdtempSync(path.join(tmpdir(), 'news-archive-bench-'));
  try {
    generateCorpus(path.join(dir, 'content'), count);
    let started = performance.now();
    const content = loadContent('content', dir);
    const loadSeconds = (performance.now() - started) / 1000;
    if (content.articles.length !== count) throw new Error(`loaded ${content.articles.length} of ${count}: ${content.problems[0]?.message}`);
    started = performance.now();
    for (const article of content.articles) sanitizeArticle(article);
    const sanitizeSeconds = (performance.now() - started) / 1000;
    const heap = process.memoryUsage().heapUsed / 2 ** 20;
    console.log(
      `| ${count} | ${loadSeconds.toFixed(2)} | ${sanitizeSeconds.toFixed(2)} | ${((loadSeconds * 1000) / count).toFixed(3)} | ${((sanitizeSeconds * 1000) / count).toFixed(3)} | ${heap.toFixed(0)} |`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
