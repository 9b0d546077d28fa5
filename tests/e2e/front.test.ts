/**
 * The front page of an archive with stories and pictures of its own, in
 * Chromium: the day's biggest story leads with its picture, then the other
 * stories with their outlets, then the articles under their days; with
 * `remoteImages: block`, no page of the site asks anything of another site;
 * axe passes in light and dark on the home, a day, an article and search.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { article, runCli, writeTree } from '../helpers.ts';
import { openReader, type Reader } from '../support/reader.ts';

const outlets = ['harbour-news', 'city-gazette', 'river-post', 'the-wire'];

async function content(): Promise<Record<string, string | Uint8Array>> {
  const picture = (colour: string) => sharp({ create: { width: 1200, height: 800, channels: 3, background: colour } }).jpeg().toBuffer();
  const files: Record<string, string | Uint8Array> = {
    'content/site.yaml': [
      'title: Harbour Archive',
      'remoteImages: block',
      'sources:',
      ...outlets.map((outlet) => `  https://${outlet}.example/feed.xml: ${outlet.replace(/-/g, ' ').replace(/\b\w/g, (c) => c.toUpperCase())}`),
    ].join('\n'),
    'content/media/aa/bridge.jpg': await picture('#1d3557'),
    'content/media/bb/ferry.jpg': await picture('#e76f51'),
  };
  const story = (slug: string, title: string, text: string, count: number, image?: string) => {
    outlets.slice(0, count).forEach((outlet, n) => {
      files[`content/2026/03/${slug}-${outlet}.md`] = article(
        {
          title: `${title} (${outlet.replace(/-/g, ' ')})`,
          date: `2026-03-10T${String(8 + n).padStart(2, '0')}:00:00Z`,
          link: `https://${outlet}.example/${slug}`,
          source: `https://${outlet}.example/feed.xml`,
          ...(image && n === 0 ? { image, image_caption: `${title}, in the morning`, image_credit: 'Jane Doe' } : {}),
        },
        `<p>${text}</p><p>${text.split(' ').reverse().join(' ')}</p>`,
      );
    });
  };
  story('bridge', 'The old bridge closes for repairs', 'The old bridge over the river closed on Tuesday for a year of repairs to its arches and its deck.', 4, '/media/aa/bridge.jpg');
  story('ferry', 'A new ferry joins the island line', 'A new ferry joined the island line on Tuesday, with room for two hundred cars and a quieter engine.', 2, '/media/bb/ferry.jpg');
  story('market', 'The fish market moves indoors', 'The fish market moved into the old customs hall on Tuesday, out of the wind and the rain of the quay.', 2);
  // Older days, one with a picture only at its publisher's, and a body picture from elsewhere: links, not requests.
  files['content/2026/03/council.md'] = article(
    { title: 'Council sets the harbour budget', date: '2026-03-09T12:00:00Z', image: 'https://harbour-news.example/council.jpg' },
    '<p>The council set the harbour budget for the year.</p><p><img src="https://harbour-news.example/chamber.jpg" alt="The council chamber"></p>',
  );
  files['content/2026/03/tides.md'] = article({ title: 'Spring tides expected', date: '2026-03-08T12:00:00Z' }, '<p>The highest tides of the year come this weekend.</p>');
  return files;
}

describe('the front page of an archive with stories and its own pictures', () => {
  let reader: Reader;
  let page: Page;
  let origin = '';
  let site = '';

  before(async () => {
    const cwd = writeTree(await content());
    const run = await runCli(['build', '--base-url', 'https://harbour.example.org/'], { cwd });
    assert.equal(run.code, 0, run.stderr);
    site = path.join(cwd, '_site');
    reader = await openReader(site);
    ({ page, origin } = reader);
  });
  after(async () => {
    await reader?.close();
  });

  test('leads with the story most outlets covered, with its picture; then the other stories; then the articles under their days', async () => {
    await page.goto(`${origin}/`);
    const lead = page.locator('.lead-story');
    assert.match((await lead.locator('h2').textContent()) ?? '', /^The old bridge closes for repairs/);
    // The lead picture loads from the site, in the size and format the browser chose of those made for it.
    const chosen = String(await page.evaluate('document.querySelector(".lead-story img").currentSrc'));
    assert.match(chosen, new RegExp(`^${origin}/media/aa/bridge-(480|960|1200)\\.webp$`));
    assert.ok(Number(await page.evaluate('document.querySelector(".lead-story img").naturalWidth')) > 0);
    for (const width of [480, 960]) assert.ok(existsSync(path.join(site, `media/aa/bridge-${width}.jpg`)) && existsSync(path.join(site, `media/aa/bridge-${width}.webp`)));
    assert.match((await lead.locator('.meta').textContent()) ?? '', /Covered by .*, .*, .* and 1 more/);
    const top = await page.locator('.top-stories h3').allTextContents();
    assert.equal(top.length, 2);
    assert.ok(top.some((title) => title.startsWith('A new ferry joins')) && top.some((title) => title.startsWith('The fish market moves')));
    // The front's stories stand for all their articles of the day; the other days follow under their headings.
    assert.deepEqual(await page.locator('.day-heading').allTextContents(), ['March 9, 2026', 'March 8, 2026']);
    assert.equal(await page.locator('.article-list a', { hasText: 'The old bridge closes' }).count(), 0);
    // Thumbnails have their box from the start: nothing moves when they arrive.
    for (const size of await page.locator('img.thumbnail').evaluateAll((images) => images.map((image) => `${image.getAttribute('width')}x${image.getAttribute('height')}`))) {
      assert.equal(size, '160x107');
    }
    await reader.checkAccessibility('front-home');
    await reader.screenshot('front-home');
  });

  test('a day reads the same way', async () => {
    await page.goto(`${origin}/2026/03/10/`);
    assert.match((await page.locator('.lead-story h2').textContent()) ?? '', /^The old bridge closes/);
    assert.equal(await page.locator('.day-heading').count(), 0, 'no day heading under the day’s own');
    await reader.checkAccessibility('front-day');
    await reader.screenshot('front-day');
  });

  test('a picture only at its publisher’s is a link to it, in the lead and in the text', async () => {
    await page.goto(`${origin}/2026/03/09/council/`);
    assert.equal(await page.locator('.lead-image-link a').getAttribute('href'), 'https://harbour-news.example/council.jpg');
    assert.equal(await page.locator('.article-body a.remote-picture').textContent(), 'The council chamber');
    assert.equal(await page.locator('img').count(), 0);
    await reader.checkAccessibility('front-article');
  });

  test('with remoteImages: block, no page of the site asks anything of another site', async () => {
    const pages = readdirSync(site, { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('index.html'))
      .map((file) => `/${file.replace(/index\.html$/, '')}`);
    assert.ok(pages.length > 20, `${pages.length} pages`);
    for (const url of pages) await page.goto(`${origin}${url}`);
    await page.goto(`${origin}/search/?q=bridge`);
    await page.getByText(/articles? found/).waitFor();
    assert.deepEqual(reader.offSite, []);
    assert.deepEqual(reader.violations, []);
  });

  test('axe passes in the dark too, on the home, a day, an article and search', async () => {
    await page.emulateMedia({ colorScheme: 'dark' });
    try {
      for (const url of ['/', '/2026/03/10/', '/2026/03/10/bridge-harbour-news/', '/search/?q=bridge']) {
        await page.goto(`${origin}${url}`);
        if (url.startsWith('/search')) await page.getByText(/articles? found/).waitFor();
        await reader.checkAccessibility(`front-dark ${url}`);
      }
      await page.goto(`${origin}/`);
      await reader.screenshot('front-home-dark');
    } finally {
      await page.emulateMedia({ colorScheme: 'light' });
    }
    await page.goto(`${origin}/search/?q=bridge`);
    await page.getByText(/articles? found/).waitFor();
    await reader.checkAccessibility('front-search');
    await reader.screenshot('front-search');
  });
});
