import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { loadSite } from '../src/load/loadSite.ts';
import { problemKinds, type ProblemKind } from '../src/problems.ts';
import { knownSiteKeys } from '../src/schema/site.ts';
import { parse } from 'yaml';
import { initSite, siteYamlTemplate } from '../src/write/initSite.ts';
import { article, runCli, writeTree } from './helpers.ts';

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
      'content/2026/01/z.md:1: front matter in "js" is refused: expected YAML, TOML or JSON [front-matter-language]',
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
      '::error file=content/x.md,line=3,title=invalid-field::date: expected a date like 2026-01-06 or 2026-01-06T14:30:00-05:00, got "2026-13-45"%0AThe message says what the field expects and what it holds: fix the value, or remove the field if it is optional.',
      '::error file=content/x.md,line=4,title=invalid-field::link: expected an absolute http(s) URL like https://example.com/page, got "javascript:a,b"%0AThe message says what the field expects and what it holds: fix the value, or remove the field if it is optional.',
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
    assert.match(unknownOption.stderr, /^news-archive check: unknown option --contnet \(did you mean --content\?\)$/m);
    assert.match(unknownOption.stderr, /Usage: news-archive check/);
  });

  test('a misspelled flag gets the nearest one; a flag like no other gets none', async () => {
    const near = await runCli(['build', '--baseurl', 'https://x.example/']);
    assert.equal(near.code, 2);
    assert.match(near.stderr, /^news-archive build: unknown option --baseurl \(did you mean --base-url\?\)$/m);
    const far = await runCli(['build', '--frobnicate']);
    assert.equal(far.code, 2);
    assert.match(far.stderr, /^news-archive build: unknown option --frobnicate$/m);
    const missingValue = await runCli(['build', '--output']);
    assert.equal(missingValue.code, 2);
    assert.match(missingValue.stderr, /--output/);
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
});

describe('a new archive, and a folder that is not there', () => {
  test('new in an empty folder makes the content folder and the article', async () => {
    const cwd = writeTree({});
    const run = await runCli(['new', '--title', 'First story', '--date', '2026-01-06'], { cwd });
    assert.equal(run.code, 0, run.stderr);
    assert.ok(existsSync(path.join(cwd, 'content/2026/01/first-story.md')));
  });
  test('a misspelled content folder is a sentence naming the folder meant, never a system error', async () => {
    const cwd = writeTree({ 'content/site.yaml': 'title: T\n' });
    for (const command of ['build', 'check']) {
      const run = await runCli([command, '--content', 'contnet'], { cwd });
      assert.equal(run.code, 2);
      assert.match(run.stderr, /the content folder "contnet" does not exist: did you mean "content"\? Pass --content/);
      assert.doesNotMatch(run.stderr, /ENOENT|lstat/);
    }
  });
});

describe('news-archive init', () => {
  test('writes a ready site that checks and builds, and prints what to run next', async () => {
    const cwd = writeTree({});
    const run = await runCli(['init', 'my-archive'], { cwd });
    assert.equal(run.code, 0, run.stderr);
    for (const file of ['content/site.yaml', '.gitignore', '.github/workflows/site.yml']) assert.ok(existsSync(path.join(cwd, 'my-archive', file)), file);
    assert.match(
      run.stdout,
      /Next:\n {2}cd my-archive\n {2}npx news-archive new --title "Your first story"\n {2}npx news-archive build\n {2}npx news-archive serve/,
    );
    const site = path.join(cwd, 'my-archive');
    assert.match((await runCli(['check'], { cwd: site })).stdout, /^0 errors, 0 warnings in 1 article file$/m);
    const build = await runCli(['build'], { cwd: site });
    assert.equal(build.code, 0, build.stderr);
    assert.match(readFileSync(path.join(site, '.gitignore'), 'utf8'), /^_site\/$/m);
    assert.match(readFileSync(path.join(site, '.github/workflows/site.yml'), 'utf8'), /npx news-archive build --base-url/);
  });
  test('its workflow fetches the followed feeds on a schedule once two lines are uncommented, and commits only what changed', () => {
    const cwd = writeTree({});
    initSite({ cwd, today: '2026-12-01' });
    const workflow = readFileSync(path.join(cwd, '.github/workflows/site.yml'), 'utf8');
    const off = parse(workflow) as { on: Record<string, unknown> };
    assert.equal(off.on.schedule, undefined, 'no schedule until the archive follows feeds');
    const on = parse(workflow.replace(/^ {2}# (schedule:| {2}- cron:)/gm, '  $1')) as {
      on: { schedule: { cron: string }[] };
      jobs: { build: { steps: { if?: string; run?: string }[]; permissions: Record<string, string> } };
    };
    assert.equal(on.on.schedule[0]?.cron, '17 */3 * * *');
    const steps = on.jobs.build.steps;
    assert.deepEqual(
      steps.filter((step) => step.if === "github.event_name == 'schedule'").map((step) => step.run?.split('\n')[0]),
      ['npx news-archive fetch', 'git add content'],
    );
    assert.match(steps.find((step) => step.run?.startsWith('git add'))!.run!, /if ! git diff --cached --quiet; then/);
    assert.equal(on.jobs.build.permissions.contents, 'write');
  });
  test('site.yaml names every setting, and with every example uncommented it is still valid', async () => {
    const yaml = siteYamlTemplate('News archive');
    for (const key of knownSiteKeys) assert.match(yaml, new RegExp(`^(?:# )?${key}:`, 'm'), key);
    // A commented setting: `# key: value`, or an entry under it (`#   jdoe: Jane Doe`, `#   - label: About`).
    const uncommented = yaml.replace(/^# (?=(?: {2,4})?(?:- )?(?:[A-Za-z]\w*|https?:\/\/\S+):(?: |$))/gm, '');
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47]);
    const folder = writeTree({
      'content/site.yaml': uncommented,
      'content/logo.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
      'content/favicon.png': png,
      'static/.keep': '',
    });
    const { site, problems } = loadSite(path.join(folder, 'content'), (file) => file);
    assert.deepEqual(problems, [], uncommented);
    assert.equal(site.timezone, 'UTC');
    assert.equal(site.authors.jdoe, 'Jane Doe');
    assert.deepEqual(
      site.navigation?.map((link) => link.label),
      ['Latest', 'About'],
    );
    // The logo and the icon it names are found, as a build finds them.
    assert.match((await runCli(['check'], { cwd: folder })).stdout, /^0 errors, 0 warnings in 0 article files$/m);
  });
  test('never writes over a file: with any of its files there, nothing is written', async () => {
    const cwd = writeTree({ '.gitignore': 'mine\n' });
    const run = await runCli(['init'], { cwd });
    assert.equal(run.code, 2);
    assert.match(run.stderr, /\.gitignore exists already: init writes nothing over a file/);
    assert.ok(!existsSync(path.join(cwd, 'content')));
    assert.equal(readFileSync(path.join(cwd, '.gitignore'), 'utf8'), 'mine\n');
  });
});

describe('messages with a way out', () => {
  test('every problem code has a hint saying what to do', () => {
    assert.deepEqual(
      Object.values(problemKinds)
        .filter((kind: ProblemKind) => !kind.hint)
        .map((kind) => kind.code),
      [],
    );
  });
  test('new names the option whose value is wrong', async () => {
    const run = await runCli(['new', '--title', 'X', '--date', 'tomorrow'], { cwd: writeTree({}) });
    assert.equal(run.code, 1);
    assert.match(run.stderr, /^news-archive new: --date: expected a date like 2026-01-06/m);
  });
  test('an article without a body is a warning, and its page claims no reading time', async () => {
    const cwd = writeTree({
      'content/a.md': '---\ntitle: Headline only\ndate: 2026-01-06\n---\n',
      'content/b.md': '---\ntitle: Later\ndate: 2026-01-07\ndraft: true\n---\n',
    });
    const check = await runCli(['check'], { cwd });
    assert.match(check.stdout, /^content\/a\.md: warning: has no body: its page shows the headline and nothing under it \[empty-body\]$/m);
    assert.doesNotMatch(check.stdout, /content\/b\.md/);
    assert.equal((await runCli(['build'], { cwd })).code, 0);
    assert.doesNotMatch(readFileSync(path.join(cwd, '_site/2026/01/06/a/index.html'), 'utf8'), /min read/);
  });
});
