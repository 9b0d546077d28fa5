/** The site's own look from site.yaml: logo, icon, navigation, footer and accent colour. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { pagesOf } from '../src/archive/pages.ts';
import { article } from './helpers.ts';
import { siteInMemory } from './support/siteInMemory.ts';

const svg = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 8 8"><rect width="8" height="8"/></svg>';

describe('site.yaml makes the site look like its own', async () => {
  const site = await siteInMemory({
    'content/site.yaml': [
      'title: Harbour Herald',
      'logo: images/logo.svg',
      'favicon: https://cdn.harbour.example/icon.png',
      'accentColor: "#0b5fff"',
      'footer: Kept by the Harbour Historical Society.',
      'navigation:',
      '  - { label: Home, url: / }',
      '  - { label: Topics, url: /tags/ }',
      '  - { label: About us, url: "https://harbour.example/about" }',
    ].join('\n'),
    'content/images/logo.svg': svg,
    'content/2026/01/quay.md': article({ title: 'Quay reopens', date: '2026-01-06' }),
  });
  const page = site.file('/2026/01/06/quay/');

  test('the logo from the content folder is published and shown in the masthead', () => {
    assert.match(page, /<img class="site-logo" src="\.\.\/\.\.\/\.\.\/\.\.\/assets\/site\/logo\.svg" alt="">\s*Harbour Herald<\/a>/);
    assert.deepEqual(
      pagesOf(site.archive, 'file').map((file) => file.url),
      ['/assets/site/logo.svg'],
    );
  });
  test('the icon, the navigation and the footer are the site’s', () => {
    assert.match(page, /<link rel="icon" href="https:\/\/cdn\.harbour\.example\/icon\.png">/);
    const nav = /<nav class="site-nav"[^>]*>([\s\S]*?)<\/nav>/.exec(page)![1]!;
    assert.deepEqual(
      [...nav.matchAll(/<a href="([^"]*)">([^<]*)<\/a>/g)].map((m) => `${m[2]} ${m[1]}`),
      ['Home ../../../../', 'Topics ../../../../tags/', 'About us https://harbour.example/about'],
    );
    assert.match(page, /<p>Kept by the Harbour Historical Society\.<\/p>/);
  });
  test('the accent colour comes in a stylesheet of its own (the CSP allows no inline style)', () => {
    assert.match(page, /<link rel="stylesheet" href="\.\.\/\.\.\/\.\.\/\.\.\/assets\/site\.css">/);
    assert.match(site.file('/assets/site.css'), /--accent: #0b5fff;/);
    assert.ok(!/style=/.test(page));
  });
});

describe('without settings, the built-in look', async () => {
  const site = await siteInMemory({ 'content/2026/01/quay.md': article({ title: 'Quay reopens', date: '2026-01-06' }) });
  test('a shipped icon, so browsers ask for no missing /favicon.ico; the usual links; no extra stylesheet', () => {
    const page = site.file('/');
    assert.match(page, /<link rel="icon" href="assets\/favicon\.svg">/);
    assert.match(page, /<a href="search\/">Search<\/a>/);
    assert.ok(!page.includes('site.css'));
    assert.ok(!page.includes('site-logo'));
  });
});

describe('settings that cannot be used are errors naming them', async () => {
  const site = await siteInMemory({
    'content/site.yaml': 'title: T\nlogo: missing.png\naccentColor: "red; background: url(x)"\nnavigation:\n  - { label: Bad, url: "javascript:alert(1)" }\n',
    'content/2026/01/quay.md': article({ title: 'Quay reopens', date: '2026-01-06' }),
  });
  test('a logo that is not in the content folder, a colour that is not one, a link that is not a page or a web address', () => {
    assert.deepEqual(site.problems.map((p) => `${p.code} ${p.field}`).sort(), [
      'invalid-site-settings accentColor',
      'invalid-site-settings logo',
      'invalid-site-settings navigation[0].url',
    ]);
  });
});
