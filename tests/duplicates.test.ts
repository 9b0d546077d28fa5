/** Duplicate detection: link normalization and text fingerprints, on the seeds and on edge cases. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { findDuplicates } from '../src/duplicates/findDuplicates.ts';
import { fingerprint, overlap } from '../src/duplicates/fingerprint.ts';
import { normalizeLink } from '../src/duplicates/normalizeLink.ts';
import { readClipping } from '../src/import/readClipping.ts';
import { fixture } from './helpers.ts';

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
    const items = ['000', '002', '003', '004'].map((seed) => ({ id: seed, body: clippingText(seed) }));
    const pairs = findDuplicates([{ id: '001', body: bodyOf001 }, ...items]);
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
    assert.deepEqual(
      findDuplicates([
        { id: 'long', body: story },
        { id: 'quote', body: `<p>${quote}</p>` },
      ]),
      [],
    );
  });

  test('short texts are never called copies, however alike', () => {
    assert.deepEqual(
      findDuplicates([
        { id: 'a', body: 'Breaking news.' },
        { id: 'b', body: 'Breaking news.' },
      ]),
      [],
    );
  });

  test('a capture that lost its last paragraph, or gained a caption, is still a copy', () => {
    const paragraphs = story.split('. ');
    const truncated = paragraphs.slice(0, -2).join('. ');
    const withCaption = `${story} Photo: Jane Doe/Reuters`;
    const pairs = findDuplicates([
      { id: 'a', body: story },
      { id: 'b', body: truncated },
      { id: 'c', body: withCaption },
    ]);
    assert.deepEqual(
      pairs.map(({ first, second }) => `${first}-${second}`),
      ['a-b', 'a-c', 'b-c'],
    );
  });
});
