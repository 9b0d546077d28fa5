import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { groupTerms } from '../src/archive/taxonomy.ts';
import { slugPattern } from '../src/slug.ts';

interface Item {
  id: number;
  tags: string[];
}
const items = (...tagLists: string[][]): Item[] => tagLists.map((tags, id) => ({ id, tags }));
const group = (list: Item[]) => groupTerms(list, (item) => item.tags, 'tag');

describe('tags', () => {
  test('case and spacing do not make another tag; the most common spelling is shown', () => {
    const terms = group(items(['Security'], ['security'], [' security '], ['security', 'SECURITY']));
    assert.equal(terms.length, 1);
    assert.equal(terms[0]?.name, 'security');
    assert.equal(terms[0]?.slug, 'security');
    assert.deepEqual(
      terms[0]?.items.map((item) => item.id),
      [0, 1, 2, 3],
      'an article counts once per tag',
    );
  });

  test('Unicode tags keep a readable, valid URL', () => {
    const [term] = group(items(['Україна']));
    assert.equal(term?.name, 'Україна');
    assert.match(term?.slug ?? '', /^ukrayina$/);
  });

  test('tags whose slugs collide get distinct, valid URLs', () => {
    const terms = group(items(['C++'], ['C#'], ['C'], ['c']));
    assert.equal(terms.length, 3);
    const slugs = terms.map((term) => term.slug);
    assert.equal(new Set(slugs).size, 3);
    for (const slug of slugs) assert.match(slug, slugPattern);
    assert.equal(terms.find((term) => term.name === 'C')?.slug, 'c', 'the tag that is its own slug keeps it');
  });

  test('a URL does not change when a colliding tag appears later', () => {
    const before = group(items(['C++'], ['C#']));
    const after = group(items(['C++'], ['C#'], ['C'], ['C--']));
    for (const term of before) assert.equal(after.find((other) => other.key === term.key)?.slug, term.slug);
  });

  test('tags without letters or digits still get a URL', () => {
    const terms = group(items(['🚀'], ['!!!'], ['🚀']));
    assert.equal(terms.length, 2);
    for (const term of terms) assert.match(term.slug, /^tag-[0-9a-f]{6}$/);
    assert.notEqual(terms[0]?.slug, terms[1]?.slug);
  });

  test('the same input gives the same terms in the same order', () => {
    const list = items(['b', 'A'], ['a', 'C'], ['c']);
    assert.deepEqual(group(list), group([...list]));
    assert.deepEqual(
      group(list).map((term) => term.slug),
      ['a', 'b', 'c'],
    );
  });
});
