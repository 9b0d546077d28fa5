/**
 * Adding articles: `import` of the seed clippings (compared with article
 * files written by hand), of article files and of RSS/Atom feeds from files
 * and URLs, duplicates caught, bad inputs refused whole; `new`; and `check`'s
 * duplicate warnings.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import sharp from 'sharp';
import { parse } from 'yaml';
import { outletOf } from '../src/import/readFeed.ts';
import { article, fixture, runCli, writeTree } from './helpers.ts';

const siteYaml = 'title: Seeds\nsources:\n  https://feeds.foxnews.com/foxnews/latest: Fox News\n';
const seed001 = readFileSync(fixture('articles/seed-001.md'), 'utf8');

/** Every file under `content/`, with its text: to prove that nothing changed. */
function snapshot(cwd: string): Record<string, string> {
  const root = path.join(cwd, 'content');
  return Object.fromEntries(
    readdirSync(root, { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.md') || file.endsWith('.yaml') || file.includes('.tmp'))
      .sort()
      .map((file) => [file, readFileSync(path.join(root, file), 'utf8')]),
  );
}

/** Front matter as data and body as text, so that key order and quoting do not matter. */
function articleParts(text: string): { data: unknown; body: string } {
  const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text);
  assert.ok(match, 'an article file with front matter');
  return { data: parse(match[1]!), body: match[2]! };
}

function writtenFiles(stdout: string): string[] {
  return [...stdout.matchAll(/^wrote (\S+)/gm)].map((match) => match[1]!);
}

describe('import: the seed clippings', () => {
  const cases = [
    { seed: '000', args: ['--date', '2026-01-06'] },
    { seed: '002', args: ['--date', '2026-01-06'] },
    { seed: '003', args: ['--date', '2026-01-06', '--title', 'Allies near a security framework for Ukraine, NATO envoy says'] },
    { seed: '004', args: ['--date', '2025-08-17', '--link', 'https://news.example.com/2025/08/17/putin-nato-like-security-agreement'] },
  ];
  for (const { seed, args } of cases) {
    test(`seed ${seed} becomes the article written by hand: headline, dek, byline and paragraphs, without the page furniture`, async () => {
      const cwd = writeTree({ 'content/site.yaml': siteYaml });
      const run = await runCli(['import', fixture(`import/seed-${seed}.txt`), ...args], { cwd });
      assert.equal(run.code, 0, run.stderr);
      const [file] = writtenFiles(run.stdout);
      assert.ok(file, run.stdout);
      const written = articleParts(readFileSync(path.join(cwd, file), 'utf8'));
      const expected = articleParts(readFileSync(fixture(`import/expected-${seed}.md`), 'utf8'));
      assert.deepEqual(written.data, expected.data);
      assert.deepEqual(written.body.split('\n'), expected.body.split('\n'));
      // And the imported file is a valid article.
      const check = await runCli(['check'], { cwd });
      assert.equal(check.code, 0, check.stdout);
    });
  }

  test('the written file sits at content/YYYY/MM/<slug>.md and the output gives its URL', async () => {
    const cwd = writeTree({ 'content/site.yaml': siteYaml });
    const run = await runCli(['import', fixture('import/seed-002.txt'), '--date', '2026-01-06'], { cwd });
    assert.match(
      run.stdout,
      /^wrote content\/2026\/01\/uk-france-strike-new-ukraine-security-pact-as-us-takes-lead-in-ceasefire-enforcement\.md {2}\(\/2026\/01\/06\/uk-france-strike-new-ukraine-security-pact-as-us-takes-lead-in-ceasefire-enforcement\/\)$/m,
    );
    assert.match(run.stdout, /Imported 1 article\./);
  });

  test('seed 000 imported next to seed 001 is reported as its duplicate, and nothing is written', async () => {
    const cwd = writeTree({ 'content/site.yaml': siteYaml, 'content/2026/01/seed-001.md': seed001 });
    const before = snapshot(cwd);
    const run = await runCli(['import', fixture('import/seed-000.txt'), '--date', '2026-01-06'], { cwd });
    assert.equal(run.code, 0, run.stderr);
    assert.match(
      run.stdout,
      /skipped "NATO ambassador says .*" from .*seed-000\.txt: nearly the same title and text as content\/2026\/01\/seed-001\.md, from the same source \(\d+% of its passages are in the other\)/,
    );
    assert.match(run.stdout, /Imported 0 articles, skipped 1 article already in the archive\./);
    assert.deepEqual(snapshot(cwd), before);
  });

  test('the archive is read through the cache: the next import finds the same copy from it, and a dry run writes none', async () => {
    const cwd = writeTree({ 'content/site.yaml': siteYaml, 'content/2026/01/seed-001.md': seed001 });
    const importSeed = (...extra: string[]) => runCli(['import', fixture('import/seed-000.txt'), '--date', '2026-01-06', ...extra], { cwd });
    const skipped = /skipped "NATO ambassador says .*" from .*seed-000\.txt: nearly the same title and text as content\/2026\/01\/seed-001\.md/;
    const cache = path.join(cwd, '.cache/news-archive/import');
    const entries = () => (existsSync(cache) ? readdirSync(cache, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.pack')) : []);

    const dry = await importSeed('--dry-run');
    assert.match(dry.stdout, skipped);
    assert.deepEqual(entries(), [], 'a dry run writes nothing, not even the cache');
    const first = await importSeed();
    assert.match(first.stdout, skipped);
    const [entry] = entries();
    assert.equal(entries().length, 1, 'one pack, of the one archived article');
    const written = statSync(path.join(cache, entry!)).mtimeMs;
    const second = await importSeed();
    assert.match(second.stdout, skipped, 'the same copy found from the cached article and its sketch');
    assert.deepEqual(entries(), [entry], 'no other pack was written');
    assert.equal(statSync(path.join(cache, entry!)).mtimeMs, written, 'the entry was read, not made again');
  });

  test('--keep-duplicates imports it anyway, and check then warns about the pair', async () => {
    const cwd = writeTree({ 'content/site.yaml': siteYaml, 'content/2026/01/seed-001.md': seed001 });
    const run = await runCli(['import', fixture('import/seed-000.txt'), '--date', '2026-01-06', '--keep-duplicates'], { cwd });
    assert.equal(run.code, 0, run.stderr);
    const [file] = writtenFiles(run.stdout);
    assert.ok(file && existsSync(path.join(cwd, file)));
    const check = await runCli(['check'], { cwd });
    assert.equal(check.code, 0, 'duplicates are warnings');
    const warning = check.stdout.split('\n').find((line) => line.includes('[duplicate-article]')) ?? '';
    assert.match(warning, /warning: nearly the same title and text as/);
    assert.ok(warning.includes('content/2026/01/seed-001.md') && warning.includes(file), `names both files: ${warning}`);
  });

  test('a clipping without a headline needs --title, and one without a date needs --date; nothing is written', async () => {
    const cwd = writeTree({ 'content/site.yaml': siteYaml });
    const before = snapshot(cwd);
    const noTitle = await runCli(['import', fixture('import/seed-003.txt'), '--date', '2026-01-06'], { cwd });
    assert.equal(noTitle.code, 1);
    assert.match(noTitle.stderr, /seed-003\.txt: is a text clipping without a headline: pass --title \[malformed-input\]/);
    const noDate = await runCli(['import', fixture('import/seed-002.txt')], { cwd });
    assert.equal(noDate.code, 1);
    assert.match(noDate.stderr, /seed-002\.txt: is a text clipping without a date: pass --date/);
    assert.match(noDate.stderr, /nothing was written/);
    assert.deepEqual(snapshot(cwd), before);
  });

  test('an article file is imported as written, into its dated folder', async () => {
    const cwd = writeTree({ 'content/site.yaml': siteYaml, 'inbox/001.txt': seed001 });
    const run = await runCli(['import', 'inbox/001.txt'], { cwd });
    assert.equal(run.code, 0, run.stderr);
    const file = 'content/2026/01/nato-ambassador-says-ukraine-peace-deal-could-be-on-the-cusp-as-nations-near-finalization-of-security-pact.md';
    assert.deepEqual(writtenFiles(run.stdout), [file]);
    assert.equal(readFileSync(path.join(cwd, file), 'utf8'), seed001);
  });
});

const rss = (items: { title: string; link: string; date: string; body?: string }[]) => `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
<title>Example World</title><link>https://www.example.com/</link>
<atom:link href="https://feeds.example.com/world.xml" rel="self" type="application/rss+xml"/>
${items
  .map(
    (item) => `<item>
<title>${item.title}</title>
<link>${item.link}</link>
<description><![CDATA[<p>Summary of <b>${item.title}</b>.</p>]]></description>
<content:encoded><![CDATA[${item.body ?? `<p>The whole story of ${item.title}, told at length.</p><script>alert(1)</script>`}]]></content:encoded>
<pubDate>${item.date}</pubDate>
<category>World</category><category>Diplomacy</category>
<dc:creator>Jane Doe</dc:creator>
</item>`,
  )
  .join('\n')}
</channel></rss>`;

const twoItems = rss([
  { title: 'Talks resume in Geneva', link: 'https://www.example.com/2026/01/talks?utm_source=rss&amp;utm_medium=feed', date: 'Tue, 06 Jan 2026 14:30:00 GMT' },
  { title: 'Ceasefire holds &amp; aid arrives', link: 'https://www.example.com/2026/01/ceasefire', date: 'Wed, 07 Jan 2026 09:00:00 +0200' },
]);

describe('import: feeds', () => {
  test('an RSS file gives one article per item, in the seed-001 layout', async () => {
    const cwd = writeTree({ 'content/site.yaml': siteYaml, 'world.xml': twoItems });
    const run = await runCli(['import', 'world.xml'], { cwd });
    assert.equal(run.code, 0, run.stderr);
    const files = writtenFiles(run.stdout);
    assert.deepEqual(files, ['content/2026/01/talks-resume-in-geneva.md', 'content/2026/01/ceasefire-holds-and-aid-arrives.md']);
    const { data, body } = articleParts(readFileSync(path.join(cwd, files[1]!), 'utf8'));
    assert.deepEqual(data, {
      title: 'Ceasefire holds & aid arrives',
      date: 'Wed, 07 Jan 2026 09:00:00 +0200',
      description: 'Summary of Ceasefire holds & aid arrives.',
      slug: 'ceasefire-holds-and-aid-arrives',
      link: 'https://www.example.com/2026/01/ceasefire',
      source: 'https://feeds.example.com/world.xml',
      tags: ['World', 'Diplomacy'],
      author: 'Jane Doe',
      draft: false,
    });
    assert.match(body, /^<p>The whole story of Ceasefire holds &amp; aid arrives, told at length\.<\/p><script>/);
    // The body is kept as the feed gave it; the build sanitizes it.
    const build = await runCli(['build'], { cwd });
    assert.equal(build.code, 0, build.stderr);
    const page = readFileSync(path.join(cwd, '_site/2026/01/07/ceasefire-holds-and-aid-arrives/index.html'), 'utf8');
    assert.ok(page.includes('The whole story of Ceasefire holds &#x26; aid arrives') || page.includes('The whole story of Ceasefire holds &amp; aid arrives'));
    assert.doesNotMatch(page, /alert\(1\)/);
  });

  test('importing the same feed twice writes nothing the second time, even with tracking parameters changed', async () => {
    const cwd = writeTree({ 'content/site.yaml': siteYaml, 'world.xml': twoItems });
    assert.equal((await runCli(['import', 'world.xml'], { cwd })).code, 0);
    const before = snapshot(cwd);
    writeFileSync(path.join(cwd, 'world.xml'), twoItems.replace('utm_source=rss', 'utm_source=newsletter').replace('/ceasefire<', '/ceasefire/<'));
    const again = await runCli(['import', 'world.xml'], { cwd });
    assert.equal(again.code, 0, again.stderr);
    assert.deepEqual(writtenFiles(again.stdout), []);
    assert.match(
      again.stdout,
      /skipped "Talks resume in Geneva" from world\.xml: the same article as content\/2026\/01\/talks-resume-in-geneva\.md: their links are equal once normalized/,
    );
    assert.match(again.stdout, /Imported 0 articles, skipped 2 articles already in the archive\./);
    assert.deepEqual(snapshot(cwd), before);
  });

  test('a feed with a new item adds only that item', async () => {
    const cwd = writeTree({ 'content/site.yaml': siteYaml, 'world.xml': twoItems });
    await runCli(['import', 'world.xml'], { cwd });
    const withNew = twoItems.replace(
      '</channel>',
      `${rss([{ title: 'New item', link: 'https://www.example.com/new', date: 'Thu, 08 Jan 2026 10:00:00 GMT' }]).match(/<item>[\s\S]*<\/item>/)![0]}</channel>`,
    );
    writeFileSync(path.join(cwd, 'world.xml'), withNew);
    const run = await runCli(['import', 'world.xml'], { cwd });
    assert.deepEqual(writtenFiles(run.stdout), ['content/2026/01/new-item.md']);
  });

  test('titles without letters a URL can keep still give visible files and pages', async () => {
    const feed = rss([
      { title: '日本のニュース', link: 'https://www.example.com/jp', date: 'Tue, 06 Jan 2026 10:00:00 GMT' },
      { title: '🔥🔥🔥', link: 'https://www.example.com/fire', date: 'Tue, 06 Jan 2026 11:00:00 GMT' },
    ]);
    const cwd = writeTree({ 'content/site.yaml': siteYaml, 'feed.xml': feed });
    const run = await runCli(['import', 'feed.xml'], { cwd });
    assert.deepEqual(writtenFiles(run.stdout), ['content/2026/01/article.md', 'content/2026/01/article-2.md']);
    const check = await runCli(['check'], { cwd });
    assert.match(check.stdout, /in 2 article files/);
  });

  test('an Atom feed: HTML titles as text, categories as tags, the self link as source', async () => {
    const atom = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom News</title><id>urn:atom-news</id><updated>2026-01-06T10:00:00Z</updated>
<link rel="self" href="https://atom.example.org/feed.atom"/><link rel="alternate" href="https://atom.example.org/"/>
<entry><title type="html">Markets &lt;b&gt;rally&lt;/b&gt; on hopes</title><id>urn:1</id>
<link rel="alternate" href="https://atom.example.org/markets"/><published>2026-01-05T10:00:00Z</published><updated>2026-01-06T10:00:00Z</updated>
<summary>Stocks rose.</summary><content type="html">&lt;p&gt;Stocks rose across Europe.&lt;/p&gt;</content>
<category term="markets" label="Markets"/><author><name>Ann Lee</name></author></entry></feed>`;
    const cwd = writeTree({ 'content/site.yaml': siteYaml, 'news.atom': atom });
    const run = await runCli(['import', 'news.atom'], { cwd });
    assert.equal(run.code, 0, run.stderr);
    const [file] = writtenFiles(run.stdout);
    const { data, body } = articleParts(readFileSync(path.join(cwd, file!), 'utf8'));
    assert.deepEqual(data, {
      title: 'Markets rally on hopes',
      date: '2026-01-05T10:00:00Z',
      description: 'Stocks rose.',
      slug: 'markets-rally-on-hopes',
      link: 'https://atom.example.org/markets',
      source: 'https://atom.example.org/feed.atom',
      tags: ['Markets'],
      author: 'Ann Lee',
      draft: false,
    });
    assert.equal(body, '<p>Stocks rose across Europe.</p>\n');
  });

  test('a malformed feed, a binary file or an empty file is one clear error, and content/ is left untouched', async () => {
    const cwd = writeTree({
      'content/site.yaml': siteYaml,
      'content/2026/01/existing.md': article({ title: 'Existing', date: '2026-01-01' }),
      'good.xml': twoItems,
      'broken.xml': '<?xml version="1.0"?><rss version="2.0"><channel><item><title>Unclosed',
      'binary.txt': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0xff, 0xfe]),
      'empty.txt': '',
    });
    const before = snapshot(cwd);
    const run = await runCli(['import', 'good.xml', 'broken.xml', 'binary.txt', 'empty.txt'], { cwd });
    assert.equal(run.code, 1);
    const lines = run.stderr.split('\n').filter((line) => /^\S+: /.test(line) && !line.startsWith('hint'));
    assert.equal(lines.length, 3, run.stderr);
    assert.match(run.stderr, /^broken\.xml: is not a feed that can be read \(.+\): expected RSS 2\.0, RSS 1\.0, Atom or JSON Feed \[malformed-input\]$/m);
    assert.match(run.stderr, /^binary\.txt(:\d+)?: .*\[invalid-encoding\]$/m);
    assert.match(run.stderr, /^empty\.txt: is empty: expected a feed, an article file or a text clipping \[malformed-input\]$/m);
    assert.match(run.stderr, /3 errors, 0 warnings in 4 inputs: nothing was written\./);
    assert.deepEqual(snapshot(cwd), before, 'not even the good feed was written');
  });

  test('--dry-run says what would be written and writes nothing', async () => {
    const cwd = writeTree({ 'content/site.yaml': siteYaml, 'world.xml': twoItems });
    const before = snapshot(cwd);
    const run = await runCli(['import', 'world.xml', '--dry-run'], { cwd });
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^would write content\/2026\/01\/talks-resume-in-geneva\.md/m);
    assert.match(run.stdout, /Dry run: would import 2 articles; nothing was written\./);
    assert.deepEqual(snapshot(cwd), before);
  });
});

describe('import: feed URLs', () => {
  let server: Server;
  let origin = '';
  before(async () => {
    server = createServer((request, response) => {
      if (request.url === '/world.xml') response.writeHead(200, { 'content-type': 'application/rss+xml' }).end(twoItems.replace(/<atom:link[^>]*\/>/, ''));
      else if (request.url === '/slow.xml') setTimeout(() => response.writeHead(200).end(twoItems), 5000).unref();
      else response.writeHead(404).end('not found');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => {
    server.closeAllConnections();
    server.close();
  });

  test('a feed is fetched, and its URL becomes the articles’ source', async () => {
    const cwd = writeTree({ 'content/site.yaml': siteYaml });
    const run = await runCli(['import', `${origin}/world.xml`], { cwd });
    assert.equal(run.code, 0, run.stderr);
    const [file] = writtenFiles(run.stdout);
    assert.equal((articleParts(readFileSync(path.join(cwd, file!), 'utf8')).data as { source: string }).source, `${origin}/world.xml`);
  });

  test('a missing feed and a feed that does not answer in time are clear errors', async () => {
    const cwd = writeTree({ 'content/site.yaml': siteYaml });
    const run = await runCli(['import', `${origin}/missing.xml`, `${origin}/slow.xml`, '--timeout', '1'], { cwd });
    assert.equal(run.code, 1);
    assert.match(run.stderr, /missing\.xml: could not be fetched: the server answered 404 Not Found \[unreadable-input\]/);
    assert.match(run.stderr, /slow\.xml: could not be fetched: no answer within 1 s \[unreadable-input\]/);
  });
});

describe('new', () => {
  test('writes a valid article in content/YYYY/MM/, prints its path and URL, and refuses to overwrite it', async () => {
    const cwd = writeTree({ 'content/site.yaml': 'title: New\nbaseUrl: https://news.example.org/\n' });
    const args = ['new', '--title', 'Talks: “Day One” & more', '--date', '2026-02-03T10:00:00Z', '--tags', 'Talks, Geneva', '--link', 'https://example.com/a'];
    const run = await runCli(args, { cwd });
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^Wrote content\/2026\/02\/talks-day-one-and-more\.md$/m);
    assert.match(run.stdout, /Its page will be https:\/\/news\.example\.org\/2026\/02\/03\/talks-day-one-and-more\/\./);
    const file = path.join(cwd, 'content/2026/02/talks-day-one-and-more.md');
    const { data } = articleParts(readFileSync(file, 'utf8'));
    assert.deepEqual(data, {
      title: 'Talks: “Day One” & more',
      date: '2026-02-03T10:00:00Z',
      slug: 'talks-day-one-and-more',
      link: 'https://example.com/a',
      tags: ['Talks', 'Geneva'],
    });
    assert.equal((await runCli(['check'], { cwd })).code, 0);

    writeFileSync(file, `${readFileSync(file, 'utf8')}My own text.\n`);
    const again = await runCli(args, { cwd });
    assert.equal(again.code, 1);
    assert.match(again.stderr, /content\/2026\/02\/talks-day-one-and-more\.md: already exists: nothing was written/);
    assert.match(readFileSync(file, 'utf8'), /My own text\./);
  });

  test('the date defaults to now in the site’s time zone, and drafts are marked', async () => {
    const cwd = writeTree({ 'content/site.yaml': 'timezone: Pacific/Kiritimati\n' });
    const run = await runCli(['new', '--title', 'Breaking', '--draft'], { cwd });
    assert.equal(run.code, 0, run.stderr);
    // UTC+14: the site's calendar day, which may differ from the machine's.
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Pacific/Kiritimati', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
    const [year, month] = today.split('-');
    const file = path.join(cwd, `content/${year}/${month}/breaking.md`);
    const { data } = articleParts(readFileSync(file, 'utf8'));
    assert.match(String((data as { date: string }).date), new RegExp(`^${today}T\\d{2}:\\d{2}:\\d{2}\\+14:00$`));
    assert.equal((data as { draft: boolean }).draft, true);
    assert.match(run.stdout, /once draft is set to false/);
  });

  test('without --title it is a usage error, and it never prompts', async () => {
    const cwd = writeTree({ 'content/site.yaml': '' });
    const run = await runCli(['new'], { cwd });
    assert.equal(run.code, 2);
    assert.match(run.stderr, /--title is required/);
  });
});

describe('check: duplicates in existing content', () => {
  test('warns about equal links (after normalizing) and near-identical texts, naming both files', async () => {
    const text = `<p>${'The delegations met again on Tuesday to discuss the framework for a lasting ceasefire along the front line. '.repeat(3)}</p>`;
    const other = '<p>An unrelated story about the weather, rain in the north and sun in the south, with wind later in the week and more.</p>';
    const cwd = writeTree({
      'content/a.md': article({ title: 'A', date: '2026-01-01', link: 'https://www.example.com/story?utm_source=x' }, other),
      'content/b.md': article({ title: 'B', date: '2026-01-02', link: 'http://example.com/story/' }, '<p>Short.</p>'),
      'content/c.md': article({ title: 'Ceasefire talks resume', date: '2026-01-03' }, text),
      'content/d.md': article({ title: 'Ceasefire talks resume - Herald', date: '2026-01-04' }, `${text}<p>Photo: someone.</p>`),
      'content/e.md': article(
        { title: 'E', date: '2026-01-05' },
        '<p>The delegations met again on Tuesday, in other words, and the talks went nowhere at all.</p>',
      ),
    });
    const run = await runCli(['check'], { cwd });
    assert.equal(run.code, 0, run.stdout);
    assert.match(
      run.stdout,
      /^content\/b\.md: warning: link: the same article as content\/a\.md: their links are equal once normalized \[duplicate-article\]$/m,
    );
    assert.match(
      run.stdout,
      /^content\/d\.md: warning: nearly the same title and text as content\/c\.md, from the same source \(100% of its passages are in the other\) \[duplicate-article\]$/m,
    );
    assert.doesNotMatch(run.stdout, /content\/e\.md/);
    assert.match(run.stdout, /0 errors, 2 warnings in 5 article files/);
  });
});

describe('import: outlets, not hosts', () => {
  const heraldFeed = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel>
<title>Baltic Herald — World</title><link>https://www.balticherald.example/</link>
<atom:link href="https://www.balticherald.example/world/rss.xml" rel="self" type="application/rss+xml"/>
<item><title>Ferry line to Gotland reopens</title><link>https://www.balticherald.example/world/ferry?utm_source=rss&amp;utm_medium=feed&amp;id=7</link>
<description><![CDATA[<p>The ferry line to Gotland runs again from Monday, after a winter of repairs to its two ships.</p>]]></description>
<pubDate>Mon, 05 Jan 2026 08:00:00 GMT</pubDate></item>
</channel></rss>`;

  test('a new feed is named in site.yaml by its own title, without its section; comments and settings stay', async () => {
    const cwd = writeTree({ 'content/site.yaml': '# Our archive.\ntitle: Harbour Herald # the masthead\n', 'herald.xml': heraldFeed });
    const run = await runCli(['import', 'herald.xml'], { cwd });
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /named the source https:\/\/www\.balticherald\.example\/world\/rss\.xml "Baltic Herald" in site\.yaml/);
    const siteYamlText = readFileSync(path.join(cwd, 'content/site.yaml'), 'utf8');
    assert.match(siteYamlText, /^# Our archive\.\ntitle: Harbour Herald # the masthead\n/);
    assert.deepEqual(parse(siteYamlText).sources, { 'https://www.balticherald.example/world/rss.xml': 'Baltic Herald' });
    const build = await runCli(['build'], { cwd });
    assert.equal(build.code, 0, build.stderr);
    const page = readFileSync(path.join(cwd, '_site/2026/01/05/ferry-line-to-gotland-reopens/index.html'), 'utf8');
    assert.match(page, /<p class="kicker"><a href="[^"]*sources\/baltic-herald\/">Baltic Herald<\/a><\/p>/);
    assert.doesNotMatch(page, /balticherald\.example<\/a>|Filed under/);
  });

  test('a feed title of a million spaces (a hostile feed) is taken as it is, at once', () => {
    // The patterns that split a name from its section took time growing with the square of the title's length.
    const hostile = `Herald${' '.repeat(1_000_000)}x — World`;
    assert.equal(outletOf(hostile), hostile);
    assert.equal(outletOf('BBC News - Technology'), 'BBC News');
    assert.equal(outletOf('Reuters: Top News'), 'Reuters');
  });

  test('a name the user gave is never replaced, and a dry run writes none', async () => {
    const mine = 'sources:\n  https://www.balticherald.example/world/rss.xml: The Herald (world desk)\n';
    const cwd = writeTree({ 'content/site.yaml': mine, 'herald.xml': heraldFeed });
    const dry = await runCli(['import', '--dry-run', 'herald.xml'], { cwd });
    assert.doesNotMatch(dry.stdout, /name the source/);
    assert.equal((await runCli(['import', 'herald.xml'], { cwd })).code, 0);
    assert.equal(readFileSync(path.join(cwd, 'content/site.yaml'), 'utf8'), mine);
    const fresh = writeTree({ 'content/site.yaml': 'title: A\n', 'herald.xml': heraldFeed });
    const wouldName = await runCli(['import', '--dry-run', 'herald.xml'], { cwd: fresh });
    assert.match(wouldName.stdout, /would name the source .* "Baltic Herald"/);
    assert.equal(readFileSync(path.join(fresh, 'content/site.yaml'), 'utf8'), 'title: A\n');
  });

  test('an item with only a description: that is its text, said once; its link is stored without tracking parameters', async () => {
    const cwd = writeTree({ 'content/site.yaml': 'title: A\n', 'herald.xml': heraldFeed });
    const run = await runCli(['import', 'herald.xml'], { cwd });
    const [file] = writtenFiles(run.stdout);
    const { data, body } = articleParts(readFileSync(path.join(cwd, file!), 'utf8'));
    const fields = data as Record<string, unknown>;
    assert.equal(fields.description, undefined);
    assert.equal(fields.summary, undefined);
    assert.equal(fields.categories, undefined);
    assert.equal(fields.link, 'https://www.balticherald.example/world/ferry?id=7');
    assert.match(body, /^<p>The ferry line to Gotland runs again from Monday/);
  });

  test('a clipping’s byline gives every author and the outlet, in capitals or not, with the bio at its end', async () => {
    for (const byline of ['By Katarina Novak and Peter Holm, Reuters', 'BY KATARINA NOVAK AND PETER HOLM, REUTERS']) {
      const cwd = writeTree({
        'content/site.yaml': 'title: A\n',
        'clip.txt': [
          'Ferry line to Gotland reopens',
          byline,
          '',
          'The ferry line to Gotland runs again from Monday, after a winter of repairs to its two ships.',
          '',
          'Officials said the timetable would be the same as last summer.',
          '',
          'Katarina Novak is a correspondent for Reuters in Stockholm.',
        ].join('\n'),
      });
      const run = await runCli(['import', 'clip.txt', '--date', '2026-01-05', '--link', 'https://www.reuters.com/world/ferry-2026-01-05/?utm_campaign=x'], {
        cwd,
      });
      assert.equal(run.code, 0, run.stderr);
      const [file] = writtenFiles(run.stdout);
      const { data } = articleParts(readFileSync(path.join(cwd, file!), 'utf8'));
      const fields = data as Record<string, unknown>;
      assert.deepEqual(fields.author, ['Katarina Novak', 'Peter Holm'], byline);
      assert.equal(fields.outlet, 'Reuters', byline);
      assert.equal(fields.link, 'https://www.reuters.com/world/ferry-2026-01-05/', byline);
      const build = await runCli(['build'], { cwd });
      assert.equal(build.code, 0, build.stderr);
      const page = readFileSync(path.join(cwd, '_site/2026/01/05/ferry-line-to-gotland-reopens/index.html'), 'utf8');
      assert.match(page, /<p class="kicker"><a href="[^"]*sources\/reuters\/">Reuters<\/a><\/p>/);
      assert.doesNotMatch(page, /WWW\.REUTERS\.COM|>www\.reuters\.com</);
    }
  });
});

describe('import: the archive keeps its pictures', () => {
  let server: Server;
  let origin = '';
  let jpeg: Buffer;
  let png: Buffer;
  const requests: string[] = [];

  before(async () => {
    jpeg = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#2a6f97' } })
      .jpeg()
      .toBuffer();
    png = await sharp({ create: { width: 32, height: 32, channels: 4, background: '#ffb703' } })
      .png()
      .toBuffer();
    server = createServer((request, response) => {
      requests.push(request.url ?? '');
      const send = (type: string, body: Buffer | string) => response.writeHead(200, { 'content-type': type }).end(body);
      switch (request.url) {
        case '/feed.xml':
          return send('application/rss+xml', pictureFeed(origin));
        case '/quay.jpg':
        case '/quay-again.jpg':
          return send('image/jpeg', jpeg);
        case '/crane.png':
          return send('image/png', png);
        case '/page-posing.jpg':
          return send('image/jpeg', '<!doctype html><html><body>Not a picture</body></html>');
        case '/drawing.svg':
          return send('image/svg+xml', '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>');
        case '/huge.jpg': {
          // Far past the cap, in chunks, as a real server would send it.
          response.writeHead(200, { 'content-type': 'image/jpeg' });
          const chunk = Buffer.alloc(1024 * 1024, 0xff);
          let sent = 0;
          const more = () => {
            while (sent < 40 && response.write(chunk)) sent++;
            if (sent >= 40) response.end();
            else response.once('drain', more);
          };
          response.on('error', () => {});
          more();
          return;
        }
        case '/slow.jpg':
          setTimeout(() => send('image/jpeg', jpeg), 3000).unref();
          return;
        default:
          response.writeHead(404).end('not found');
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => {
    server.closeAllConnections();
    server.close();
  });

  const pictureFeed = (at: string) => `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:media="http://search.yahoo.com/mrss/"><channel>
<title>Harbour News</title><link>${at}/</link>
${[
  ['Quay reopens', 'quay.jpg', ['quay-again.jpg', 'crane.png']],
  ['Cranes return', 'page-posing.jpg', ['drawing.svg']],
  ['Storm closes the port', 'huge.jpg', ['missing.jpg', 'slow.jpg']],
]
  .map(
    (
      [title, lead, body],
      n,
    ) => `<item><title>${title}</title><link>${at}/news/${n}</link><pubDate>${['Mon', 'Tue', 'Wed'][n]}, 0${n + 5} Jan 2026 08:00:00 GMT</pubDate>
<media:content url="${at}/${lead}" medium="image"/>
<description>Summary ${n}.</description>
<content:encoded><![CDATA[<p>Text of ${title}.</p>${(body as string[]).map((file) => `<p><img src="${at}/${file}" alt="A picture"></p>`).join('')}]]></content:encoded></item>`,
  )
  .join('\n')}
</channel></rss>`;

  test('good pictures are stored once by the hash of their bytes; the others are reported and stay at their addresses; nothing is half-written', async () => {
    const cwd = writeTree({ 'content/site.yaml': 'title: Harbour\n' });
    const run = await runCli(['import', `${origin}/feed.xml`, '--timeout', '1'], { cwd });
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /kept 3 pictures in content\/media\//);
    // The same JPEG under two addresses is one file; the PNG another.
    const media = readdirSync(path.join(cwd, 'content/media'), { recursive: true, encoding: 'utf8' }).filter((file) => /\.\w+$/.test(file));
    assert.deepEqual(media.map((file) => path.extname(file)).sort(), ['.jpg', '.png']);
    assert.ok(media.every((file) => !file.includes('.tmp')));
    for (const [address, why] of [
      ['page-posing.jpg', /is not a picture: its bytes are no JPEG/],
      ['drawing.svg', /is not a picture the archive keeps \(the server says image\/svg\+xml/],
      ['huge.jpg', /is more than the 15 MB a picture may be/],
      ['missing.jpg', /could not be fetched: the server answered 404/],
      ['slow.jpg', /(?:got no answer|did not arrive whole) within 1 s/],
    ] as const) {
      assert.match(
        run.stderr,
        new RegExp(`warning: .*the picture ${origin.replace(/\./g, '\\.')}/${address.replace('.', '\\.')} ${why.source}.*\\[unkept-picture\\]`),
        address,
      );
    }

    const quay = readFileSync(path.join(cwd, 'content/2026/01/quay-reopens.md'), 'utf8');
    const { data, body } = articleParts(quay);
    const fields = data as Record<string, string>;
    assert.match(fields.image!, /^\/media\/[0-9a-f]{2}\/[0-9a-f]{32}\.jpg$/);
    assert.equal(fields.image_source, `${origin}/quay.jpg`);
    assert.match(body, new RegExp(`<img src="${fields.image!.replace(/\./g, '\\.')}" data-source="${origin}/quay-again\\.jpg" alt="A picture">`));
    assert.match(body, new RegExp(`<img src="/media/[0-9a-f]{2}/[0-9a-f]{32}\\.png" data-source="${origin}/crane\\.png"`));
    // A picture that could not be kept stays where it was.
    const storm = readFileSync(path.join(cwd, 'content/2026/01/storm-closes-the-port.md'), 'utf8');
    assert.match(storm, new RegExp(`image: "${origin}/huge\\.jpg"`));

    // The build shows the archive's copies, from the site itself.
    const build = await runCli(['build'], { cwd });
    assert.equal(build.code, 0, build.stderr);
    const page = readFileSync(path.join(cwd, '_site/2026/01/05/quay-reopens/index.html'), 'utf8');
    assert.match(page, /<source type="image\/webp" sizes="[^"]+" srcset="\.\.\/\.\.\/\.\.\/\.\.\/media\/[0-9a-f]{2}\/[0-9a-f]{32}-64\.webp 64w">/);
    assert.match(
      page,
      /<img src="\.\.\/\.\.\/\.\.\/\.\.\/media\/[0-9a-f]{2}\/[0-9a-f]{32}\.jpg" srcset="[^"]+ 64w" sizes="[^"]+" alt="" width="64" height="48"/,
    );
    assert.ok(existsSync(path.join(cwd, '_site', fields.image!)));
  });

  test('a clipping’s photo caption and credit go under its lead picture (--image) instead of being dropped', async () => {
    const cwd = writeTree({ 'content/site.yaml': siteYaml });
    const run = await runCli(['import', fixture('import/seed-000.txt'), '--date', '2026-01-06', '--image', `${origin}/quay.jpg`], { cwd });
    assert.equal(run.code, 0, run.stderr);
    const [file] = writtenFiles(run.stdout);
    const fields = articleParts(readFileSync(path.join(cwd, file!), 'utf8')).data as Record<string, string>;
    assert.match(fields.image!, /^\/media\//);
    assert.equal(
      fields.image_caption,
      'U.S. Ambassador to NATO Matthew Whitaker is seen following an interview at the Bled Strategic Forum in Bled, Slovenia, on Sept. 2, 2025.',
    );
    assert.equal(fields.image_credit, 'Petar Santini/Bloomberg via Getty Images');
    const build = await runCli(['build'], { cwd });
    assert.equal(build.code, 0, build.stderr);
    const page = readFileSync(path.join(cwd, '_site/2026/01/06', path.basename(file!, '.md'), 'index.html'), 'utf8');
    assert.match(
      page,
      /<figcaption><span class="caption">U\.S\. Ambassador to NATO Matthew Whitaker is seen[^<]*<\/span> <span class="credit">Picture: Petar Santini\/Bloomberg via Getty Images<\/span><\/figcaption>/,
    );
  });

  test('a dry run fetches and checks, and stores nothing', async () => {
    const cwd = writeTree({ 'content/site.yaml': 'title: Harbour\n' });
    const run = await runCli(['import', '--dry-run', `${origin}/feed.xml`, '--timeout', '1'], { cwd });
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /would keep 3 pictures/);
    assert.ok(!existsSync(path.join(cwd, 'content/media')));
  });
});

describe('images: the pictures of articles already in the archive', () => {
  let server: Server;
  let origin = '';
  const requests: string[] = [];
  before(async () => {
    const jpeg = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#264653' } })
      .jpeg()
      .toBuffer();
    server = createServer((request, response) => {
      requests.push(request.url ?? '');
      if (request.url === '/lead.jpg' || request.url === '/inline.jpg') response.writeHead(200, { 'content-type': 'image/jpeg' }).end(jpeg);
      else response.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => server.close());

  test('are kept and the files rewritten in place; a second run fetches nothing; a dry run writes nothing', async () => {
    const markdown = `---\ntitle: Quay\ndate: 2026-01-06\nimage: ${origin}/lead.jpg\n---\nThe quay.\n\n![The quay at dawn](${origin}/inline.jpg)\n\n![Gone](${origin}/gone.jpg)\n`;
    const cwd = writeTree({ 'content/site.yaml': 'title: A\n', 'content/2026/01/quay.md': markdown });
    const dry = await runCli(['images', '--dry-run'], { cwd });
    assert.equal(dry.code, 0, dry.stderr);
    assert.match(dry.stdout, /would rewrite content\/2026\/01\/quay\.md/);
    assert.equal(readFileSync(path.join(cwd, 'content/2026/01/quay.md'), 'utf8'), markdown);
    assert.ok(!existsSync(path.join(cwd, 'content/media')));

    const run = await runCli(['images'], { cwd });
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /Kept 2 pictures in 1 article; 1 picture could not be kept/);
    assert.match(run.stderr, /gone\.jpg could not be fetched: the server answered 404.*\[unkept-picture\]/);
    const rewritten = readFileSync(path.join(cwd, 'content/2026/01/quay.md'), 'utf8');
    assert.match(rewritten, new RegExp(`^image: /media/[0-9a-f]{2}/[0-9a-f]{32}\\.jpg\\nimage_source: "${origin}/lead\\.jpg"$`, 'm'));
    assert.match(rewritten, new RegExp(`!\\[The quay at dawn\\]\\(/media/[0-9a-f]{2}/[0-9a-f]{32}\\.jpg\\)<!-- picture from ${origin}/inline\\.jpg -->`));
    assert.match(rewritten, new RegExp(`!\\[Gone\\]\\(${origin}/gone\\.jpg\\)`));

    const fetched = requests.length;
    const again = await runCli(['images'], { cwd });
    assert.equal(again.code, 0, again.stderr);
    assert.deepEqual(requests.slice(fetched), ['/gone.jpg'], 'only the picture that failed is tried again');
    const build = await runCli(['build'], { cwd });
    assert.equal(build.code, 0, build.stderr);
  });
});
