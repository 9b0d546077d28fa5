/**
 * Hostile content, with suites others wrote: every payload of DOMPurify's
 * tests (223) and of html5sec.org (148) is put in an article's body and in
 * every front-matter field that reaches a page (title, description, summary,
 * tags, categories, author, the source's name, link and image), one site is
 * built, and then:
 * - every HTML page is checked for what content must never bring (event
 *   handlers, script URLs, scripts, frames, plugins, forms, styles, <base>);
 * - every page, every feed and search results are loaded in Chromium with
 *   traps on alert/confirm/prompt/print/open, dialogs, navigation and any
 *   request that leaves localhost.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Element, Root } from 'hast';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import sirv from 'sirv';
import { contentSecurityPolicy } from '../../src/archive/siteView.ts';
import { fixture, runCli, writeTree } from '../helpers.ts';

const chromePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';

interface Payload {
  suite: string;
  payload: string;
}

const payloads: Payload[] = [
  ...(JSON.parse(readFileSync(fixture('xss/dompurify-fixtures.json'), 'utf8')) as { payload: string }[]).map(({ payload }) => ({
    suite: 'DOMPurify',
    payload,
  })),
  ...(JSON.parse(readFileSync(fixture('xss/html5sec-vectors.json'), 'utf8')) as { payload: string }[]).map(({ payload }) => ({ suite: 'html5sec', payload })),
];

/** A YAML double-quoted string: JSON's string syntax is a subset of it. */
const yaml = (text: string): string => JSON.stringify(text);

function content(): Record<string, string> {
  const files: Record<string, string> = {};
  const sources: string[] = [];
  payloads.forEach(({ payload }, i) => {
    const text = payload.trim() === '' ? `empty payload ${i}` : payload;
    const date = new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString();
    sources.push(`  https://feeds.example.com/p${i}: ${yaml(text)}`);
    files[`content/xss/p-${i}.md`] = [
      '---',
      `title: ${yaml(text)}`,
      `date: ${date}`,
      `slug: p-${i}`,
      `description: ${yaml(text)}`,
      `summary: ${yaml(text)}`,
      `tags: [${yaml(text)}, payload]`,
      `categories: [${yaml(text)}]`,
      `author: ${yaml(text)}`,
      `source: https://feeds.example.com/p${i}`,
      // In URL fields a payload can only be part of a valid http(s) URL; raw, it is refused (below).
      `link: ${yaml(`https://example.com/p${i}?q=${encodeURIComponent(payload)}`)}`,
      `image: ${yaml(`https://images.example.com/p${i}.png?q=${encodeURIComponent(payload)}`)}`,
      '---',
      payload,
      '',
    ].join('\n');
    files[`content/xss-url/u-${i}.md`] = [
      '---',
      `title: URL ${i}`,
      `date: ${date}`,
      `slug: u-${i}`,
      `link: ${yaml(payload)}`,
      `image: ${yaml(payload)}`,
      '---',
      'Text.',
      '',
    ].join('\n');
  });
  files['content/site.yaml'] = `title: XSS test\npageSize: 50\nsources:\n${sources.join('\n')}\n`;
  return files;
}

/** Every file of the built site, as URL paths. */
function builtFiles(site: string): string[] {
  return readdirSync(site, { recursive: true, encoding: 'utf8' })
    .map((file) => `/${file.split(path.sep).join('/')}`)
    .filter((url) => !url.startsWith('/pagefind/') && !url.startsWith('/assets/'))
    .sort();
}

const dangerousUrl = /^\s*(?:javascript|vbscript|data|file):/i;
const urlAttributes = ['href', 'src', 'action', 'formAction', 'xLinkHref', 'poster', 'data', 'background', 'srcSet', 'cite', 'longDesc', 'manifest', 'ping'];

/** What content must never bring into a page: `[]` when the page is clean. */
function dangers(tree: Root, url: string): string[] {
  const found: string[] = [];
  visit(tree, 'element', (node: Element) => {
    const properties = node.properties;
    for (const name of Object.keys(properties)) {
      if (/^on/i.test(name)) found.push(`${node.tagName} has ${name}`);
    }
    for (const name of urlAttributes) {
      const value = properties[name];
      if (value !== undefined && dangerousUrl.test(String(value))) found.push(`${node.tagName} ${name}=${String(value).slice(0, 40)}`);
    }
    switch (node.tagName) {
      case 'script': {
        const ours =
          (properties.type === 'application/ld+json' && !properties.src) ||
          (properties.type === 'module' && String(properties.src).endsWith('assets/search.js') && url === '/search/index.html');
        if (!ours) found.push(`script ${JSON.stringify(properties)}`);
        break;
      }
      case 'meta':
        if (properties.httpEquiv && String(properties.content) !== contentSecurityPolicy) found.push(`meta http-equiv ${String(properties.httpEquiv)}`);
        break;
      case 'form':
        if (url !== '/search/index.html' || properties.dataSearchForm === undefined) found.push('form');
        break;
      case 'iframe':
      case 'frame':
      case 'object':
      case 'embed':
      case 'applet':
      case 'base':
      case 'style':
      case 'svg':
      case 'math':
        found.push(node.tagName);
        break;
      case 'link':
        if (!['stylesheet', 'alternate', 'canonical', 'icon'].includes(String(properties.rel))) found.push(`link rel=${String(properties.rel)}`);
        break;
    }
    if (properties.style !== undefined) found.push(`${node.tagName} has style`);
  });
  return found;
}

describe(`hostile content: ${payloads.length} XSS payloads in every field`, () => {
  let cwd = '';
  let site = '';
  let build = { code: 0, stdout: '', stderr: '' };
  let server: Server;
  let origin = '';
  let browser: Browser;
  const fired: string[] = [];
  const outside: string[] = [];

  before(async () => {
    if (!existsSync(chromePath)) {
      throw new Error(`Chromium was not found at ${chromePath}. Install it (Debian/Ubuntu: apt-get install chromium) or set CHROME_PATH.`);
    }
    cwd = writeTree(content());
    site = path.join(cwd, '_site');
    const serve = sirv(site, { dev: true });
    server = createServer((request, response) =>
      serve(request, response, () => {
        response.writeHead(404).end('not found');
      }),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    build = await runCli(['build', '--skip-invalid', '--base-url', `${origin}/`], { cwd });
    browser = await chromium.launch({
      executablePath: chromePath,
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'],
    });
  });

  after(async () => {
    await browser?.close();
    server?.close();
  });

  /** A browser tab whose every trap reports to `fired`, and whose requests outside localhost are stopped and reported. */
  async function trappedPage(context: BrowserContext): Promise<Page> {
    const page = await context.newPage();
    await page.exposeFunction('trapFired', (what: string) => fired.push(`${what} on ${page.url()}`));
    await page.addInitScript(`for (const name of ['alert', 'confirm', 'prompt', 'print', 'open']) {
      window[name] = (...args) => { trapFired(name + '(' + args.map(String).join(', ').slice(0, 60) + ')'); };
    }`);
    page.on('dialog', (dialog) => {
      fired.push(`dialog ${dialog.type()} on ${page.url()}`);
      void dialog.dismiss();
    });
    page.on('popup', (popup) => fired.push(`popup ${popup.url()}`));
    // Watched, not intercepted (interception costs a round trip per request); the browser cannot resolve any other host.
    page.on('request', (request) => {
      if (!request.url().startsWith(origin)) outside.push(`${request.resourceType()} ${request.url().slice(0, 120)}`);
    });
    return page;
  }

  /** Loads each URL and checks that the page stayed where it was sent. */
  async function visitAll(page: Page, urls: readonly string[]): Promise<void> {
    for (const url of urls) {
      const response = await page.goto(`${origin}${url}`, { waitUntil: 'domcontentloaded' });
      assert.ok(response?.ok(), `${url} loads`);
      if (new URL(page.url()).pathname !== new URL(`${origin}${url}`).pathname) fired.push(`navigation from ${url} to ${page.url()}`);
    }
  }

  test('the site builds, refusing the payloads that are not http(s) URLs in link and image', () => {
    assert.equal(build.code, 0, build.stderr.slice(0, 2000));
    const refused = build.stderr.split('\n').filter((line) => /^content\/xss-url\/u-\d+\.md:\d+: (link|image): expected an absolute http\(s\) URL/.test(line));
    assert.ok(refused.length >= payloads.length, `${refused.length} URL fields refused`);
    // Every payload article was built.
    for (let i = 0; i < payloads.length; i++) assert.ok(existsSync(path.join(site, `2026/01/01/p-${i}/index.html`)), `p-${i}`);
  });

  test('no page holds an event handler, script URL, foreign script, frame, plugin, form, style or <base>', (t) => {
    const parser = unified().use(rehypeParse);
    const pages = builtFiles(site).filter((url) => url.endsWith('.html'));
    assert.ok(pages.length > payloads.length * 4, `${pages.length} pages`);
    const found = pages.flatMap((url) => dangers(parser.parse(readFileSync(path.join(site, url), 'utf8')), url).map((danger) => `${url}: ${danger}`));
    t.diagnostic(`${pages.length} HTML pages checked; findings: ${found.length}`);
    assert.deepEqual(found.slice(0, 20), []);
  });

  test('in Chromium, no page, feed or search result runs content: no dialog, no navigation, no request leaving the site but the content’s declared images', async (t) => {
    const files = builtFiles(site);
    const pages = files.filter((url) => url.endsWith('/index.html') || url === '/404.html').map((url) => url.replace(/index\.html$/, ''));
    // Feeds are XML and JSON, which browsers show as text; the site's own and a sample of the tags' and sources'.
    const feeds = files.filter((url) => url.endsWith('.xml') || url.endsWith('.json')).filter((url, i) => !url.includes('/', 1) || i % 20 === 0);
    // Three tabs share the work.
    const context = await browser.newContext();
    const tabs = await Promise.all([trappedPage(context), trappedPage(context), trappedPage(context)]);
    const all = [...pages, ...feeds];
    await Promise.all(
      tabs.map((tab, n) =>
        visitAll(
          tab,
          all.filter((_, i) => i % tabs.length === n),
        ),
      ),
    );

    // Search: words the payloads are made of, and filters set to payloads through the address.
    const [search] = tabs;
    for (const query of ['alert', 'script', 'onerror', 'img', 'svg', 'javascript', 'xss', 'iframe']) {
      await search!.goto(`${origin}/search/?q=${encodeURIComponent(query)}`);
      await search!.locator('[data-search-status]').filter({ hasText: /found/ }).waitFor();
    }
    for (const { payload } of payloads.slice(0, 40)) {
      await search!.goto(`${origin}/search/?q=payload&tag=${encodeURIComponent(payload)}`);
      await search!.locator('[data-search-status]').filter({ hasText: /found/ }).waitFor();
    }
    const results = await search!.locator('[data-search-results] li').count();
    await context.close();

    t.diagnostic(
      `${payloads.length} payloads × 10 fields; loaded ${pages.length} pages, ${feeds.length} feeds and ${8 + 40} searches; traps fired: ${fired.length}; requests leaving the site: ${outside.length} (images), ${outside.filter((r) => !r.startsWith('image ')).length} other`,
    );
    assert.deepEqual(fired, [], 'no trap fired');
    // Images are remote by design (img-src https:): the lead images, and body images, whose relative
    // URLs point at the original article's site. Anything else leaving the site is a failure.
    const unexpected = outside.filter((request) => !/^image https:\/\/(?:images\.)?example\.com\//.test(request));
    assert.deepEqual(unexpected.slice(0, 20), [], 'no request left the site but declared images');
    assert.ok(pages.length > 1500 && feeds.length > 30, `${pages.length} pages and ${feeds.length} feeds loaded`);
    assert.ok(results >= 0);
  });
});
