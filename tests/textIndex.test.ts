/**
 * A day's news is related without comparing the whole archive again: the text
 * index takes added, removed and edited articles, and its neighbors are the
 * same as those of an index made anew from all the articles.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { BuildCache } from '../src/cache/buildCache.ts';
import { cachedRelateArticles } from '../src/related/cachedRelations.ts';
import { indexTermsOf, relateArticles, termCounter, weightedText, type RelatableArticle } from '../src/related/relateArticles.ts';
import { indexNeighbors, neighborsOf, settledCount, updateNeighbors, type NeighborIndex, type SimilarityOptions } from '../src/related/similarity.ts';
import { countedTermsOf, type PackedTerms } from '../src/related/terms.ts';
import { relatableOf } from '../src/archive/context.ts';
import { loadContent } from '../src/load/loadContent.ts';
import { step as prepareStep } from '../src/prepareFile.ts';
import { generateArticles, generateCorpus } from './support/generateCorpus.ts';

/** Generated articles (events told by several sources, a long-tailed vocabulary), oldest first. */
function articles(count: number, seed = 7): RelatableArticle[] {
  return [...generateArticles(count, { seed, years: 2 })]
    .map((article) => ({
      url: `/${article.file.replace(/\.md$/, '/')}`,
      title: article.title,
      description: article.description,
      text: article.body.replace(/<[^>]+>/g, ' '),
      epochMs: article.date.getTime(),
      tags: article.tags,
      link: article.link,
    }))
    .sort((a, b) => a.epochMs - b.epochMs || (a.url < b.url ? -1 : 1));
}

const count = termCounter('en');
const termsOf = (documents: readonly RelatableArticle[]) => (document: number) => count(weightedText(documents[document]!));
const block: SimilarityOptions = { settledBlock: 64 };

/** The index of `now`, updated from the index of `before` (articles matched by identity). */
function updated(previous: NeighborIndex, before: readonly RelatableArticle[], now: readonly RelatableArticle[]): NeighborIndex | undefined {
  const positionOf = new Map(before.map((article, position) => [article, position]));
  return updateNeighbors(
    previous,
    now.map((article) => positionOf.get(article)),
    termsOf(now),
    block,
  );
}

const fresh = (documents: readonly RelatableArticle[]) => indexNeighbors(documents.length, termsOf(documents), block);

describe('the text index takes a day of news', () => {
  const all = articles(420);
  // 380 articles: 256 settled, 124 newer; the 40 newest come later.
  const before = all.slice(0, 380);
  const previous = fresh(before);

  test('the settled part is all of a small archive, and all but one to two blocks of a large one', () => {
    assert.equal(settledCount(100, 64), 100);
    assert.equal(settledCount(127, 64), 127);
    assert.equal(settledCount(128, 64), 64);
    assert.equal(settledCount(191, 64), 64);
    assert.equal(settledCount(192, 64), 128);
    assert.equal(previous.settled, 256);
  });

  test('added articles: the same neighbors as indexing every article anew, and older articles gain the new ones', () => {
    const now = all.slice(0, 383);
    const index = updated(previous, before, now);
    assert.ok(index, 'the settled part is the same, so the index takes the additions');
    const neighbors = neighborsOf(index);
    assert.deepEqual(neighbors, neighborsOf(fresh(now)));
    const gained = Array.from({ length: 380 }, (_, document) => neighbors.index.subarray(neighbors.start[document], neighbors.start[document + 1])).filter(
      (list) => list.some((neighbor) => neighbor >= 380),
    );
    assert.ok(gained.length > 0, 'some older article has a new one among its neighbors');
  });

  test('removed, edited and back-dated newer articles, and updates upon updates: the same as anew', () => {
    let last = before;
    let index: NeighborIndex | undefined = previous;
    // A removed article and an edited one among the newer ones, an addition dated between them.
    const edited = { ...before[300]!, text: `${before[300]!.text} ${before[10]!.text}` };
    const backDated = { ...all[400]!, url: '/back-dated/', epochMs: before[290]!.epochMs + 1 };
    const steps = [
      [...before.slice(0, 300), edited, ...before.slice(301, 350), ...before.slice(351)],
      [...before.slice(0, 291), backDated, ...before.slice(291, 300), edited, ...before.slice(301, 350), ...before.slice(351), ...all.slice(380, 383)].sort(
        (a, b) => a.epochMs - b.epochMs || (a.url < b.url ? -1 : 1),
      ),
    ];
    for (const now of steps) {
      assert.equal(settledCount(now.length, 64), 256);
      index = updated(index!, last, now);
      assert.ok(index);
      assert.deepEqual(neighborsOf(index), neighborsOf(fresh(now)));
      last = now;
    }
  });

  test('a changed settled article, or a new settled block, needs a new index', () => {
    const changedSettled = [...before];
    changedSettled[20] = { ...before[20]!, text: 'A different text altogether.' };
    assert.equal(updated(previous, before, changedSettled), undefined);
    const olderThanSettled = [{ ...all[400]!, epochMs: before[0]!.epochMs - 1 }, ...before];
    assert.equal(updated(previous, before, olderThanSettled), undefined);
    // 384 articles: 320 settled.
    assert.equal(updated(previous, before, all.slice(0, 384)), undefined);
  });
});

describe('relating from the build cache', () => {
  test('after additions, an edit and a removal, the same stories, copies and lists as relating every article anew', () => {
    const all = articles(2_140, 11);
    const cache = new BuildCache(mkdtempSync(path.join(tmpdir(), 'relate-')));
    const relate = cachedRelateArticles(cache);
    const options = { language: 'en' };
    const base = all.slice(0, 2_100);
    relate(base, options);
    // 2,100 and 2,138 articles both have 1,024 settled: the cache's index takes the change.
    const edited = { ...base[2_050]!, text: `${base[2_050]!.text} ${base[40]!.text}` };
    const now = [...base.slice(0, 2_050), edited, ...base.slice(2_051, 2_090), ...base.slice(2_091), ...all.slice(2_100, 2_128)];
    assert.deepEqual(relate(now, options), relateArticles(now, options));
    // A copy of an older article, captured again.
    const copy = { ...all[2_000]!, url: '/copy/', epochMs: all[2_000]!.epochMs + 60_000, link: undefined };
    const later = [...now, copy];
    const relations = relate(later, options);
    assert.deepEqual(relations, relateArticles(later, options));
    assert.equal(relations.duplicateOf.get('/copy/'), all[2_000]!.url);
  });

  test("a day's news counts the terms of the new articles only: the index is read back from the cache", () => {
    // With their terms counted as their files were read, as a build gives them.
    const termsOf = indexTermsOf('en');
    const counted = new Set<string>();
    const all = articles(2_110, 13).map((article) => {
      const { counts, ...terms } = termsOf(article);
      const watched = Object.defineProperty(terms, 'counts', {
        enumerable: true,
        get: () => {
          counted.add(article.url);
          return counts;
        },
      }) as PackedTerms;
      return { ...article, terms: watched };
    });
    const relate = cachedRelateArticles(new BuildCache(mkdtempSync(path.join(tmpdir(), 'relate-'))));
    const options = { language: 'en' };
    relate(all.slice(0, 2_100), options);
    assert.equal(counted.size, 2_100);
    counted.clear();
    const relations = relate(all, options);
    // Indexing every article anew would count all 2,110 again (as `relateArticles` does below).
    assert.deepEqual(
      [...counted].sort(),
      all
        .slice(2_100)
        .map((article) => article.url)
        .sort(),
    );
    assert.deepEqual(relations, relateArticles(all, options));
  });
});

describe('arrays written as their bytes', () => {
  test('come back as written, from pieces or whole, and a cut file is no entry', () => {
    const cache = new BuildCache(mkdtempSync(path.join(tmpdir(), 'arrays-')));
    const namespace = cache.namespace('test');
    const whole = Float64Array.from([0.5, -1, Number.MAX_VALUE]);
    const shared = Uint32Array.from([1, 2, 3, 4, 5, 6]);
    assert.ok(
      namespace.writeWithArrays(
        'entry',
        { keys: ['a', 'b'] },
        { whole, pieces: [shared.subarray(0, 2), shared.subarray(4)], bytes: Uint8Array.from([7]), none: [] },
      ),
    );
    const read = namespace.readWithArrays<{ keys: string[] }>('entry');
    assert.deepEqual(read?.head, { keys: ['a', 'b'] });
    assert.deepEqual(read?.arrays, { whole, pieces: Uint32Array.from([1, 2, 5, 6]), bytes: Uint8Array.from([7]), none: new Uint8Array(0) });
    const file = path.join(namespace.folder, 'entry');
    writeFileSync(file, readFileSync(file).subarray(0, 40));
    assert.equal(namespace.readWithArrays('entry'), undefined);
  });
});

describe('index terms and links made as files are read', () => {
  test('relate the articles as terms counted and links normalized when relating do, and the build cache keeps them with each article', async () => {
    const cwd = mkdtempSync(path.join(tmpdir(), 'terms-'));
    generateCorpus(path.join(cwd, 'content'), 300, { seed: 5 });
    // Two captures of one article, a day apart, its link written as feeds vary it: the same article by its link alone.
    const capture = (name: string, date: string, link: string, words: string) =>
      writeFileSync(path.join(cwd, 'content', name), `---\ntitle: "${words}"\ndate: ${date}\nlink: '${link}'\n---\n<p>${words}, as its source told it.</p>\n`);
    capture('first-capture.md', '2024-03-01T08:00:00Z', 'http://www.port.example/news/dredging/?utm_source=rss', 'Harbour dredging starts');
    capture('second-capture.md', '2024-03-02T08:00:00Z', 'https://port.example/news/dredging', 'Dredging of the harbour begins');
    const cache = new BuildCache(path.join(cwd, '.cache'));
    for (const pass of ['read', 'from the cache']) {
      const loaded = await loadContent('content', cwd, { step: prepareStep, cache });
      // The same articles, without the terms and link they were read with: relating makes them.
      const relatable = loaded.articles.map((article) => ({ ...relatableOf(article), terms: undefined, normalizedLink: undefined }));
      assert.ok(
        loaded.articles.every((article) => countedTermsOf(article.terms).counts.length > 0),
        `${pass}: every article has its terms`,
      );
      const asRead = loaded.articles.map(relatableOf);
      const relations = relateArticles(asRead, { language: 'en' });
      assert.deepEqual(relations, relateArticles(relatable, { language: 'en' }), pass);
      const urlOf = (file: string) => loaded.articles.find((article) => article.file.endsWith(file))!.url;
      assert.equal(relations.duplicateOf.get(urlOf('second-capture.md')), urlOf('first-capture.md'), `${pass}: the second capture copies the first`);
    }
  });
});
