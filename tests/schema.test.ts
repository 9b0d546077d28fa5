import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { readArticle } from '../src/load/readArticle.ts';
import { articleSchema } from '../src/schema/article.ts';
import { defaultSiteSettings } from '../src/schema/site.ts';
import { article } from './helpers.ts';

const base = { title: 'Peace talks resume', date: '2026-01-06' };

/** Reads an article made of the base fields plus `fields` (YAML source text per key). */
function read(fields: Record<string, string>, body?: string) {
  return readArticle('content/a.md', article({ ...base, ...fields }, body), defaultSiteSettings);
}

function valid(fields: Record<string, string>) {
  const result = read(fields);
  assert.deepEqual(
    result.problems.filter((p) => p.severity === 'error'),
    [],
  );
  assert.ok(result.article);
  return result.article;
}

function invalid(fields: Record<string, string>, field: string, ...expectedParts: string[]) {
  const result = read(fields);
  assert.equal(result.article, undefined, 'an article with an invalid field is not loaded');
  const problem = result.problems.find((p) => p.field === field);
  assert.ok(problem, `expected a problem for ${field}, got ${JSON.stringify(result.problems)}`);
  assert.equal(problem.code, 'invalid-field');
  for (const part of expectedParts) assert.ok(problem.message.includes(part), `${JSON.stringify(problem.message)} should include ${JSON.stringify(part)}`);
  return problem;
}

describe('title', () => {
  test('is required', () => {
    const result = readArticle('content/a.md', article({ date: '2026-01-06' }), defaultSiteSettings);
    const problem = result.problems.find((p) => p.field === 'title');
    assert.equal(problem?.message, 'is required: expected a title');
  });
  test('is trimmed, and a number is taken as text', () => {
    assert.equal(valid({ title: '"  Spaced  "' }).title, 'Spaced');
    assert.equal(valid({ title: '1984' }).title, '1984');
  });
  test('cannot be empty or a list', () => {
    invalid({ title: "''" }, 'title', 'expected a title');
    invalid({ title: '[a, b]' }, 'title', 'expected a title', 'got a list of 2');
  });
});

describe('date', () => {
  test('is required', () => {
    const result = readArticle('content/a.md', article({ title: 'x' }), defaultSiteSettings);
    assert.match(result.problems.find((p) => p.field === 'date')?.message ?? '', /^is required: expected a date like 2026-01-06/);
  });
  test('accepts a date, a date-time with offset or Z, and an RSS date', () => {
    assert.equal(valid({ date: '2026-01-06' }).date.iso, '2026-01-06T00:00:00.000Z');
    assert.equal(valid({ date: '2026-01-06T14:30:00-05:00' }).date.iso, '2026-01-06T19:30:00.000Z');
    assert.equal(valid({ date: '"2026-01-06T14:30Z"' }).date.iso, '2026-01-06T14:30:00.000Z');
    assert.equal(valid({ date: '2026-01-06 14:30:00' }).date.iso, '2026-01-06T14:30:00.000Z');
    assert.equal(valid({ date: '"Tue, 06 Jan 2026 14:30:00 GMT"' }).date.iso, '2026-01-06T14:30:00.000Z');
  });
  test('rejects impossible dates and other formats, showing what was found', () => {
    const problem = invalid({ date: '2026-13-45' }, 'date');
    assert.equal(problem.message, 'expected a date like 2026-01-06 or 2026-01-06T14:30:00-05:00, got "2026-13-45"');
    invalid({ date: '2026-02-30' }, 'date', 'got "2026-02-30"');
    invalid({ date: 'yesterday' }, 'date', 'got "yesterday"');
    invalid({ date: '20260106' }, 'date', 'got "20260106"');
    invalid({ date: '06/01/2026' }, 'date');
  });
  test('reports the line of the field', () => {
    const problem = invalid({ date: '2026-13-45' }, 'date');
    assert.equal(problem.line, 3);
  });
});

describe('updated', () => {
  test('is optional and read like date', () => {
    assert.equal(valid({}).updated, undefined);
    assert.equal(valid({ updated: '2026-01-07T10:00:00+02:00' }).updated?.iso, '2026-01-07T08:00:00.000Z');
    invalid({ updated: 'soon' }, 'updated', 'got "soon"');
  });
});

describe('description and summary', () => {
  test('are optional; empty means absent', () => {
    const a = valid({ description: "''", summary: '' });
    assert.equal(a.description, undefined);
    assert.equal(a.summary, undefined);
    assert.equal(valid({ description: 'A dek.' }).description, 'A dek.');
  });
  test('must be text', () => {
    invalid({ description: '{a: 1}' }, 'description', 'expected a description', 'got a set of fields');
  });
});

describe('slug', () => {
  const readFile = (file: string, fields: Record<string, string> = {}) => readArticle(file, article({ ...base, ...fields }), defaultSiteSettings);
  test('is the file’s name when the front matter gives none, as Jekyll, Hugo, Zola and Eleventy take it', () => {
    assert.equal(readFile('content/2026/01/lead-story.md').article?.slug, 'lead-story');
    assert.equal(
      readFile('content/2014-04-28-18f-demo-day-may-9-2014.md', { date: '2014-04-28T10:00:00Z' }).article?.url,
      '/2014/04/28/18f-demo-day-may-9-2014/',
    );
    assert.equal(readFile('content/_posts/2015-03-17-a-post.markdown').article?.slug, 'a-post');
    // A page bundle is named by its folder.
    assert.equal(readFile('content/posts/harbour-strike/index.md').article?.slug, 'harbour-strike');
    // A name that is not safe in a URL is made into a slug.
    assert.equal(readFile('content/Ports & Harbours.md').article?.slug, 'ports-and-harbours');
  });
  test('is made from the title, transliterated and lowercase, when the file’s name has no letters or digits', () => {
    const fromTitle = (title: string) => readFile('content/!!!.md', { title }).article?.slug;
    assert.equal(fromTitle('"Peace talks resume"'), 'peace-talks-resume');
    // Transliterated to readable ASCII (the exact romanization is the library's).
    assert.match(fromTitle('"Україна: переговори"') ?? '', /^ukrayina-pere[gh]ovor[iy]$/);
    assert.equal(fromTitle('"C++ & Rust: 50% faster?"'), 'c-and-rust-50-faster');
    const long = fromTitle('word '.repeat(500)) ?? '';
    assert.ok(long.length <= 100 && !long.endsWith('-'), long);
  });
  test('when given, is used as is', () => {
    const a = valid({ slug: 'my-own-slug' });
    assert.equal(a.slug, 'my-own-slug');
    assert.equal(a.url, '/2026/01/06/my-own-slug/');
  });
  for (const legacy of ['usgs_app', 'rWBclimate-maps', '1.94.1-release', 'trailing-', 'a--b']) {
    test(`keeps ${JSON.stringify(legacy)}, as another generator published it, with a warning`, () => {
      const result = read({ slug: JSON.stringify(legacy) });
      assert.equal(result.article?.url, `/2026/01/06/${legacy}/`);
      assert.deepEqual(
        result.problems.map((p) => [p.code, p.severity, p.field]),
        [['legacy-slug', 'warning', 'slug']],
      );
    });
  }
  for (const bad of ['../etc', 'a/b', 'a\\\\b', '..', '.', '.hidden', 'a..b', 'with space', 'ünïcode', '%2e%2e', '-lead']) {
    test(`refuses ${JSON.stringify(bad)}: never a path`, () => {
      invalid({ slug: JSON.stringify(bad) }, 'slug', 'expected a slug of lowercase letters, digits and single hyphens');
    });
  }
});

describe('image, link and source', () => {
  for (const field of ['image', 'link', 'source'] as const) {
    test(`${field}: optional http(s) URL, '' means absent`, () => {
      assert.equal(valid({})[field], undefined);
      assert.equal(valid({ [field]: "''" })[field], undefined);
      assert.equal(valid({ [field]: 'https://example.com/a?b=1' })[field], 'https://example.com/a?b=1');
      assert.equal(valid({ [field]: 'HTTP://Example.COM' })[field], 'http://example.com/');
    });
    for (const bad of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      '/relative/path',
      'example.com/page',
      'ftp://example.com/',
      'https://exa mple.com/',
    ]) {
      // An image may be a path on the site the archive came from (tests/other-generators.test.ts): never a refusal.
      const isPathOrBroken = field === 'image' && ['/relative/path', 'example.com/page', 'https://exa mple.com/'].includes(bad);
      if (isPathOrBroken) {
        test(`${field}: ${bad} is no address: a picture of the content folder when the site is linked, or a warning`, () => {
          const result = read({ [field]: JSON.stringify(bad) });
          assert.equal(result.article?.image, undefined);
          if (bad.startsWith('https:')) {
            assert.deepEqual(
              result.problems.map((p) => p.code),
              ['unresolved-image'],
            );
          } else {
            // Whether the content folder has it is the links stage's to tell (tests/other-generators.test.ts).
            assert.equal(result.article?.imageFile, bad);
            assert.deepEqual(result.problems, []);
          }
        });
      } else {
        test(`${field}: rejects ${bad}`, () => {
          invalid({ [field]: JSON.stringify(bad) }, field, 'expected an absolute http(s) URL');
        });
      }
    }
  }
});

describe('categories and tags', () => {
  for (const field of ['categories', 'tags'] as const) {
    test(`${field}: a list, or one string as a one-item list; absent is empty`, () => {
      assert.deepEqual(valid({})[field], []);
      assert.deepEqual(valid({ [field]: 'solo' })[field], ['solo']);
      assert.deepEqual(valid({ [field]: '[" a ", b, b, "", 2026]' })[field], ['a', 'b', '2026']);
      // One string with commas is the list its writer meant (Pelican, WordPress exports): not one term "a, b".
      assert.deepEqual(valid({ [field]: '"harbour, strike,, city"' })[field], ['harbour', 'strike', 'city']);
    });
    test(`${field}: items must be text`, () => {
      invalid({ [field]: '[ok, {x: 1}]' }, `${field}[1]`, 'got a set of fields');
    });
  }
});

describe('author and authors', () => {
  test('are optional and merged into authors', () => {
    assert.deepEqual(valid({}).authors, []);
    assert.deepEqual(valid({ author: 'Max Bacall' }).authors, ['Max Bacall']);
    assert.deepEqual(valid({ author: 'A', authors: '[B, A]' }).authors, ['A', 'B']);
  });
});

describe('draft', () => {
  test('defaults to false', () => {
    assert.equal(valid({}).draft, false);
  });
  test('reads booleans, and "false" as false', () => {
    assert.equal(valid({ draft: 'true' }).draft, true);
    assert.equal(valid({ draft: '"false"' }).draft, false);
    assert.equal(valid({ draft: 'no' }).draft, false);
    assert.equal(valid({ draft: 'yes' }).draft, true);
  });
  test('rejects anything else', () => {
    invalid({ draft: 'maybe' }, 'draft', 'expected true or false', 'got "maybe"');
  });
});

describe('format', () => {
  test('is guessed from the body when absent', () => {
    assert.equal(read({}, '<p>html</p>').article?.format, 'html');
    assert.equal(read({}, '# Markdown\n\ntext').article?.format, 'markdown');
  });
  test('when given, wins', () => {
    assert.equal(read({ format: 'markdown' }, '<p>html</p>').article?.format, 'markdown');
    assert.equal(read({ format: 'HTML' }, 'text').article?.format, 'html');
  });
  test('rejects other formats', () => {
    invalid({ format: 'rst' }, 'format', 'expected "html" or "markdown"', 'got "rst"');
  });
});

describe('unknown keys', () => {
  test('are kept and reported as a warning naming the key, with a suggestion', () => {
    const result = read({ tittle: 'Typo' });
    assert.ok(result.article, 'a warning does not stop the article');
    assert.deepEqual(result.article.extra, { tittle: 'Typo' });
    const warning = result.problems.find((p) => p.code === 'unknown-field');
    assert.equal(warning?.severity, 'warning');
    assert.equal(warning?.field, 'tittle');
    assert.match(warning?.message ?? '', /did you mean "title"/);
    assert.equal(warning?.line, 4);
  });
});

test('character references in titles, deks and tags are decoded once, for pages, slugs and feeds alike', () => {
  const parsed = articleSchema.parse({
    title: '&ldquo;Agilefall&rdquo; and R&D at AT&T&#8217;s lab',
    date: '2026-01-06',
    description: 'Caf&eacute; &amp;amp; more',
    tags: ['Caf&eacute;'],
  });
  assert.equal(parsed.title, '“Agilefall” and R&D at AT&T’s lab');
  // Once: `&amp;amp;` was an escaped `&amp;`, and stays one.
  assert.equal(parsed.description, 'Café &amp; more');
  assert.deepEqual(parsed.tags, ['Café']);
  const read = readArticle('content/-.md', '---\ntitle: "&ldquo;Agilefall&rdquo; wins"\ndate: 2026-01-06\n---\nText', defaultSiteSettings);
  assert.equal(read.article?.slug, 'agilefall-wins');
});
