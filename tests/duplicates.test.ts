/** Duplicate detection: link normalization and text fingerprints, on the seeds and on edge cases. */
import assert from 'node:assert/strict';
import { readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { settledAfterMs } from '../src/cache/folderStamp.ts';
import { parse } from 'yaml';
import { copySimilarity, findDuplicates, type Comparable } from '../src/duplicates/findDuplicates.ts';
import { fingerprint, overlap } from '../src/duplicates/fingerprint.ts';
import { normalizeLink } from '../src/duplicates/normalizeLink.ts';
import { readClipping } from '../src/import/readClipping.ts';
import { relateArticles } from '../src/related/relateArticles.ts';
import { article, fixture, runCli, writeTree } from './helpers.ts';

describe('normalizeLink', () => {
  test('scheme, host case, www, trailing slash, fragment and tracking parameters do not count', () => {
    const same = [
      'https://www.example.com/news/story',
      'http://example.com/news/story/',
      'HTTPS://Example.COM/news/story#comments',
      'https://example.com/news/story?utm_source=rss&utm_medium=feed',
      'https://example.com/news/story?fbclid=abc&gclid=1',
      'https://example.com:443/news/story',
    ];
    assert.deepEqual(new Set(same.map(normalizeLink)).size, 1);
  });

  test('what identifies an article still counts: path, other parameters, their values', () => {
    const different = [
      'https://example.com/news/story',
      'https://example.com/news/story-2',
      'https://example.com/news/story?id=1',
      'https://example.com/news/story?id=2',
      'https://other.example.com/news/story',
    ];
    assert.equal(new Set(different.map(normalizeLink)).size, different.length);
    assert.equal(normalizeLink('https://example.com/a?b=2&a=1'), normalizeLink('https://example.com/a?a=1&b=2'));
  });
});

/** An article to compare: one title, one source and one day unless said otherwise. */
const item = (id: string, body: string, details: Partial<Comparable> = {}): Comparable => ({ id, body, title: 'Talks in Geneva', epochMs: 0, ...details });

describe('text fingerprints on the seeds', () => {
  const bodyOf001 = readFileSync(fixture('articles/seed-001.md'), 'utf8').split(/\n---\n/)[1]!;
  const clippingText = (seed: string) => readClipping(readFileSync(fixture(`import/seed-${seed}.txt`), 'utf8')).paragraphs.join('\n');

  test('seed 000 (a plain-text capture of 001) is near-identical to 001, whatever their markup', () => {
    assert.ok(overlap(fingerprint(bodyOf001), fingerprint(clippingText('000'))) >= 0.9);
  });

  test('seed 003 (the same statement in other words) and 002, 004 (other stories) are not copies of 001', () => {
    for (const seed of ['002', '003', '004']) {
      const similarity = overlap(fingerprint(bodyOf001), fingerprint(clippingText(seed)));
      assert.ok(similarity < 0.2, `${seed}: ${similarity}`);
    }
  });

  test('findDuplicates pairs 000 with 001 and nothing else', () => {
    const titleOf = (seed: string) => readClipping(readFileSync(fixture(`import/seed-${seed}.txt`), 'utf8')).title ?? '';
    const items = ['000', '002', '003', '004'].map((seed) => item(seed, clippingText(seed), { title: titleOf(seed) }));
    const title001 = /^title: ["']?(.*?)["']?$/m.exec(readFileSync(fixture('articles/seed-001.md'), 'utf8'))![1]!;
    const pairs = findDuplicates([item('001', bodyOf001, { title: title001 }), ...items]);
    assert.deepEqual(
      pairs.map(({ first, second, reason }) => [first, second, reason]),
      [['000', '001', 'text']],
    );
  });
});

describe('findDuplicates: edge cases', () => {
  const story = Array.from({ length: 12 }, (_, i) => `Sentence number ${i} says something different about the talks in Geneva and the ceasefire.`).join(' ');

  test('a short quote of a long article is not a copy of it', () => {
    const quote = story.split('. ').slice(0, 2).join('. ');
    assert.deepEqual(findDuplicates([item('long', story), item('quote', `<p>${quote}</p>`)]), []);
  });

  test('short texts are never called copies, however alike', () => {
    assert.deepEqual(findDuplicates([item('a', 'Breaking news.'), item('b', 'Breaking news.')]), []);
  });

  test('a capture that lost its last paragraph, or gained a caption, is still a copy', () => {
    const paragraphs = story.split('. ');
    const truncated = paragraphs.slice(0, -2).join('. ');
    const withCaption = `${story} Photo: Jane Doe/Reuters`;
    const pairs = findDuplicates([item('a', story), item('b', truncated), item('c', withCaption)]);
    assert.deepEqual(
      pairs.map(({ first, second }) => `${first}-${second}`),
      ['a-b', 'a-c', 'b-c'],
    );
  });
});

describe('second captures: one decision for check, import and the site', () => {
  interface Labelled {
    id: string;
    source: string;
    date: string;
    title: string;
    body: string;
    duplicateOf?: string;
  }
  const corpus = parse(readFileSync(fixture('near-copies/corpus.yaml'), 'utf8')) as Labelled[];
  const comparable = (post: Labelled): Comparable => ({ id: post.id, body: post.body, title: post.title, source: post.source, epochMs: Date.parse(post.date) });
  const truth = corpus.filter((post) => post.duplicateOf).map((post) => `${post.duplicateOf} ${post.id}`);

  test('the set is what it claims: series whose texts alone would be called copies, and true copies', () => {
    const prints = new Map(corpus.map((post) => [post.id, fingerprint(post.body)]));
    const families = ['ruby-', 'weekly-', 'award-', 'closure-'];
    for (const family of families) {
      const [a, b] = corpus.filter((post) => post.id.startsWith(family));
      assert.ok(copySimilarity(prints.get(a!.id)!, prints.get(b!.id)!) !== undefined, `${family}: texts alike enough to be called copies by text alone`);
    }
    assert.ok(truth.length >= 2);
  });

  test('check and import: precision and recall 1.0, the earlier published as the original', (t) => {
    const found = findDuplicates(corpus.map(comparable)).map((pair) => `${pair.first} ${pair.second}`);
    const { precision, recall } = precisionRecall(new Set(truth), new Set(found));
    t.diagnostic(`check: precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)} over ${truth.length} pairs`);
    assert.deepEqual(found.sort(), [...truth].sort());
  });

  test('the site marks the same second captures, naming the same originals', () => {
    const relations = relateArticles(
      corpus.map((post) => ({
        url: post.id,
        file: post.id,
        title: post.title,
        text: post.body,
        epochMs: Date.parse(post.date),
        tags: [],
        source: post.source,
      })),
      { language: 'en' },
    );
    assert.deepEqual([...relations.duplicateOf].map(([copy, original]) => `${original} ${copy}`).sort(), [...truth].sort());
  });

  test('of two captures published at once, the earlier file is the original, everywhere', () => {
    const body = corpus.find((post) => post.id === 'rates')!.body;
    const posts = ['b.md', 'a.md'].map((id) => ({ id, body, title: 'Central bank holds rates', source: 'https://feeds.ledger.example/business', epochMs: 0 }));
    assert.deepEqual(
      findDuplicates(posts).map((pair) => [pair.first, pair.second]),
      [['a.md', 'b.md']],
    );
    const relations = relateArticles(
      posts.map((post) => ({ url: `/${post.id}/`, file: post.id, title: post.title, text: post.body, epochMs: 0, tags: [], source: post.source })),
      { language: 'en' },
    );
    assert.deepEqual([...relations.duplicateOf], [['/b.md/', '/a.md/']]);
  });
});

function precisionRecall(truth: Set<string>, predicted: Set<string>): { precision: number; recall: number } {
  const found = [...predicted].filter((pair) => truth.has(pair)).length;
  return { precision: predicted.size === 0 ? 1 : found / predicted.size, recall: truth.size === 0 ? 1 : found / truth.size };
}

describe('check: duplicates through the cache', () => {
  const story = Array.from({ length: 12 }, (_, i) => `Sentence number ${i} tells how the ferry line to the island reopened after the storm.`).join(' ');
  const capture = (title: string, date: string, body: string) =>
    article({ title, date, source: 'https://feeds.harbour.example/rss', link: `https://harbour.example/${date}` }, `<p>${body}</p>`);

  test("a second check, which reads the articles' sketches from the cache, warns the same; an edited text is sketched again", async () => {
    const cwd = writeTree({
      'content/2026/03/ferry.md': capture('The ferry line reopens', '2026-03-01', story),
      'content/2026/03/ferry-again.md': capture('The ferry line reopens!', '2026-03-02', `${story} A last word.`),
    });
    const first = await runCli(['check'], { cwd });
    assert.match(first.stdout, /ferry-again\.md: warning: nearly the same title and text as content\/2026\/03\/ferry\.md/);
    const second = await runCli(['check'], { cwd });
    assert.equal(second.stdout, first.stdout);
    writeTree(
      {
        'content/2026/03/ferry-again.md': capture('The ferry line reopens!', '2026-03-02', 'Another story altogether, about the new timetable and its fares.'),
      },
      cwd,
    );
    const third = await runCli(['check'], { cwd });
    assert.doesNotMatch(third.stdout, /nearly the same title and text/);
  });

  test('content left alone: a check says again what the last one said; an edit that keeps size and times is not missed', async () => {
    const cwd = writeTree({
      'content/2026/03/ferry.md': capture('The ferry line reopens', '2026-03-01', story),
      'content/2026/03/ferry-again.md': capture('The ferry line reopens!', '2026-03-02', `${story} A last word.`),
    });
    // Until its files are older than their times can tell apart, no stamp is trusted.
    await sleep(settledAfterMs + 200);
    const first = await runCli(['check'], { cwd });
    assert.equal(first.code, 0, first.stdout);
    assert.match(first.stdout, /ferry-again\.md: warning: nearly the same title and text/);
    const second = await runCli(['check'], { cwd });
    assert.equal(second.stdout, first.stdout);

    const file = path.join(cwd, 'content/2026/03/ferry-again.md');
    const { atime, mtime } = statSync(file);
    writeFileSync(file, readFileSync(file, 'utf8').replace('date: 2026-03-02', 'date: 2026-13-02'));
    utimesSync(file, atime, mtime);
    const third = await runCli(['check'], { cwd });
    assert.equal(third.code, 1, third.stdout);
    assert.match(third.stdout, /ferry-again\.md:\d+: date: expected a date/);
  });
});
