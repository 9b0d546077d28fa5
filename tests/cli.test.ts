import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { article, runBin, runCli, writeTree } from './helpers.ts';

const good = article({ title: 'Good', date: '2026-01-06' });

describe('news-archive check', () => {
  test('valid content: exit 0 and a summary', async () => {
    const cwd = writeTree({ 'content/a.md': good });
    const run = await runCli(['check'], { cwd });
    assert.equal(run.code, 0);
    assert.equal(run.stdout, '0 errors, 0 warnings in 1 article file');
  });

  test('prints every problem on one line naming file, line, field, expected and found; exit 1', async () => {
    const cwd = writeTree({
      'content/2026/01/x.md': article({ title: 'X', date: '2026-13-45' }),
      'content/2026/01/y.md': article({ title: 'Y', date: '2026-01-06', tittle: 'typo' }),
      'content/2026/01/z.md': '---js\n{}\n---\n',
    });
    const run = await runCli(['check'], { cwd });
    assert.equal(run.code, 1);
    const lines = run.stdout.split('\n');
    assert.deepEqual(lines.slice(0, 3), [
      'content/2026/01/x.md:3: date: expected a date like 2026-01-06 or 2026-01-06T14:30:00-05:00, got "2026-13-45" [invalid-field]',
      'content/2026/01/y.md:4: warning: tittle: is not a known field and is ignored (did you mean "title"?) [unknown-field]',
      'content/2026/01/z.md:1: front matter in "js" is refused: expected YAML [front-matter-language]',
    ]);
    assert.ok(lines.some((line) => line.startsWith('hint [front-matter-language]: ')));
    assert.equal(lines.at(-1), '2 errors, 1 warning in 3 article files');
    assert.ok(!run.stdout.includes('"code"'), 'never zod JSON');
  });

  test('warnings alone do not fail', async () => {
    const cwd = writeTree({ 'content/a.md': article({ title: 'A', date: '2026-01-06', extra: 'x' }) });
    assert.equal((await runCli(['check'], { cwd })).code, 0);
  });

  test('under GitHub Actions, problems are also workflow annotations', async () => {
    const cwd = writeTree({ 'content/x.md': article({ title: 'X', date: '2026-13-45', link: '"javascript:a,b"' }) });
    const run = await runCli(['check'], { cwd, env: { GITHUB_ACTIONS: 'true' } });
    const annotations = run.stdout.split('\n').filter((line) => line.startsWith('::'));
    assert.deepEqual(annotations, [
      '::error file=content/x.md,line=3,title=invalid-field::date: expected a date like 2026-01-06 or 2026-01-06T14:30:00-05:00, got "2026-13-45"',
      '::error file=content/x.md,line=4,title=invalid-field::link: expected an absolute http(s) URL like https://example.com/page, got "javascript:a,b"',
    ]);
    const plain = await runCli(['check'], { cwd });
    assert.ok(!plain.stdout.includes('::error'));
  });

  test('--content points at another folder', async () => {
    const cwd = writeTree({ 'articles/a.md': good });
    const run = await runCli(['check', '--content', 'articles'], { cwd });
    assert.equal(run.code, 0);
    assert.match(run.stdout, /in 1 article file$/);
  });
});

describe('command line use', () => {
  test('--help on every command', async () => {
    for (const command of ['build', 'check']) {
      const run = await runCli([command, '--help']);
      assert.equal(run.code, 0);
      assert.match(run.stdout, new RegExp(`^Usage: news-archive ${command}`));
      assert.match(run.stdout, /--content DIR/);
    }
    const top = await runCli(['--help']);
    assert.match(top.stdout, /build +build the site/);
  });

  test('unknown commands and options are usage errors (exit 2) with help', async () => {
    const unknownCommand = await runCli(['publish']);
    assert.equal(unknownCommand.code, 2);
    assert.match(unknownCommand.stderr, /unknown command "publish"/);
    const unknownOption = await runCli(['check', '--contnet', 'x']);
    assert.equal(unknownOption.code, 2);
    assert.match(unknownOption.stderr, /--contnet/);
    assert.match(unknownOption.stderr, /Usage: news-archive check/);
  });

  test('a bad --base-url is a usage error', async () => {
    const cwd = writeTree({ 'content/a.md': good });
    const run = await runCli(['build', '--base-url', 'javascript:alert(1)'], { cwd });
    assert.equal(run.code, 2);
    assert.match(run.stderr, /--base-url: expected an absolute http\(s\) URL/);
  });

  test('an output folder overlapping the content is refused', async () => {
    const cwd = writeTree({ 'content/a.md': good });
    for (const output of ['content', 'content/site', '.']) {
      const run = await runCli(['build', '--output', output], { cwd });
      assert.equal(run.code, 2, output);
      assert.match(run.stderr, /overlap/);
    }
  });

  test('a failure that is not in the content (here Pagefind cannot start) is one line that says what, exit 1', async () => {
    const cwd = writeTree({ 'content/a.md': good });
    // Where Pagefind's npm package looks for its program first.
    const run = await runBin(['build'], { cwd, env: { PAGEFIND_EXTENDED_BINARY_PATH: '/nonexistent/pagefind' } });
    assert.equal(run.code, 1, run.stderr);
    assert.match(run.stderr, /^news-archive build: the search index part 2026 could not be built: .+$/m);
    assert.match(run.stderr, /NEWS_ARCHIVE_DEBUG=1/);
    assert.doesNotMatch(run.stderr, /at .*src\/search\/indexSearch\.ts/, 'no stack trace of ours unless asked');

    // Asked for, the whole chain: the build's error, then the one raised inside the worker thread by Pagefind's library, each with its stack.
    const debug = await runBin(['build'], { cwd, env: { PAGEFIND_EXTENDED_BINARY_PATH: '/nonexistent/pagefind', NEWS_ARCHIVE_DEBUG: '1' } });
    assert.equal(debug.code, 1, debug.stderr);
    assert.match(debug.stderr, /^1\. Error: the search index part 2026 could not be built/m);
    assert.match(debug.stderr, /^2\. caused by: Error: .+\n +at .*node_modules\/pagefind\//m);
  });
});
