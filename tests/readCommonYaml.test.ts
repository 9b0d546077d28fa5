/**
 * Front matter read by js-yaml (`src/load/readCommonYaml.ts`) must read as `yaml` reads it: the same data, the
 * same problems, the same lines. Checked on front matter as generators write it and on random documents made
 * of the same kinds of lines, with the values that tell YAML readers apart.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { readCommonYaml } from '../src/load/readCommonYaml.ts';
import { readYamlDocument, readYamlMapping, type YamlResult } from '../src/load/readYaml.ts';

/** What a reader of the result sees: data, warnings, problems, and the line of each path a problem may name. */
function seen(result: YamlResult, paths: readonly (readonly PropertyKey[])[]) {
  if (!result.ok) return { problems: result.problems };
  return {
    data: result.value.data,
    warnings: result.warnings ?? [],
    lines: paths.map((path) => result.value.lineOf(path)),
  };
}

const pathsOf = (source: string): PropertyKey[][] => {
  const keys = [...source.matchAll(/^([A-Za-z][\w-]*):/gm)].map((match) => match[1]!);
  return [...keys, 'absent'].flatMap((key) => [[key], [key, 0], [key, 1], [key, 7], [key, 'x'], [key, 0, 'y']]);
};

function assertReadAlike(source: string, firstLine = 2) {
  const paths = pathsOf(source);
  assert.deepEqual(seen(readYamlMapping('a.md', source, firstLine), paths), seen(readYamlDocument('a.md', source, firstLine), paths), source);
}

test('readCommonYaml: front matter as Jekyll, Hugo, Eleventy and feeds write it is read by js-yaml, as yaml reads it', () => {
  const common = [
    // Jekyll's post front matter (jekyllrb.com/docs/front-matter), with a block list and a flow list.
    'layout: post\ntitle: "Welcome to Jekyll!"\ndate: 2015-11-19 14:30:00 -0500\ncategories: jekyll update\ntags:\n- news\n- harbour\n',
    'title: Blogging Like a Hacker\npermalink: /blog/:year/:title/\ntags: [jekyll, "front matter"]\npublished: false\n',
    // Hugo's (gohugo.io/content-management/front-matter): dates, a draft, weights, lists indented.
    "title: 'Example'\ndate: 2024-02-02T04:14:54-08:00\ndraft: false\nweight: 10\ncategories:\n  - Politics\n  - 'World news'\n",
    // An archived feed item, with a description in a block and a URL.
    'title: Council weighs pier closure\nlink: https://example.com/news/pier?id=3&x=1\ndescription: >-\n  The council met on Tuesday.\n  It said: "soon".\n\nsummary: |\n  Line one\n    indented\n\n  after a blank\nimage: /img/pier.jpg\n',
    "# imported by news-archive\ntitle: Über café — 'n' ünïcode, “quotes”\nsource: ~\nupdated:\nauthor: null\nrating: 4.5\ncount: 012\n",
  ];
  for (const source of common) {
    assert.ok(readCommonYaml(source, 2), `read by js-yaml:\n${source}`);
    assertReadAlike(source);
  }
});

test('readCommonYaml: anything else is left to yaml, with its problems and warnings', () => {
  const others = [
    // Only a lenient parser reads these: yaml's problem becomes a warning.
    'title: "A quoted title\nover two lines"\n',
    'title: A plain title\ncontinued at the margin\n',
    'title: A: B\n',
    'title: x\ntitle: y\n',
    'title: &a x\nother: *a\n',
    'title: !!js/function x\n',
    'author:\n  name: Jane\n',
    'title: x # a comment\n',
    'count: 1_000\n',
    'flags: 0b101\n',
    'title: x\r\ndate: 2026-01-05\r\n',
    'title:\ttabbed\n',
    '',
    '# nothing but a comment\n',
  ];
  for (const source of others) {
    assert.equal(readCommonYaml(source, 2), undefined, `left to yaml:\n${source}`);
    assertReadAlike(source);
  }
});

const plainWords = fc.constantFrom(
  'Harbour strike',
  'It\'s "quoted" inside',
  'a:b',
  'a: b',
  'ends with:',
  'x # y',
  'x#y',
  'Q&A *now* !',
  'café ünï',
  'true',
  'True',
  'yes',
  'null',
  '~',
  'NULL',
  '1',
  '012',
  '1_000',
  '1.5',
  '1.',
  '1e3',
  '1E3',
  '0x1F',
  '0X1F',
  '0o17',
  '0O17',
  '0b101',
  '.5',
  '.inf',
  '+1',
  '-1',
  '12:30',
  '2026-01-05',
  '2026-01-05T09:00:00Z',
  '2015-11-19 14:30:00 -0500',
  'https://example.com/a?b=1&c=2',
  '[a, b]',
  '[]',
  '{a: 1}',
  '- item',
  '|',
  '>-',
  "'single'",
  '"double"',
  '"open',
  "it''s",
  'a, b',
  '@at',
  '`tick`',
  '%pct',
  '?q',
);
const text = fc.string({ unit: fc.constantFrom('a', 'Z', ' ', ':', '#', '"', "'", '\\', ',', '[', ']', '-', '_', '.', '1', 'é', '\t', 'n', 'u') });
const value = fc.oneof(
  plainWords,
  text,
  text.map((s) => JSON.stringify(s)),
  text.map((s) => `'${s.replaceAll("'", "''")}'`),
  text.map((s) => `"${s}"`),
  fc
    .array(
      fc.oneof(
        plainWords,
        text.map((s) => JSON.stringify(s)),
      ),
      { maxLength: 4 },
    )
    .map((items) => `[${items.join(', ')}]`),
);
const indent = fc.constantFrom('', ' ', '  ', '    ');
const keyName = fc.constantFrom('title', 'tags', 'date', 'description', 'x-y', 'a_b', 'Title', '__proto__', '1st');
const line = fc.oneof(
  fc.tuple(keyName, value).map(([k, v]) => `${k}: ${v}`),
  fc.tuple(keyName, value).map(([k, v]) => `${k}:${v}`),
  keyName.map((k) => `${k}:`),
  fc.tuple(keyName, fc.constantFrom('|', '|-', '|+', '>', '>-', '>+', '|2')).map(([k, v]) => `${k}: ${v}`),
  fc.tuple(indent, value).map(([i, v]) => `${i}- ${v}`),
  fc.tuple(indent, text).map(([i, t]) => `${i}${t}`),
  fc.constantFrom('', '  ', '# a comment', '  # indented comment', '---', '...'),
);

test('readCommonYaml: random documents of those lines read as yaml reads them', () => {
  fc.assert(
    fc.property(fc.array(line, { minLength: 1, maxLength: 9 }), (lines) => {
      assertReadAlike(`${lines.join('\n')}\n`);
    }),
    { numRuns: 3000 },
  );
});

test('readCommonYaml: random documents of common lines alone read as yaml reads them', () => {
  const commonValue = fc.oneof(
    plainWords,
    text.map((s) => JSON.stringify(s)),
    text.map((s) => `'${s.replaceAll("'", "''")}'`),
  );
  // Keys of their own, numbered as they come: a duplicate key is left to yaml, which the test above covers.
  const commonKey = fc.constantFrom('title', 'tags', 'date', 'description', 'x-y', 'a_b', 'Title');
  const block = fc
    .tuple(commonKey, fc.array(fc.tuple(indent, commonValue), { minLength: 1, maxLength: 3 }))
    .map(([k, items]) => [`${k}:`, ...items.map(([i, v]) => `${i}- ${v}`)]);
  const scalarBlock = fc
    .tuple(commonKey, fc.constantFrom('|', '|-', '|+', '>', '>-', '>+'), fc.array(fc.tuple(fc.constantFrom('  ', '   ', ''), text), { maxLength: 3 }))
    .map(([k, indicator, lines]) => [`${k}: ${indicator}`, ...lines.map(([i, t]) => `${i}${t}`)]);
  const pair = fc.tuple(commonKey, commonValue).map(([k, v]) => [`${k}: ${v}`]);
  let readByJsYaml = 0;
  fc.assert(
    fc.property(fc.array(fc.oneof(pair, pair, block, scalarBlock), { minLength: 1, maxLength: 6 }), (parts) => {
      const source = `${parts.flatMap(([first, ...rest], n) => [first!.replace(':', `${n}:`), ...rest]).join('\n')}\n`;
      if (readCommonYaml(source, 1)) readByJsYaml += 1;
      assertReadAlike(source, 1);
    }),
    { numRuns: 3000 },
  );
  // The documents above are mostly of the common kinds: most must have been read by js-yaml, not all left to yaml.
  assert.ok(readByJsYaml > 600, `${readByJsYaml} of 3,000 read by js-yaml`);
});

test('readCommonYaml: a hostile line of a million spaces is read in one pass, as yaml reads it', () => {
  // Each character of a line can be read one way only: a pattern that could take a space two ways would try
  // about a million ways for each of a million spaces here, and this test would not end.
  const spaces = ' '.repeat(1_000_000);
  for (const source of [
    `title: a${spaces}#\n`,
    `title: a${spaces}b${spaces}#\n`,
    `title: a${spaces}b\n`,
    `tags: [a${spaces}b${spaces}#]\n`,
    `tags: [a${spaces}, b]\n`,
    `tags:\n- a${spaces}#\n`,
    `title:${spaces}x: y\n`,
    // Values read as the whole text after their key (an unquoted-value warning).
    `title: a: b${spaces}c\n`,
    `title: "a"${spaces}b${spaces}\n`,
  ]) {
    assertReadAlike(source, 1);
  }
});
