/**
 * A reader in a real Chromium (Debian's `chromium`, or CHROME_PATH) browses
 * the built site served on localhost: by clicking links only, with axe-core
 * checking every page type for WCAG 2.2 AA violations. Screenshots at phone
 * and desktop widths are kept in test-results/screenshots/.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { article, runCli, writeTree } from '../helpers.ts';
import { openReader, type Reader } from '../support/reader.ts';

/** Seven articles on security from two sources, two to a page, so lists have several pages. */
function content(): Record<string, string> {
  const files: Record<string, string> = {
    'content/site.yaml': 'title: Browser Test Archive\npageSize: 2\nsources:\n  https://feeds.example.com/world: Example World\n',
  };
  for (let day = 1; day <= 7; day++) {
    files[`content/2026/01/story-${day}.md`] = article(
      {
        title: `Security talks, day ${day}`,
        date: `2026-01-0${day}T12:00:00Z`,
        description: `What happened on day ${day} of the talks.`,
        link: `https://news.example.com/2026/01/0${day}/talks`,
        source: day % 2 ? 'https://feeds.example.com/world' : "''",
        tags: '[Security, Diplomacy]',
        author: 'Jane Doe',
      },
      `<p>Delegations met for the ${day}th time. <a href="https://example.com/background">Background</a>.</p><figure><figcaption>Talks, day ${day}</figcaption></figure>`,
    );
  }
  // The last day's article was changed by its feed after it was archived: its earlier version is kept beside it.
  files['content/2026/01/story-7.md'] = files['content/2026/01/story-7.md']!.replace(/^date: .*$/m, (line) => `${line}\nupdated: "2026-01-08T09:30:00Z"`);
  files['content/2026/01/story-7.revisions.yaml'] = [
    'versions:',
    '  - replaced: "2026-01-08T09:30:00Z"',
    '    title: "Security talks stall, day 7"',
    '    description: "What was expected on day 7 of the talks."',
    '    body: "<p>Delegations were due to meet for the 7th time.</p><p>Talks, day 7</p>"',
    '',
  ].join('\n');
  // Two December stories for search: only one is mostly about avalanches.
  files['content/2025/12/avalanche.md'] = article(
    { title: 'Avalanche closes the mountain pass', date: '2025-12-10T08:00:00Z', tags: '[Weather]' },
    '<p>An avalanche buried the road to the pass overnight. Avalanche teams worked until dawn; the avalanche risk stays high.</p>',
  );
  files['content/2025/12/ski-resorts.md'] = article(
    { title: 'Ski resorts count the cost of a short season', date: '2025-12-12T08:00:00Z', tags: '[Economy]' },
    '<p>Resorts lost bookings after the early avalanche and a warm spell. Hotels are offering discounts.</p>',
  );
  return files;
}

describe('a reader in Chromium', () => {
  let reader: Reader;
  let page: Page;
  let origin = '';
  const checkAccessibility = (name: string) => reader.checkAccessibility(name);
  const screenshot = (name: string) => reader.screenshot(name);

  before(async () => {
    const cwd = writeTree(content());
    // With a base URL, as a deployed site is built: feeds and their links included.
    const run = await runCli(['build', '--base-url', 'https://news.example.org/'], { cwd });
    assert.equal(run.code, 0, run.stderr);
    reader = await openReader(path.join(cwd, '_site'));
    ({ page, origin } = reader);
  });

  after(async () => {
    await reader?.close();
  });

  test('goes from home to an article, its tag, page 2 of the tag, a month and a source, by clicking', async () => {
    await page.goto(`${origin}/`);
    assert.equal(await page.title(), 'Latest news · Browser Test Archive');
    await checkAccessibility('home');
    await screenshot('home');

    await page.getByRole('link', { name: 'Security talks, day 7' }).click();
    await page.waitForURL(`${origin}/2026/01/07/story-7/`);
    assert.equal(await page.locator('h1').textContent(), 'Security talks, day 7');
    await checkAccessibility('article');
    await screenshot('article');

    await page.locator('.tags').getByRole('link', { name: 'Security' }).click();
    await page.waitForURL(`${origin}/tags/security/`);
    assert.equal(await page.locator('h1').textContent(), 'Tagged “Security”');
    await checkAccessibility('tag');
    await screenshot('tag');

    // Seven articles, two to a page: the tag's own URL shows the newest three, then page 2 and page 1, counted from the oldest.
    await page.locator('.pagination').getByRole('link', { name: 'Older' }).click();
    await page.waitForURL(`${origin}/tags/security/page/2/`);
    assert.equal((await page.locator('.pagination [aria-current]').textContent())?.trim(), 'Page 2');
    assert.deepEqual(await page.locator('.article-list h3 a').allTextContents(), ['Security talks, day 4', 'Security talks, day 3']);

    await page.getByRole('link', { name: 'Security talks, day 4' }).click();
    await page.waitForURL(`${origin}/2026/01/04/story-4/`);
    // The story these days of talks form, from the article's "Also covered by" section.
    await page.getByRole('link', { name: 'All the coverage of this story' }).click();
    await page.waitForURL(/\/stories\/[a-z0-9-]+\/$/);
    assert.match((await page.locator('.meta').first().textContent()) ?? '', /^7 articles from 2 sources/);
    await checkAccessibility('story');
    await screenshot('story');
    await page.goBack();

    await page.locator('.breadcrumbs').getByRole('link', { name: 'January 2026' }).click();
    await page.waitForURL(`${origin}/2026/01/`);
    assert.equal(await page.locator('h1').textContent(), 'January 2026');
    await checkAccessibility('month');

    await page.locator('.article-list').getByRole('link', { name: 'Example World' }).first().click();
    await page.waitForURL(`${origin}/sources/example-world/`);
    assert.equal(await page.locator('h1').textContent(), 'Example World');
    await checkAccessibility('source');
  });

  test('an article its feed changed says so and links to what changed, word by word', async () => {
    await page.goto(`${origin}/2026/01/07/story-7/`);
    assert.match((await page.locator('.byline').textContent()) ?? '', /Updated January 8, 2026/);
    await page.getByRole('link', { name: 'See what changed' }).click();
    await page.waitForURL(`${origin}/2026/01/07/story-7/changes/`);
    assert.equal(await page.title(), 'What changed: Security talks, day 7 · Browser Test Archive');
    assert.match((await page.locator('.change h2').first().textContent()) ?? '', /^Changed January 8, 2026 at 9:30\sAM UTC$/);
    assert.deepEqual(await page.locator('.change-part').allTextContents(), ['Headline', 'Summary', 'Text']);
    // What is struck through is what was removed, and is said so to those who cannot see it.
    const removed = page.locator('.change-text del').first();
    assert.equal(await page.evaluate('getComputedStyle(document.querySelector(".change-text del")).textDecorationLine'), 'line-through');
    assert.equal(await removed.textContent(), '[removed: stall]');
    await checkAccessibility('changes');
    await screenshot('changes');
    await page.getByRole('heading', { level: 1 }).getByRole('link').click();
    await page.waitForURL(`${origin}/2026/01/07/story-7/`);
  });

  test('the overview pages pass axe too', async () => {
    for (const [name, url] of [
      ['archive', '/archive/'],
      ['tags-index', '/tags/'],
      ['sources-index', '/sources/'],
    ] as const) {
      await page.goto(`${origin}${url}`);
      await checkAccessibility(name);
      if (name === 'archive') await screenshot(name);
    }
  });

  test('dark mode follows the reader’s setting and keeps its contrast', async () => {
    await page.emulateMedia({ colorScheme: 'dark' });
    try {
      for (const [name, url] of [
        ['home-dark', '/'],
        ['article-dark', '/2026/01/07/story-7/'],
        ['changes-dark', '/2026/01/07/story-7/changes/'],
      ] as const) {
        await page.goto(`${origin}${url}`);
        const background = await page.evaluate('getComputedStyle(document.body).backgroundColor');
        assert.equal(background, 'rgb(22, 21, 20)', 'the dark palette is used');
        await checkAccessibility(name);
        await screenshot(name);
      }
    } finally {
      await page.emulateMedia({ colorScheme: 'light' });
    }
  });

  test('search finds an article by a word of its text, narrows by tag, and keeps the search in the address', async () => {
    await page.goto(`${origin}/`);
    await page.getByRole('link', { name: 'Search' }).first().click();
    await page.waitForURL(`${origin}/search/`);
    await page.getByLabel('Words to find').focus();
    await page.keyboard.type('avalanche');
    await page.keyboard.press('Enter');
    const results = page.locator('[data-search-results] h2 a');
    await page.getByText('2 articles found for “avalanche”.').waitFor();
    assert.deepEqual(await results.allTextContents(), ['Avalanche closes the mountain pass', 'Ski resorts count the cost of a short season']);
    assert.match((await page.locator('[data-search-results] .excerpt mark').first().textContent()) ?? '', /avalanche/i);
    // The headline is above each excerpt: the excerpt does not start with it again.
    for (const result of await page.locator('[data-search-results] .summary').all()) {
      const headline = (await result.locator('h2').textContent()) ?? '';
      const excerpt = (await result.locator('.excerpt').textContent()) ?? '';
      assert.ok(!excerpt.toLowerCase().startsWith(headline.split(' ').slice(-3).join(' ').toLowerCase()), excerpt);
      assert.ok(!excerpt.toLowerCase().startsWith(headline.toLowerCase()), excerpt);
    }
    assert.equal(new URL(page.url()).searchParams.get('q'), 'avalanche');
    await checkAccessibility('search');
    await screenshot('search');

    // Narrow by a tag, with the keyboard: open the Tag filter and tick "Economy".
    await page.locator('.search-filter summary', { hasText: 'Tag' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('checkbox', { name: /Economy/ }).focus();
    await page.keyboard.press('Space');
    await page.getByText('1 article found for “avalanche”.').waitFor();
    assert.deepEqual(await results.allTextContents(), ['Ski resorts count the cost of a short season']);
    assert.deepEqual(new URL(page.url()).searchParams.getAll('tag'), ['Economy']);

    // The address alone gives the same results, and a result leads to its article.
    await page.goto(`${origin}/search/?q=avalanche&tag=Economy`);
    await page.getByText('1 article found for “avalanche”.').waitFor();
    await results.first().click();
    await page.waitForURL(`${origin}/2025/12/12/ski-resorts/`);
  });

  test('search results can be ordered by date, and come a list page at a time', async () => {
    await page.goto(`${origin}/search/?q=talks&sort=oldest`);
    await page.getByText('7 articles found for “talks”.').waitFor();
    const titles = page.locator('[data-search-results] h2 a');
    // pageSize is 2: two results, then two more each time "Show more results" is pressed.
    assert.deepEqual(await titles.allTextContents(), ['Security talks, day 1', 'Security talks, day 2']);
    for (const shown of [4, 6, 7]) {
      await page.getByRole('button', { name: 'Show more results' }).click();
      await titles.nth(shown - 1).waitFor();
    }
    assert.deepEqual(
      await titles.allTextContents(),
      [1, 2, 3, 4, 5, 6, 7].map((day) => `Security talks, day ${day}`),
    );
    assert.equal(await page.getByRole('button', { name: 'Show more results' }).count(), 0, 'no more to show');
  });

  test('no page broke the Content Security Policy, search included', () => {
    assert.deepEqual(reader.violations, []);
  });

  test('the skip link is the first stop of the keyboard and moves focus to the content', async () => {
    await page.goto(`${origin}/`);
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate('document.activeElement?.textContent'), 'Skip to content');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate('document.activeElement?.id'), 'main');
  });
});
