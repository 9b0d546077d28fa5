/**
 * Broken and hostile files, all in one content folder next to a good article:
 * each is built safely or reported as a problem naming it; the good article
 * is built with --skip-invalid; nothing crashes or hangs; nothing is written
 * outside the output folder.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { article, runCli, tempDir, writeTree } from '../helpers.ts';

const frontMatter = (lines: string[], body = 'Text.') => `---\n${lines.join('\n')}\n---\n${body}\n`;
const ok = ['title: Fine', 'date: 2026-01-06'];

/** Every file under `root`, relative, sorted. */
function listing(root: string): string[] {
  return readdirSync(root, { recursive: true, encoding: 'utf8' }).sort();
}

describe('broken and hostile files', async () => {
  const outside = tempDir();
  writeFileSync(path.join(outside, 'secret.md'), article({ title: 'Secret outside content', date: '2026-01-01' }));
  const files: Record<string, string | Uint8Array> = {
    'content/good.md': article({ title: 'The good article', date: '2026-01-06', slug: 'good' }),
    'content/invalid-utf8.md': new Uint8Array([
      ...Buffer.from('---\ntitle: Bad bytes \n'),
      0xff,
      0xfe,
      0xc3,
      0x28,
      ...Buffer.from('\ndate: 2026-01-06\n---\nx\n'),
    ]),
    'content/binary.md': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]),
    'content/empty.md': '',
    'content/unclosed.md': '---\ntitle: Never closed\ndate: 2026-01-06\n\nBody without a closing line.\n',
    'content/yaml-syntax.md': frontMatter(['title: [unclosed', 'date: 2026-01-06']),
    'content/alias-bomb.md': frontMatter([
      'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
      'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
      'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
      'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
      'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]',
      'f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]',
      'title: *f',
      'date: 2026-01-06',
    ]),
    'content/js-function.md': frontMatter(['title: !!js/function "function () { process.exit(7) }"', 'date: 2026-01-06']),
    'content/proto.md': frontMatter(['title: Proto', 'date: 2026-01-07', 'slug: proto', '<<: {__proto__: {polluted: true}}', '__proto__: {polluted: true}']),
    'content/duplicate-keys.md': frontMatter(['title: One', 'title: Two', 'date: 2026-01-06']),
    'content/big-body.md': frontMatter(['title: Five megabytes', 'date: 2026-01-08', 'slug: big'], `<p>${'All work and no play. '.repeat(240_000)}</p>`),
    'content/many-tags.md': frontMatter([
      'title: A thousand tags',
      'date: 2026-01-09',
      'slug: tags',
      `tags: [${Array.from({ length: 1000 }, (_, i) => `"tag ${i}"`).join(', ')}]`,
    ]),
    'content/long-title.md': frontMatter([`title: "${'Long '.repeat(2000)}"`, 'date: 2026-01-10']),
    'content/slug-traversal.md': frontMatter([...ok, 'slug: ../../../escaped']),
    'content/slug-slash.md': frontMatter([...ok, 'slug: a/b']),
    'content/slug-nul.md': frontMatter([...ok, 'slug: "a\\u0000b"']),
    'content/slug-rtl.md': frontMatter([...ok, 'slug: "abc\\u202egpj"']),
    'content/tags-hostile.md': frontMatter([
      'title: Hostile tags',
      'date: 2026-01-11',
      'slug: hostile-tags',
      'tags: ["../../../etc", "/", "a/b", "nul\\u0000tag", "rtl\\u202eoverride", "..", "."]',
      'author: "../../root"',
    ]),
    'content/same-url-1.md': frontMatter(['title: Same', 'date: 2026-01-12', 'slug: same']),
    'content/same-url-2.md': frontMatter(['title: Same again', 'date: 2026-01-12', 'slug: same']),
  };
  const cwd = writeTree(files);
  symlinkSync(path.join(outside, 'secret.md'), path.join(cwd, 'content', 'link-outside.md'));
  const before = listing(cwd);
  const outsideBefore = listing(outside);
  const started = performance.now();
  const run = await runCli(['build', '--skip-invalid'], { cwd });
  const seconds = (performance.now() - started) / 1000;
  const site = path.join(cwd, '_site');

  test('the build finishes, and builds the good article', () => {
    assert.equal(run.code, 0, run.stderr.slice(0, 3000));
    assert.ok(seconds < 120, `${seconds} s`);
    assert.ok(existsSync(path.join(site, '2026/01/06/good/index.html')));
  });

  test('every broken file is reported by name', () => {
    const reported = (file: string, pattern: RegExp) => {
      const line = run.stderr.split('\n').find((candidate) => candidate.startsWith(`content/${file}`));
      assert.ok(line, `${file} is reported`);
      assert.match(line, pattern, line);
    };
    // Bytes that are not UTF-8 are read as Windows-1252, as an old archive's files are, and said (the line is then no YAML).
    reported('invalid-utf8.md', /:3: warning: is not valid UTF-8: read as Windows-1252, where this line reads "ÿþÃ\(" \[legacy-encoding\]/);
    reported('binary.md', /\[invalid-encoding\]/);
    reported('empty.md', /\[empty-file\]/);
    reported('unclosed.md', /\[unclosed-front-matter\]/);
    reported('yaml-syntax.md', /\[yaml-syntax\]/);
    reported('alias-bomb.md', /alias/i);
    reported('js-function.md', /\[yaml-tag\]/);
    reported('duplicate-keys.md', /\[yaml-syntax\]/);
    reported('slug-traversal.md', /slug: /);
    reported('slug-slash.md', /slug: /);
    reported('slug-nul.md', /slug: /);
    reported('slug-rtl.md', /slug: /);
    reported('same-url-2.md', /same-url-1\.md.*\[duplicate-url\]|\[duplicate-url\]/);
  });

  test('the link to a file outside content/ is not followed', () => {
    assert.ok(!run.stderr.includes('Secret outside content'));
    assert.ok(!readFileSync(path.join(site, 'index.html'), 'utf8').includes('Secret outside content'));
  });

  test('what can be built safely is: prototypes untouched, a 5 MB body, 1,000 tags, a 10,000-character title, hostile tag names', () => {
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    assert.ok(existsSync(path.join(site, '2026/01/07/proto/index.html')));
    assert.ok(readFileSync(path.join(site, '2026/01/08/big/index.html')).length > 5_000_000);
    assert.equal(readdirSync(path.join(site, 'tags')).filter((name) => existsSync(path.join(site, 'tags', name, 'index.html'))).length >= 1000, true);
    assert.ok(readdirSync(path.join(site, '2026/01/10')).length === 2, 'the long title has a page (and the day its index)');
    const hostile = readFileSync(path.join(site, '2026/01/11/hostile-tags/index.html'), 'utf8');
    const tagLinks = [...hostile.matchAll(/<a href="([^"]+)" rel="tag"/g)].map((match) => match[1]!);
    assert.equal(tagLinks.length, 7);
    for (const href of tagLinks) assert.match(href, /^\.\.\/\.\.\/\.\.\/\.\.\/tags\/[a-z0-9-]+\/$/);
  });

  test('nothing was written outside the output folder but the cache, whose names content cannot choose', () => {
    const after = listing(cwd).filter((file) => !file.startsWith('_site'));
    const cache = '.cache/news-archive';
    assert.deepEqual(
      after.filter((file) => !file.startsWith('.cache')),
      before,
    );
    // Cached articles in packs of random names and their index, relations by their inputs', the page manifest by the output folder's;
    // and the folder the search documents waited in for Pagefind, empty once the build is done.
    const cacheNames =
      /^\.cache(?:\/news-archive(?:\/build(?:\/index|\/packs(?:\/[0-9a-f-]{36}\.pack)?)?|\/relations(?:\/[0-9a-f]{64})?|\/text-index(?:\/[0-9a-f]{64})?|\/pages(?:\/[0-9a-f]{16}\.json)?|\/checks(?:\/[0-9a-f]{16}\.bin)?|\/spool)?)?$/;
    assert.deepEqual(
      after.filter((file) => file.startsWith('.cache') && !cacheNames.test(file)),
      [],
      `only hashes under ${cache}`,
    );
    assert.deepEqual(listing(outside), outsideBefore);
    assert.ok(!existsSync(path.join(cwd, 'escaped')) && !existsSync(path.join(path.dirname(cwd), 'escaped')));
  });
});
