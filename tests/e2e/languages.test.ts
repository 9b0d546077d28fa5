/**
 * An Arabic archive in Chromium: the pages speak Arabic, read right to left
 * with a mirrored layout, pass axe, and the search page's script writes its
 * counts in Arabic. With a logo and an accent colour of its own;
 * screenshots at 375 and 1280 px in test-results/screenshots/ (arabic-*).
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { article, runCli, writeTree } from '../helpers.ts';
import { openReader, type Reader } from '../support/reader.ts';

const logo =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><circle cx="16" cy="16" r="15" fill="#0b6e4f"/><path d="M9 20h14M16 8v12" stroke="#fff" stroke-width="3"/></svg>';

function content(): Record<string, string> {
  const files: Record<string, string> = {
    'content/site.yaml': [
      'title: أرشيف الميناء',
      'description: أخبار المدينة والميناء، محفوظة ومرتبطة بمصادرها.',
      'language: ar',
      'logo: logo.svg',
      'accentColor: "#0b6e4f"',
      'pageSize: 2',
      'sources:',
      '  https://feeds.example.com/port: صحيفة الميناء',
    ].join('\n'),
    'content/logo.svg': logo,
  };
  const days = ['افتتاح الرصيف القديم بعد الترميم', 'السفن تعود إلى الرصيف', 'المجلس يناقش ميزانية الميناء'];
  days.forEach((title, index) => {
    const day = index + 1;
    files[`content/2026/01/port-${day}.md`] = article(
      {
        title,
        date: `2026-01-0${day}T09:00:00Z`,
        description: `ما جرى في الميناء في اليوم ${day}.`,
        link: `https://port.example/2026/01/0${day}/`,
        source: 'https://feeds.example.com/port',
        tags: '[الميناء, المدينة]',
        author: 'سارة خليل',
      },
      `<p>افتتح الرصيف القديم في الميناء من جديد بعد عامين من أعمال الترميم في اليوم ${day}.</p><p>وقال المسؤولون إن السفن ستعود تدريجيًا.</p>`,
    );
  });
  // An English article on the Arabic site: its own language and direction.
  files['content/2026/01/port-english.md'] = article(
    { title: 'Old quay reopens after repairs', date: '2026-01-02T12:00:00Z', slug: 'port-english', lang: 'en' },
    '<p>The old quay of the port reopened after two years of repairs.</p>',
  );
  return files;
}

describe('a reader of an Arabic archive in Chromium', () => {
  let reader: Reader;
  let page: Page;
  let origin = '';

  before(async () => {
    const cwd = writeTree(content());
    const run = await runCli(['build', '--base-url', 'https://port.example.org/'], { cwd });
    assert.equal(run.code, 0, run.stderr);
    reader = await openReader(path.join(cwd, '_site'));
    ({ page, origin } = reader);
  });

  after(async () => {
    await reader?.close();
  });

  test('the home page is Arabic, right to left, with the logo and the accent colour, and passes axe', async () => {
    await page.goto(`${origin}/`);
    assert.equal(await page.getAttribute('html', 'lang'), 'ar');
    assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
    assert.equal(await page.locator('h1').textContent(), 'آخر الأخبار');
    // Evaluated in the page, as text: this file is type-checked for Node, without the DOM's types.
    assert.equal(await page.evaluate('document.querySelector("img.site-logo").naturalWidth > 0'), true, 'the logo loads');
    const accent = await page.evaluate('getComputedStyle(document.querySelector(".list-heading")).color');
    assert.equal(accent, 'rgb(11, 110, 79)');
    await reader.checkAccessibility('arabic-home');
    await reader.screenshot('arabic-home');
  });

  test('an article page reads right to left: older on the right, newer on the left; an English article keeps its own direction', async () => {
    await page.goto(`${origin}/2026/01/02/port-2/`);
    assert.match((await page.locator('.byline').textContent()) ?? '', /بقلم سارة خليل/);
    const older = await page.locator('.prev-next .older').boundingBox();
    const newer = await page.locator('.prev-next .newer').boundingBox();
    assert.ok(older && newer && older.x > newer.x, 'the older article is on the right, where an Arabic reader starts');
    await reader.checkAccessibility('arabic-article');
    await reader.screenshot('arabic-article');

    await page.goto(`${origin}/2026/01/02/port-english-en/`);
    assert.equal(await page.getAttribute('h1', 'lang'), 'en');
    assert.equal(await page.getAttribute('h1', 'dir'), 'ltr');
    assert.equal(await page.evaluate('getComputedStyle(document.querySelector("h1")).direction'), 'ltr');
    await reader.checkAccessibility('arabic-article-in-english');
  });

  test('search speaks Arabic: its labels, its filters and its count', async () => {
    await page.goto(`${origin}/search/?q=${encodeURIComponent('الرصيف')}`);
    await page.getByText('عُثر على 3 مقالات عن «الرصيف».').waitFor();
    assert.equal(await page.locator('.search-filter summary').first().textContent(), 'الوسم');
    assert.equal(await page.getByLabel('كلمات البحث').inputValue(), 'الرصيف');
    await reader.checkAccessibility('arabic-search');
    await reader.screenshot('arabic-search');
  });

  test('the overview pages pass axe in Arabic too, and nothing broke the Content Security Policy', async () => {
    for (const url of ['/archive/', '/tags/', '/sources/', '/2026/01/']) {
      await page.goto(`${origin}${url}`);
      await reader.checkAccessibility(`arabic ${url}`);
    }
    assert.deepEqual(reader.violations, []);
  });
});
