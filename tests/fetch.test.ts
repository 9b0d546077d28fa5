/**
 * `news-archive fetch` against feeds on a local server (never the internet):
 * conditional requests remembered between runs, a failing feed reported while
 * the others are imported, a permanent redirect followed and remembered,
 * Retry-After respected, and exit 1 only when every feed failed.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { parse } from 'yaml';
import { runCli, writeTree } from './helpers.ts';

const feed = (title: string, items: string[]) => `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>${title}</title><link>https://example.org/</link>
${items.map((item, n) => `<item><title>${item}</title><link>https://example.org/${encodeURIComponent(item)}</link><pubDate>Mon, 0${5 + 7 * 0} Jan 2026 0${n}:00:00 GMT</pubDate><description><![CDATA[<p>${item}, told in full.</p>]]></description></item>`).join('\n')}
</channel></rss>`;

describe('fetch: the feeds the archive follows', () => {
  let server: Server;
  let origin = '';
  const seen: { url: string; ifNoneMatch?: string; userAgent?: string }[] = [];
  let busy = false;

  before(async () => {
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

  test('exit 1 only when every feed failed; a site that follows none is told how to follow one', async () => {
    const failing = writeTree({ 'content/site.yaml': `sources:\n  ${origin}/broken.xml: { follow: true }\n` });
    const run = await runCli(['fetch'], { cwd: failing });
    assert.equal(run.code, 1);
    assert.match(run.stdout, /^1 feed: 0 new articles, 0 unchanged \(304\), 1 failed$/m);
    const none = writeTree({ 'content/site.yaml': 'title: A\n' });
    const usage = await runCli(['fetch'], { cwd: none });
    assert.equal(usage.code, 2);
    assert.match(usage.stderr, /site\.yaml follows no feed: give a source follow: true/);
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
