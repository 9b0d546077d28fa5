/**
 * A deterministic corpus of articles in the seed-001 format, for benchmarks:
 * the same N always gives the same files. Sources, tags and dates vary the
 * way a real archive's do; bodies are 2–8 KB of HTML with links and lists,
 * in a vocabulary of 20,000 words, and most articles belong to an event.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { slugify } from '../../src/slug.ts';

/** Mulberry32: a small seeded PRNG, so corpora are reproducible. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The most common words of news, then made-up words: together a vocabulary with a long tail, like real text. */
const commonWords =
  'government minister talks peace security economy market election court police report city council health school climate energy deal agreement officials president coalition war ceasefire protest budget inflation trade tariff vote parliament investigation storm flood wildfire research study hospital company shares growth'.split(
    ' ',
  );
const syllables = 'ka lo mi ne ru sa te vi zo ba de fu gi ho ju ly ma no pi qu re si to un va we xi ye za'.split(' ');
const vocabularySize = 20_000;
/** Word number `rank`: common words first, then pronounceable made-up words. */
function wordAt(rank: number): string {
  if (rank < commonWords.length) return commonWords[rank]!;
  let word = '';
  for (let n = rank; n > 0; n = Math.floor(n / syllables.length)) word += syllables[n % syllables.length];
  return word;
}

export interface CorpusOptions {
  seed?: number;
  /** Years of dates, ending with 2025. */
  years?: number;
  sources?: number;
  /** Distinct tags to draw from, Zipf-distributed. */
  tags?: number;
}

export interface GeneratedArticle {
  /** Path relative to the content folder. */
  file: string;
  title: string;
  date: Date;
  description: string;
  link: string;
  source: string;
  tags: string[];
  /** HTML. */
  body: string;
}

/**
 * Articles one by one. Most belong to an event (a few days, a few words of its
 * own that its articles repeat), as news does; the rest stand alone.
 */
export function* generateArticles(count: number, options: CorpusOptions = {}): Generator<GeneratedArticle> {
  const { seed = 1, years = 10, tags: tagCount = 400, sources: sourceCount = 40 } = options;
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  // Zipf-like: low indexes are far more common.
  const zipf = (n: number): number => Math.min(n - 1, Math.floor(n ** next()) - 1);
  const sources = Array.from({ length: sourceCount }, (_, i) => `https://feeds.source${i}.example/rss`);
  const start = Date.UTC(2026 - years, 0, 1);
  const span = years * 365 * 24 * 3600 * 1000;
  const day = 24 * 3600 * 1000;
  const events = Array.from({ length: Math.max(1, Math.floor(count / 5)) }, () => ({
    date: start + Math.floor(next() * (span - 3 * day)),
    words: Array.from({ length: 8 }, () => wordAt(commonWords.length + 2000 + Math.floor(next() * (vocabularySize - 2000)))),
  }));

  for (let i = 0; i < count; i++) {
    const event = next() < 0.6 ? pick(events) : undefined;
    const date = new Date(event ? event.date + Math.floor(next() * 3 * day) : start + Math.floor(next() * span));
    const word = () => (event && next() < 0.12 ? pick(event.words) : wordAt(zipf(vocabularySize)));
    const title = [...(event ? [pick(event.words), pick(event.words)] : []), ...Array.from({ length: 5 + Math.floor(next() * 7) }, word)].join(' ');
    const tags = Array.from({ length: 1 + Math.floor(next() * 5) }, () => `topic-${zipf(tagCount)}`);
    const paragraphs = Array.from({ length: 6 + Math.floor(next() * 20) }, () => {
      const sentence = Array.from({ length: 25 + Math.floor(next() * 25) }, word).join(' ');
      return next() < 0.3 ? `<p>${sentence} <a href="https://example.com/${word()}" target="_blank">${word()}</a>.</p>` : `<p>${sentence}.</p>`;
    });
    if (next() < 0.1) paragraphs.push('<ul><li>one</li><li>two</li></ul>');
    if (next() < 0.05) paragraphs.push('<script>alert(1)</script><img src="x" onerror="alert(1)">');
    const source = pick(sources);
    const month = String(date.getUTCMonth() + 1).padStart(2, '0');
    yield {
      // Named by its slug, as `import` and `new` name the files they write.
      file: path.join(String(date.getUTCFullYear()), month, `${slugify(`${title} ${i}`)}.md`),
      title: `${title} ${i}`,
      date,
      description: `${title}.`,
      link: `https://www.source${sources.indexOf(source)}.example/story/${i}`,
      source,
      tags,
      body: paragraphs.join(''),
    };
  }
}

export function generateCorpus(dir: string, count: number, options: CorpusOptions = {}): void {
  for (const article of generateArticles(count, options)) {
    const file = path.join(dir, article.file);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(
      file,
      [
        '---',
        `title: "${article.title}"`,
        `date: ${article.date.toISOString()}`,
        `description: "${article.description}"`,
        `link: '${article.link}'`,
        `source: '${article.source}'`,
        'categories:',
        `- '${new URL(article.source).host}'`,
        'tags:',
        ...article.tags.map((tag) => `- '${tag}'`),
        'draft: false',
        '---',
        article.body,
        '',
      ].join('\n'),
    );
  }
}
