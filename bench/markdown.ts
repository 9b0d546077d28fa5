/**
 * Markdown bodies, timed: how long one long post takes to become safe HTML
 * on one core (the figure issue 17 sets at 5 ms for 20 KB), and a cold build
 * of a blog of such posts (every file read, sanitized, rendered, indexed).
 * Run: node --import tsx bench/markdown.ts [posts=1000] [--no-build]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildSite } from '../src/buildSite.ts';
import { sanitizeBody } from '../src/sanitize/sanitizeBody.ts';
import { markdownPost, writeMarkdownBlog } from './markdownCorpus.ts';

const args = process.argv.slice(2);
const posts = Number(args.find((arg) => /^\d+$/.test(arg)) ?? 1000);

const bodies = Array.from({ length: 200 }, (_, i) => markdownPost(i + 1));
const averageKb = bodies.reduce((sum, body) => sum + body.length, 0) / bodies.length / 1000;
// Warm the code up first: the figure is the steady state, as in a build of many files.
for (const body of bodies.slice(0, 20)) sanitizeBody(body, { format: 'markdown' });
const started = performance.now();
for (const body of bodies) sanitizeBody(body, { format: 'markdown' });
const perPost = (performance.now() - started) / bodies.length;
console.log(`Markdown → safe HTML, one core: ${perPost.toFixed(2)} ms per post of ${averageKb.toFixed(1)} KB (${bodies.length} posts)`);

if (!args.includes('--no-build')) {
  const dir = mkdtempSync(path.join(tmpdir(), 'news-archive-markdown-'));
  try {
    writeMarkdownBlog(path.join(dir, 'content'), posts);
    const buildStarted = performance.now();
    const result = await buildSite({ cwd: dir, contentDir: 'content', outputDir: '_site', cacheDir: false });
    if (!result.built || result.articleCount !== posts) throw new Error(`built ${result.articleCount} of ${posts} posts`);
    console.log(`Cold build of ${posts} Markdown posts: ${((performance.now() - buildStarted) / 1000).toFixed(1)} s`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
