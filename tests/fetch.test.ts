/**
 * `news-archive fetch` against feeds on a local server (never the internet):
 * conditional requests remembered between runs, a failing feed reported while
 * the others are imported, a permanent redirect followed and remembered,
 * Retry-After respected, and exit 1 only when every feed failed.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { parseAtomFeed } from 'feedsmith';
import sharp from 'sharp';
import { parse } from 'yaml';
import { article, runCli, writeTree } from './helpers.ts';

const feed = (title: string, items: string[]) => `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>${title}</title><link>https://example.org/</link>
${items.map((item, n) => `<item><title>${item}</title><link>https://example.org/${encodeURIComponent(item)}</link><pubDate>Mon, 0${5 + 7 * 0} Jan 2026 0${n}:00:00 GMT</pubDate><description><![CDATA[<p>${item}, told in full.</p>]]></description></item>`).join('\n')}
</channel></rss>`;

describe('fetch: the feeds the archive follows', () => {
  let server: Server;
  let origin = '';
  const seen: { url: string; ifNoneMatch?: string; userAgent?: string }[] = [];
  let busy = false;
  // The desk's feed as it is now: a story first told one way, then changed by its outlet.
  let deskVersion = 1;
  let picture: Buffer = Buffer.alloc(0);

  before(async () => {
    picture = await sharp({ create: { width: 24, height: 16, channels: 3, background: '#2a6f97' } })
      .png()
      .toBuffer();
    server = createServer((request: IncomingMessage, response) => {
      seen.push({ url: request.url ?? '', ifNoneMatch: request.headers['if-none-match'], userAgent: request.headers['user-agent'] });
      switch (request.url) {
        case '/world.xml':
          if (request.headers['if-none-match'] === '"v1"') return response.writeHead(304).end();
          return response
            .writeHead(200, { 'content-type': 'application/rss+xml', etag: '"v1"' })
            .end(feed('World', ['Ferry line reopens', 'Bridge closes for repairs']));
        case '/broken.xml':
          return response.writeHead(500, 'Internal Server Error').end();
        case '/old-port.xml':
          return response.writeHead(301, { location: '/port.xml' }).end();
        case '/port.xml':
          return response.writeHead(200, { 'content-type': 'application/rss+xml' }).end(feed('Port', ['Cranes return to the quay']));
        case '/slow.xml':
          setTimeout(() => response.writeHead(200, { 'content-type': 'application/rss+xml' }).end(feed('Slow', ['Late'])), 3000).unref();
          return;
        case '/malformed.xml':
          return response.writeHead(200, { 'content-type': 'application/rss+xml' }).end('<rss><channel><title>Half');
        case '/huge.xml': {
          response.writeHead(200, { 'content-type': 'application/rss+xml' });
          const chunk = Buffer.alloc(1024 * 1024, 0x20);
          let sent = 0;
          const more = () => {
            while (sent < 50 && response.write(chunk)) sent++;
            if (sent >= 50) response.end();
            else response.once('drain', more);
          };
          response.on('error', () => {});
          more();
          return;
        }
        case '/desk.xml': {
          const story =
            deskVersion === 1
              ? {
                  title: 'Council weighs pier closure',
                  summary: 'A vote is due on Monday.',
                  text: '<p>The council meets on Monday to vote on the pier.</p><p>The pier opened in 1902.</p>',
                }
              : {
                  title: 'Council votes to close the pier',
                  summary: 'The vote was 7 to 2.',
                  text: `<p>The council voted 7 to 2 on Monday to close the pier.</p><p><img src="${origin}/pier.png" alt="The pier"></p><p>The pier opened in 1902.</p>`,
                };
          return response.writeHead(200, { 'content-type': 'application/rss+xml' }).end(`<?xml version="1.0"?>
<rss version="2.0"><channel><title>Desk</title><link>https://example.org/</link>
<item><title>${story.title}</title><link>https://example.org/pier?utm_source=rss</link><pubDate>Mon, 05 Jan 2026 09:00:00 GMT</pubDate><description>${story.summary}</description><content:encoded xmlns:content="http://purl.org/rss/1.0/modules/content/"><![CDATA[${story.text}]]></content:encoded></item>
<item><title>Tide tables printed</title><link>https://example.org/tides</link><pubDate>Sun, 04 Jan 2026 09:00:00 GMT</pubDate><description><![CDATA[<p>The tide tables for 2026 are printed, as every year.</p>]]></description></item>
</channel></rss>`);
        }
        case '/pier.png':
          return response.writeHead(200, { 'content-type': 'image/png' }).end(picture);
        case '/mirror.xml':
          // Another feed carrying the desk's story under its own headline.
          return response.writeHead(200, { 'content-type': 'application/rss+xml' }).end(`<?xml version="1.0"?>
<rss version="2.0"><channel><title>Mirror</title><link>https://mirror.example/</link>
<item><title>Pier may close, council says</title><link>https://example.org/pier</link><pubDate>Mon, 05 Jan 2026 10:00:00 GMT</pubDate><description><![CDATA[<p>The council meets on Monday to vote on the pier, a mirror says.</p>]]></description></item>
</channel></rss>`);
        case '/busy.xml':
          if (busy) return response.writeHead(429, { 'retry-after': '3600' }).end();
          return response.writeHead(200, { 'content-type': 'application/rss+xml' }).end(feed('Busy', ['Tides run high']));
        default:
          return response.writeHead(404).end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => server.close());

  const site = () =>
    [
      'title: Harbour',
      'sources:',
      `  ${origin}/world.xml: { name: World Desk, follow: true, tags: [world] }`,
      `  ${origin}/broken.xml: { name: Broken, follow: true }`,
      `  ${origin}/old-port.xml: { name: Port News, follow: true }`,
      `  ${origin}/busy.xml: { name: Busy, follow: true }`,
      `  ${origin}/ignored.xml: { name: Not followed, follow: false }`,
      `  ${origin}/named.xml: Just a name`,
    ].join('\n');

  test('imports what is new, reports the feed that failed, and remembers each feed for next time', async () => {
    const cwd = writeTree({ 'content/site.yaml': site() });
    const first = await runCli(['fetch'], { cwd });
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stdout, /^4 feeds: 4 new articles, 0 unchanged \(304\), 1 failed$/m);
    assert.match(first.stderr, new RegExp(`${origin}/broken\\.xml: 127\\.0\\.0\\.1:\\d+ answered 500 Internal Server Error: try again later`));
    assert.match(first.stdout, /wrote content\/2026\/01\/ferry-line-reopens\.md/);
    assert.match(readFileSync(path.join(cwd, 'content/2026/01/ferry-line-reopens.md'), 'utf8'), /tags:\n {2}- "world"/);
    assert.ok(!seen.some((request) => request.url === '/ignored.xml' || request.url === '/named.xml'), 'only followed feeds are fetched');
    assert.ok(seen.every((request) => request.userAgent?.startsWith('news-archive/')));
    const state = JSON.parse(readFileSync(path.join(cwd, 'content/.feeds.json'), 'utf8')) as Record<string, { etag?: string; movedTo?: string }>;
    assert.equal(state[`${origin}/world.xml`]?.etag, '"v1"');
    assert.equal(state[`${origin}/old-port.xml`]?.movedTo, `${origin}/port.xml`);

    // The next run asks conditionally, goes straight to the feed's new address, and writes nothing twice.
    busy = true;
    const before = seen.length;
    const second = await runCli(['fetch'], { cwd });
    assert.equal(second.code, 0, second.stderr);
    const asked = seen.slice(before);
    assert.equal(asked.find((request) => request.url === '/world.xml')?.ifNoneMatch, '"v1"');
    assert.ok(asked.some((request) => request.url === '/port.xml') && !asked.some((request) => request.url === '/old-port.xml'));
    assert.match(second.stdout, /^4 feeds: 0 new articles, 1 unchanged \(304\), 2 failed$/m);
    assert.match(second.stderr, /answered 429 \(asked to wait until .*\): it is left alone until then/);

    // Asked to wait: the busy feed is not asked again before its time.
    const third = await runCli(['fetch'], { cwd });
    assert.ok(!seen.slice(before + asked.length).some((request) => request.url === '/busy.xml'));
    assert.match(third.stdout, /1 waiting \(Retry-After\)/);
  });

  test('an OPML file of a feed reader’s subscriptions becomes feeds the archive follows, and fetch fetches them', async () => {
    const cwd = writeTree({
      'content/site.yaml': `# Mine.\nsources:\n  ${origin}/port.xml: My name for the port\n`,
      'subscriptions.opml': `<?xml version="1.0"?><opml version="2.0"><head><title>Mine</title></head><body>
<outline text="News"><outline type="rss" text="World — Top" xmlUrl="${origin}/world.xml" htmlUrl="https://example.org/"/></outline>
<outline type="rss" text="Port" xmlUrl="${origin}/port.xml"/></body></opml>`,
    });
    const run = await runCli(['import', 'subscriptions.opml'], { cwd });
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, new RegExp(`following ${origin}/world\\.xml "World"`));
    const sources = (parse(readFileSync(path.join(cwd, 'content/site.yaml'), 'utf8')) as { sources: Record<string, unknown> }).sources;
    assert.deepEqual(sources, { [`${origin}/port.xml`]: 'My name for the port', [`${origin}/world.xml`]: { name: 'World', follow: true } });
    const fetched = await runCli(['fetch'], { cwd });
    assert.equal(fetched.code, 0, fetched.stderr);
    assert.match(fetched.stdout, /^1 feed: 2 new articles, 0 unchanged \(304\), 0 failed$/m);
  });

  test('the sources a site publishes as /sources.opml are, imported into another archive, the feeds it follows, by the same names', async () => {
    const source = writeTree({
      'content/site.yaml': `title: Harbour\nsources:\n  ${origin}/world.xml: World Desk\n  ${origin}/port.xml: { name: Port News, follow: true }\n`,
      'content/2026/01/a.md': article({ title: 'Ferry', date: '2026-01-05', source: `${origin}/world.xml`, link: 'https://example.org/ferry' }),
      'content/2026/01/b.md': article({ title: 'Cranes', date: '2026-01-06', source: `${origin}/port.xml`, link: 'https://example.org/cranes' }),
    });
    const built = await runCli(['build'], { cwd: source });
    assert.equal(built.code, 0, built.stderr);
    const copy = writeTree({ 'content/site.yaml': 'title: My copy\n' });
    const imported = await runCli(['import', path.join(source, '_site/sources.opml')], { cwd: copy });
    assert.equal(imported.code, 0, imported.stderr);
    const sources = (parse(readFileSync(path.join(copy, 'content/site.yaml'), 'utf8')) as { sources: Record<string, unknown> }).sources;
    assert.deepEqual(sources, { [`${origin}/world.xml`]: { name: 'World Desk', follow: true }, [`${origin}/port.xml`]: { name: 'Port News', follow: true } });
    const fetched = await runCli(['fetch'], { cwd: copy });
    assert.match(fetched.stdout, /^2 feeds: 3 new articles, 0 unchanged \(304\), 0 failed$/m);
  });

  test('a feed that is slow, malformed or too large is reported, and the good ones are still imported, nothing half-written', async () => {
    const cwd = writeTree({
      'content/site.yaml': [
        'sources:',
        ...['world', 'slow', 'malformed', 'huge'].map((name) => `  ${origin}/${name}.xml: { name: ${name}, follow: true }`),
      ].join('\n'),
    });
    const run = await runCli(['fetch', '--timeout', '1'], { cwd });
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^4 feeds: 2 new articles, 0 unchanged \(304\), 3 failed$/m);
    assert.match(run.stderr, /slow\.xml: could not be fetched from 127\.0\.0\.1:\d+: no answer within 1 s; try again later/);
    assert.match(run.stderr, /huge\.xml: is larger than 10 MB: not read/);
    assert.match(run.stderr, /malformed\.xml: .*is not a feed that can be read/);
    const written = readdirSync(path.join(cwd, 'content'), { recursive: true, encoding: 'utf8' });
    assert.ok(written.every((file) => !file.includes('.tmp')));
  });

  test('an item its feed changed becomes a new version: the earlier one kept, the page updated, the change shown word by word', async () => {
    const cwd = writeTree({ 'content/site.yaml': `title: Desk\nsources:\n  ${origin}/desk.xml: { name: Desk, follow: true }\n` });
    deskVersion = 1;
    const first = await runCli(['fetch'], { cwd });
    assert.match(first.stdout, /^1 feed: 2 new articles, 0 unchanged \(304\), 0 failed$/m);
    const articleFile = path.join(cwd, 'content/2026/01/council-weighs-pier-closure.md');
    const revisionsFile = path.join(cwd, 'content/2026/01/council-weighs-pier-closure.revisions.yaml');
    const tidesFile = path.join(cwd, 'content/2026/01/tide-tables-printed.md');
    const tidesBefore = readFileSync(tidesFile, 'utf8');

    deskVersion = 2;
    const second = await runCli(['fetch'], { cwd });
    assert.equal(second.code, 0, second.stderr);
    assert.match(second.stdout, /^1 feed: 0 new articles, 1 revised, 0 unchanged \(304\), 0 failed$/m);
    assert.match(second.stdout, /revised content\/2026\/01\/council-weighs-pier-closure\.md {2}\(\/2026\/01\/05\/council-weighs-pier-closure\/\)/);
    // The article is the new version at its old address; the version it replaced is kept beside it.
    const now = readFileSync(articleFile, 'utf8');
    assert.match(now, /^title: "Council votes to close the pier"$/m);
    assert.match(now, /^description: "The vote was 7 to 2\."$/m);
    assert.match(now, /^updated: "\d{4}-\d\d-\d\dT[\d:.]+Z"$/m);
    assert.match(now, /voted 7 to 2 on Monday/);
    const kept = parse(readFileSync(revisionsFile, 'utf8')) as { versions: { title: string; description?: string; body: string; replaced: string }[] };
    assert.equal(kept.versions.length, 1);
    assert.equal(kept.versions[0]!.title, 'Council weighs pier closure');
    assert.equal(kept.versions[0]!.description, 'A vote is due on Monday.');
    assert.match(kept.versions[0]!.body, /The council meets on Monday to vote on the pier\./);
    assert.doesNotMatch(kept.versions[0]!.body, /img/, 'the earlier version, not the new one, is the one kept');
    // The new version's picture is kept by the archive, as a new article's is.
    assert.match(now, /<img src="\/media\/[0-9a-f]{2}\/[0-9a-f]+\.png" data-source="http:\/\/127\.0\.0\.1:\d+\/pier\.png"/);
    assert.equal(readFileSync(tidesFile, 'utf8'), tidesBefore, 'an unchanged item is not touched');

    // The same version again changes nothing.
    const third = await runCli(['fetch'], { cwd });
    assert.match(third.stdout, /^1 feed: 0 new articles, 0 unchanged \(304\), 0 failed$/m);
    assert.equal(readFileSync(articleFile, 'utf8'), now);
    assert.equal((parse(readFileSync(revisionsFile, 'utf8')) as typeof kept).versions.length, 1);

    const check = await runCli(['check'], { cwd });
    assert.equal(check.code, 0, check.stdout);
    const build = await runCli(['build', '--base-url', 'https://desk.example'], { cwd });
    assert.equal(build.code, 0, build.stderr);
    const page = readFileSync(path.join(cwd, '_site/2026/01/05/council-weighs-pier-closure/index.html'), 'utf8');
    assert.match(page, /<h1>Council votes to close the pier<\/h1>/);
    assert.match(page, /Updated <time datetime="[^"]+">/);
    assert.match(page, /<a class="changes-link" href="changes\/">See what changed<\/a>/);
    const changes = readFileSync(path.join(cwd, '_site/2026/01/05/council-weighs-pier-closure/changes/index.html'), 'utf8');
    // Each part read without its added words is the earlier version, without its removed words the new one.
    const parts = [...changes.matchAll(/<h3 class="change-part">([^<]+)<\/h3>\s*<div class="change-text">([\s\S]*?)<\/div>/g)].map(([, label, html]) => {
      const paragraphs = [...html!.matchAll(/<p>([\s\S]*?)<\/p>/g)].map((match) => match[1]!.replace(/<span class="visually-hidden">[^<]*<\/span>/g, ''));
      const version = (dropped: 'ins' | 'del') =>
        paragraphs.map((paragraph) =>
          paragraph
            .replace(new RegExp(`<${dropped}>[^<]*</${dropped}>`, 'g'), '')
            .replace(/<\/?(?:ins|del)>/g, '')
            .replace(/\s+/g, ' ')
            .trim(),
        );
      return { label, before: version('ins'), after: version('del') };
    });
    assert.deepEqual(parts, [
      { label: 'Headline', before: ['Council weighs pier closure'], after: ['Council votes to close the pier'] },
      { label: 'Summary', before: ['A vote is due on Monday.'], after: ['The vote was 7 to 2.'] },
      {
        label: 'Text',
        before: ['The council meets on Monday to vote on the pier.', 'The pier opened in 1902.'],
        after: ['The council voted 7 to 2 on Monday to close the pier.', 'The pier opened in 1902.'],
      },
    ]);
    assert.match(changes, /<del><span class="visually-hidden">\[removed: <\/span>weighs<span class="visually-hidden">\]<\/span><\/del>/);
    assert.match(changes, /<p>The pier opened in 1902\.<\/p>/, 'an unchanged paragraph is shown as it is');
    // Feed readers learn of the new version: its entry is updated later than it was published.
    const feedEntry = parseAtomFeed(readFileSync(path.join(cwd, '_site/feed.xml'), 'utf8')).entries?.find((entry) =>
      entry.id?.endsWith('/council-weighs-pier-closure/'),
    );
    assert.ok(Date.parse(feedEntry?.updated ?? '') > Date.parse(feedEntry?.published ?? ''), `${feedEntry?.updated} after ${feedEntry?.published}`);

    // A revisions file that does not read is an error naming it, its field and its line, and the article still builds.
    writeFileSync(revisionsFile, readFileSync(revisionsFile, 'utf8').replace(/replaced: "[^"]+"/, 'replaced: "soon"'));
    const broken = await runCli(['check'], { cwd });
    assert.equal(broken.code, 1);
    assert.match(
      broken.stdout,
      /^content\/2026\/01\/council-weighs-pier-closure\.revisions\.yaml:4: versions\[0\]\.replaced: expected a date like .*, got "soon" \[invalid-field\]$/m,
    );
    const skipping = await runCli(['build', '--skip-invalid'], { cwd });
    assert.equal(skipping.code, 0, skipping.stderr);
    assert.match(readFileSync(path.join(cwd, '_site/2026/01/05/council-weighs-pier-closure/index.html'), 'utf8'), /<h1>Council votes to close the pier<\/h1>/);
    assert.ok(!existsSync(path.join(cwd, '_site/2026/01/05/council-weighs-pier-closure/changes/index.html')), 'no page of changes that could not be read');
  });

  test('a story that two followed feeds carry is archived once, from the first, and is no new version of it from the second', async () => {
    deskVersion = 1;
    const cwd = writeTree({
      'content/site.yaml': `sources:\n  ${origin}/desk.xml: { name: Desk, follow: true }\n  ${origin}/mirror.xml: { name: Mirror, follow: true }\n`,
    });
    const run = await runCli(['fetch'], { cwd });
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^2 feeds: 2 new articles, 0 unchanged \(304\), 0 failed$/m);
    // Items already archived are not news: a scheduled run does not list them.
    assert.deepEqual(readdirSync(path.join(cwd, 'content/2026/01')).sort(), ['council-weighs-pier-closure.md', 'tide-tables-printed.md']);
    assert.ok(!existsSync(path.join(cwd, 'content/2026/01/council-weighs-pier-closure.revisions.yaml')));
  });

  test('exit 1 only when every feed failed; a site that follows none is told how to follow one', async () => {
    const failing = writeTree({ 'content/site.yaml': `sources:\n  ${origin}/broken.xml: { follow: true }\n` });
    const run = await runCli(['fetch'], { cwd: failing });
    assert.equal(run.code, 1);
    assert.match(run.stdout, /^1 feed: 0 new articles, 0 unchanged \(304\), 1 failed$/m);
    const none = writeTree({ 'content/site.yaml': 'title: A\n' });
    const usage = await runCli(['fetch'], { cwd: none });
    assert.equal(usage.code, 2);
    assert.match(usage.stderr, /site\.yaml follows no feed: give a source follow: true/);
    // A misspelt key is why nothing is followed: said first.
    const misspelt = writeTree({ 'content/site.yaml': `sources:\n  ${origin}/world.xml: { name: World, folow: true }\n` });
    const said = await runCli(['fetch'], { cwd: misspelt });
    assert.equal(said.code, 2);
    assert.match(said.stderr, /content\/site\.yaml:2: sources\.http:\/\/127\.0\.0\.1:\d+\/world\.xml: .*folow/);
  });
});

describe('check --links: whether the originals are still there', () => {
  let server: Server;
  let origin = '';
  const asked: string[] = [];
  before(async () => {
    server = createServer((request, response) => {
      asked.push(`${request.method} ${request.url}`);
      switch (request.url) {
        case '/live':
          return response.writeHead(200).end('here');
        case '/moved':
          return response.writeHead(301, { location: '/live' }).end();
        case '/no-head':
          return request.method === 'HEAD' ? response.writeHead(405).end() : response.writeHead(200).end('here');
        case '/gone':
          return response.writeHead(410).end();
        default:
          return response.writeHead(404).end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => server.close());

  test('reports the originals that are gone, follows redirects, falls back to GET, and asks nothing without --links', async () => {
    const post = (name: string, extra = '') => `---\ntitle: ${name}\ndate: 2026-01-06\nlink: ${origin}/${name}\n${extra}---\nText of ${name}.\n`;
    const cwd = writeTree({
      'content/site.yaml': 'title: A\n',
      ...Object.fromEntries(['live', 'moved', 'no-head', 'gone', 'missing'].map((name) => [`content/2026/01/${name}.md`, post(name)])),
      'content/2026/01/known.md': post('known', 'link_status: dead\n'),
    });
    const quiet = await runCli(['check'], { cwd });
    assert.equal(quiet.code, 0, quiet.stdout);
    assert.equal(asked.length, 0, 'no request without --links');

    const run = await runCli(['check', '--links'], { cwd });
    assert.equal(run.code, 0, run.stdout);
    assert.deepEqual(
      [...run.stdout.matchAll(/^(content\/\S+): warning: link: (\S+) answers (\d+)/gm)].map((match) => `${match[1]} ${match[3]}`),
      ['content/2026/01/gone.md 410', 'content/2026/01/missing.md 404'],
    );
    assert.match(run.stdout, /hint \[dead-link\]: Set `link_status: dead`/);
    assert.ok(asked.includes('GET /no-head') && asked.includes('HEAD /moved') && asked.includes('HEAD /live'));
    assert.ok(!asked.some((request) => request.endsWith('/known')), 'an original known to be gone is not asked again');
  });
});
