/**
 * A deterministic corpus of articles in the seed-001 format, for benchmarks:
 * the same N always gives the same files. Sources, tags and dates vary the
 * way a real archive's do; bodies are 2–8 KB of HTML with links and lists.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Mulberry32: a small seeded PRNG, so corpora are reproducible. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const words =
  'government minister talks peace security economy market election court police report city council health school climate energy deal agreement officials president coalition war ceasefire protest budget inflation trade tariff vote parliament investigation storm flood wildfire research study hospital company shares growth'.split(
    ' ',
  );

export interface CorpusOptions {
  seed?: number;
  /** Years of dates, ending with 2025. */
  years?: number;
  sources?: number;
  /** Distinct tags to draw from, Zipf-distributed. */
  tags?: number;
}

export function generateCorpus(dir: string, count: number, options: CorpusOptions = {}): void {
  const { seed = 1, years = 10, tags: tagCount = 400, sources: sourceCount = 40 } = options;
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  // Zipf-like: low indexes are far more common.
  const zipf = (n: number): number => Math.min(n - 1, Math.floor(n ** next()) - 1);
  const sources = Array.from({ length: sourceCount }, (_, i) => `https://feeds.source${i}.example/rss`);
  const start = Date.UTC(2026 - years, 0, 1);
  const span = years * 365 * 24 * 3600 * 1000;

  for (let i = 0; i < count; i++) {
    const date = new Date(start + Math.floor(next() * span));
    const title = Array.from({ length: 6 + Math.floor(next() * 8) }, () => pick(words)).join(' ');
    const tags = Array.from({ length: 1 + Math.floor(next() * 5) }, () => `topic-${zipf(tagCount)}`);
    const paragraphs = Array.from({ length: 8 + Math.floor(next() * 30) }, () => {
      const sentence = Array.from({ length: 25 + Math.floor(next() * 25) }, () => pick(words)).join(' ');
      return next() < 0.3 ? `<p>${sentence} <a href="https://example.com/${pick(words)}" target="_blank">${pick(words)}</a>.</p>` : `<p>${sentence}.</p>`;
    });
    if (next() < 0.1) paragraphs.push('<ul><li>one</li><li>two</li></ul>');
    if (next() < 0.05) paragraphs.push('<script>alert(1)</script><img src="x" onerror="alert(1)">');
    const source = pick(sources);
    const month = String(date.getUTCMonth() + 1).padStart(2, '0');
    const file = path.join(dir, String(date.getUTCFullYear()), month, `article-${i}.md`);
    const link = `https://www.source${sources.indexOf(source)}.example/story/${i}`;
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(
      file,
      [
        '---',
        `title: "${title} ${i}"`,
        `date: ${date.toISOString()}`,
        `description: "${title}."`,
        `link: '${link}'`,
        `source: '${source}'`,
        'categories:',
        `- '${new URL(source).host}'`,
        'tags:',
        ...tags.map((tag) => `- '${tag}'`),
        'draft: false',
        '---',
        paragraphs.join(''),
        '',
      ].join('\n'),
    );
  }
}
