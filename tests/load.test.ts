import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { DateTime } from 'luxon';
import { formatLongDate, formatMonth } from '../src/dates.ts';
import type { FileStep, LoadedArticle } from '../src/load/checkFile.ts';
import { batchRunner } from '../src/load/fileJobs.ts';
import { checkContent } from '../src/load/loadContent.ts';
import { readArticle } from '../src/load/readArticle.ts';
import { defaultSiteSettings, readingSettingsOf } from '../src/schema/site.ts';
import { article, fixture, tempDir, writeTree } from './helpers.ts';

const seedText = readFileSync(fixture('articles/seed-001.md'), 'utf8');
const good = article({ title: 'Good', date: '2026-01-06' });

/** Loads a content folder written from `files`, with paths shown relative to it. */
function load(files: Record<string, string | Uint8Array>) {
  return checkContent('content', writeTree(files));
}

const codes = (result: Awaited<ReturnType<typeof load>>) => result.problems.map((p) => `${p.file} ${p.code}`);

describe('the seed article', () => {
  test('loads to the exact record', () => {
    const { article: loaded, problems } = readArticle('content/2026/01/seed.md', seedText, defaultSiteSettings);
    assert.deepEqual(problems, []);
    assert.ok(loaded);
    const { body, ...record } = loaded;
    assert.deepEqual(record, {
      file: 'content/2026/01/seed.md',
      title: "NATO ambassador says Ukraine peace deal could be 'on the cusp' as nations near finalization of security pact",
      date: { iso: '2026-01-06T00:00:00.000Z', epochMs: Date.UTC(2026, 0, 6), year: '2026', month: '01', day: '06' },
      description:
        'Ukraine security talks may see breakthrough as U.S. NATO ambassador says 50-nation coalition nears agreement on comprehensive framework for peace deal and security guarantees.',
      summary:
        'Ukraine security talks may see breakthrough as U.S. NATO ambassador says 50-nation coalition nears agreement on comprehensive framework for peace deal and security guarantees.',
      oldUrls: [],
      slug: 'nato-ambassador-says-ukraine-peace-deal-could-be-on-the-cusp-as-nations-near-finalization-of-security-pact',
      url: '/2026/01/06/nato-ambassador-says-ukraine-peace-deal-could-be-on-the-cusp-as-nations-near-finalization-of-security-pact/',
      image: undefined,
      link: 'https://www.foxnews.com/media/nato-ambassador-says-ukraine-peace-deal-could-on-cusp-nations-near-finalization-security-pact',
      source: 'https://feeds.foxnews.com/foxnews/latest',
      categories: ['feeds.foxnews.com'],
      tags: ['finalization', 'ambassador', 'security', 'ukraine', 'nations'],
      authors: [],
      draft: false,
      format: 'html',
      extra: {},
    });
    assert.ok(body.startsWith('<p>Negotiations over <a href="https://www.foxnews.com/category/world/conflicts/ukraine"'));
    assert.ok(body.trimEnd().endsWith('is what ensures peace through strength," Whitaker said.</p>'));
  });

  test('loads the same with a UTF-8 BOM and CRLF line endings', async () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(seedText.replace(/\n/g, '\r\n'))]);
    const result = await load({ 'content/seed.md': bytes });
    assert.deepEqual(result.problems, []);
    const reference = readArticle('content/seed.md', seedText, defaultSiteSettings, 'seed.md').article;
    assert.ok(reference);
    const [loaded] = result.articles;
    assert.deepEqual({ ...loaded, body: loaded?.body.replace(/\r\n/g, '\n') }, reference);
  });
});

describe('front matter is data, never code', () => {
  for (const opener of ['---js', '---javascript', '---JS', '---Javascript', '---coffee']) {
    test(`${opener} front matter is refused without running`, () => {
      const marker = `__newsArchivePwned_${opener.replace(/\W/g, '')}`;
      const text = `${opener}\n{ title: (globalThis.${marker} = true, "x"), date: "2026-01-06" }\n---\nbody\n`;
      const result = readArticle('content/evil.md', text, defaultSiteSettings);
      assert.equal((globalThis as Record<string, unknown>)[marker], undefined, 'the front matter code must not run');
      assert.equal(result.article, undefined);
      assert.equal(result.problems[0]?.code, 'front-matter-language');
      assert.match(result.problems[0]?.message ?? '', /is refused: expected YAML, TOML or JSON/);
    });
  }

  test('---json front matter is read as JSON, so code in it is a syntax error, not run', () => {
    const marker = '__newsArchivePwned_json';
    const evil = readArticle('content/evil.md', `---json\n{ "title": (globalThis.${marker} = true, "x") }\n---\nbody\n`, defaultSiteSettings);
    assert.equal((globalThis as Record<string, unknown>)[marker], undefined);
    assert.equal(evil.problems[0]?.code, 'json-syntax');
    const good = readArticle('content/good.md', '---json\n{ "title": "From JSON", "date": "2026-01-06" }\n---\nbody\n', defaultSiteSettings);
    assert.equal(good.article?.title, 'From JSON');
  });

  test('YAML tags that would build objects are refused', () => {
    const result = readArticle('content/a.md', '---\ntitle: !!js/function "function () { return 1 }"\ndate: 2026-01-06\n---\n', defaultSiteSettings);
    assert.equal(result.problems[0]?.code, 'yaml-tag');
    assert.equal(result.problems[0]?.line, 2);
  });

  test('__proto__ and merge keys do not pollute prototypes', () => {
    const text = '---\ntitle: x\ndate: 2026-01-06\n__proto__:\n  polluted: true\nbase: &b {polluted: true}\nother:\n  <<: *b\n---\nText.\n';
    const result = readArticle('content/a.md', text, defaultSiteSettings);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    assert.ok(result.article);
    assert.deepEqual(
      result.problems.map((p) => p.field),
      ['__proto__', 'base', 'other'],
    );
  });

  test('an alias bomb is stopped', () => {
    const levels = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 8; i++)
      levels.push(
        `${'abcdefgh'[i]}: &${'abcdefgh'[i]} [${Array(9)
          .fill(`*${'abcdefgh'[i - 1]}`)
          .join(',')}]`,
      );
    const result = readArticle('content/a.md', `---\ntitle: x\ndate: 2026-01-06\n${levels.join('\n')}\n---\n`, defaultSiteSettings);
    assert.equal(result.article, undefined);
    assert.match(result.problems[0]?.message ?? '', /could not be expanded/);
  });
});

describe('broken files are named, with the line where known', () => {
  const cases: [string, string | Uint8Array, string, number | undefined][] = [
    ['empty', '', 'empty-file', undefined],
    ['only spaces', '  \n\n', 'empty-file', undefined],
    ['binary', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]), 'invalid-encoding', undefined],
    ['no front matter', '# Just markdown\n', 'missing-front-matter', 1],
    ['unclosed front matter', '---\ntitle: x\ndate: 2026-01-06\n\nbody', 'unclosed-front-matter', 1],
    ['YAML syntax error', '---\ntitle: x\ndate: [2026\n---\n', 'yaml-syntax', undefined],
    ['duplicate keys', '---\ntitle: x\ndate: 2026-01-06\ntitle: y\n---\n', 'yaml-syntax', 4],
    ['a list instead of fields', '---\n- a\n- b\n---\n', 'yaml-syntax', 1],
  ];
  for (const [name, data, code, line] of cases) {
    test(name, async () => {
      const result = await load({ 'content/bad.md': data, 'content/good.md': good });
      assert.deepEqual(
        result.articles.map((a) => a.file),
        ['content/good.md'],
        'the good article still loads',
      );
      const problem = result.problems[0];
      assert.equal(problem?.file, 'content/bad.md');
      assert.equal(problem?.code, code);
      if (line !== undefined) assert.equal(problem?.line, line);
    });
  }
});

describe('a file of an old archive, not UTF-8', () => {
  test('is read as Windows-1252, with a warning naming the line and showing how it reads', async () => {
    const bytes = Buffer.from('---\ntitle: Caf\xe9 society\ndate: 2020-01-02\n---\nThe caf\xe9 re\x92opened \x93today\x94.\n', 'latin1');
    const result = await load({ 'content/old.md': bytes, 'content/good.md': good });
    assert.deepEqual(
      result.problems.map((p) => [p.file, p.code, p.line, p.message]),
      [['content/old.md', 'legacy-encoding', 2, 'is not valid UTF-8: read as Windows-1252, where this line reads "title: Café society"']],
    );
    assert.deepEqual(result.articles.map((a) => a.file).sort(), ['content/good.md', 'content/old.md']);
  });
});

describe('the content folder', () => {
  test('every problem of every file is reported at once', async () => {
    const result = await load({
      'content/a.md': article({ date: '2026-13-45', link: 'javascript:alert(1)' }),
      'content/b.md': '---js\n{}\n---\n',
      'content/c/d.md': article({ title: 'x', date: '2026-01-06', tittle: 'typo' }),
      'content/ok.md': good,
    });
    assert.deepEqual(codes(result), [
      'content/a.md invalid-field',
      'content/a.md invalid-field',
      'content/a.md invalid-field',
      'content/b.md front-matter-language',
      'content/c/d.md unknown-field',
    ]);
    assert.deepEqual(
      result.problems.slice(0, 3).map((p) => p.field),
      ['title', 'date', 'link'],
    );
    assert.deepEqual(
      result.articles.map((a) => a.file),
      ['content/c/d.md', 'content/ok.md'],
    );
  });

  test('.md, .markdown and .html files are read; files and folders starting with _ or . are skipped, and said when they hold articles', async () => {
    const result = await load({
      'content/_includes/x.md': 'not an article',
      'content/_layouts/post.html': '---\nlayout: default\n---\n<article>{{ content }}</article>',
      'content/.git/y.md': 'not an article',
      'content/_partial.md': 'not an article',
      'content/_notes/2026-01-02-kept-aside.md': article({ title: 'Kept aside', date: '2026-01-02' }),
      'content/_index.md': '+++\ntitle = "Section"\n+++\n',
      'content/notes.txt': 'not an article',
      'content/2026/ok.md': good,
      'content/2026/jekyll.markdown': article({ title: 'Jekyll', date: '2026-01-03' }),
      'content/2026/page.html': article({ title: 'HTML', date: '2026-01-04' }, '<p>An HTML article.</p>'),
      'content/google1234.html': 'google-site-verification: google1234.html',
    });
    assert.deepEqual(
      result.problems.map((p) => [p.file, p.code, p.message]),
      [
        ['content/_index.md', 'skipped-file', 'is the page of its section (Hugo’s and Zola’s _index.md), not a post: it is not read'],
        ['content/_notes', 'skipped-file', 'is skipped, as its name starts with "_": the article in it is not read'],
        ['content/google1234.html', 'skipped-file', 'is an HTML file without front matter, so not an article: it is not read'],
      ],
    );
    assert.equal(result.fileCount, 4);
    assert.deepEqual(result.articles.map((a) => a.url).sort(), ['/2026/01/03/jekyll/', '/2026/01/04/page/', '/2026/01/06/ok/']);
  });

  test('Markdown under every name Jekyll and Hugo read it by is read; formats that are not read are said, unless rendered beside', async () => {
    const result = await load({
      'content/2026/hugo.mdown': article({ title: 'Hugo', date: '2026-01-03' }, 'A *Hugo* post.'),
      'content/_posts/2026-01-04-jekyll.mkdn': '---\ntitle: Jekyll\n---\nA [Jekyll](https://jekyllrb.com/) post.',
      'content/2026/notes.mkd': article({ title: 'Notes', date: '2026-01-05' }),
      'content/2026/manual.adoc': '---\ntitle: Manual\n---\n= Manual\n\nWords.',
      'content/2026/diary.org': '#+TITLE: Diary\n#+DATE: 2026-01-06\n\nWords.',
      // blogdown: the R Markdown source, and the HTML it renders, which is read.
      'content/2026/analysis.Rmd': '---\ntitle: Analysis\n---\n```{r}\n1 + 1\n```',
      'content/2026/analysis.html': article({ title: 'Analysis', date: '2026-01-07' }, '<p>Rendered.</p>'),
    });
    assert.deepEqual(
      result.problems.map((p) => [p.file, p.code, p.message]),
      [
        ['content/2026/diary.org', 'skipped-file', 'is skipped, as it is written in Org, which is not read (Markdown and HTML are): its article is not built'],
        [
          'content/2026/manual.adoc',
          'skipped-file',
          'is skipped, as it is written in AsciiDoc, which is not read (Markdown and HTML are): its article is not built',
        ],
      ],
    );
    assert.deepEqual(result.articles.map((a) => a.url).sort(), ['/2026/01/03/hugo/', '/2026/01/04/jekyll/', '/2026/01/05/notes/', '/2026/01/07/analysis/']);
  });

  test("Jekyll's _posts are posts and its _drafts drafts", async () => {
    const result = await load({
      'content/_posts/2015-03-17-first-post.md': '---\ntitle: First post\n---\nHello.',
      'content/_drafts/work-in-progress.md': article({ title: 'Work in progress', date: '2015-04-01' }),
    });
    assert.deepEqual(result.problems, []);
    assert.deepEqual(
      result.articles.map((a) => [a.url, a.draft]),
      [
        ['/2015/04/01/work-in-progress/', true],
        ['/2015/03/17/first-post/', false],
      ],
    );
  });

  test('two articles with one URL are a problem naming both files', async () => {
    const result = await load({
      'content/a/same-title.md': article({ title: 'Same title', date: '2026-01-06' }),
      'content/b/same-title.md': article({ title: 'Same  Title!', date: '2026-01-06T10:00:00Z' }),
      'content/c/same-title.md': article({ title: 'Same title', date: '2026-01-07' }),
    });
    assert.equal(result.problems.length, 1);
    const [problem] = result.problems;
    assert.equal(problem?.code, 'duplicate-url');
    assert.equal(problem?.file, 'content/b/same-title.md');
    assert.match(problem?.message ?? '', /\/2026\/01\/06\/same-title\/.*content\/a\/same-title\.md/);
    assert.deepEqual(
      result.articles.map((a) => a.file),
      ['content/a/same-title.md', 'content/c/same-title.md'],
    );
  });

  test('a link to a file outside the content folder is not followed', async () => {
    const root = tempDir();
    writeFileSync(path.join(root, 'secret.md'), good);
    mkdirSync(path.join(root, 'content'));
    symlinkSync(path.join(root, 'secret.md'), path.join(root, 'content', 'linked.md'));
    const result = await checkContent('content', root);
    assert.deepEqual(result.articles, []);
    assert.equal(result.problems[0]?.file, 'content/linked.md');
    assert.match(result.problems[0]?.message ?? '', /outside the content folder/);
  });
});

describe('dates land on the site calendar', () => {
  test('a date without time stays that day in any site time zone', async () => {
    for (const timezone of ['UTC', 'America/Los_Angeles', 'Asia/Tokyo', 'Pacific/Kiritimati']) {
      const result = await load({ 'content/site.yaml': `timezone: ${timezone}\n`, 'content/a.md': article({ title: 'x', date: '2026-01-06' }) });
      assert.equal(result.articles[0]?.url, '/2026/01/06/a/', timezone);
    }
  });
  test('an instant lands on its day in the site time zone, UTC by default', async () => {
    const text = article({ title: 'x', date: '2025-12-31T23:30:00-05:00' });
    assert.equal((await load({ 'content/a.md': text })).articles[0]?.url, '/2026/01/01/a/');
    assert.equal((await load({ 'content/site.yaml': 'timezone: America/New_York\n', 'content/a.md': text })).articles[0]?.url, '/2025/12/31/a/');
  });
  test('an RSS date is read by its date even when its day of the week is wrong, as feeds sometimes write it', async () => {
    // 6 January 2026 is a Tuesday.
    for (const date of ['"Tue, 06 Jan 2026 06:00:00 GMT"', '"Mon, 06 Jan 2026 06:00:00 GMT"', '"06 Jan 2026 06:00:00 +0000"']) {
      const result = await load({ 'content/a.md': article({ title: 'x', date }) });
      assert.equal(result.articles[0]?.date.iso, '2026-01-06T06:00:00.000Z', date);
    }
    assert.equal((await load({ 'content/a.md': article({ title: 'x', date: '"Mon, 32 Jan 2026 06:00:00 GMT"' }) })).articles.length, 0, 'no such day');
  });
});

describe('dates are said in the site language, on the day they are written', () => {
  test('a day and a month, in English and French, whatever the offset of the instant', () => {
    for (const iso of [
      '2026-01-06',
      '2026-01-06T00:00:00.000+00:00',
      '2026-01-06T23:59:00.000-11:00',
      '2026-01-06T00:30:00.000+14:00',
      '2026-01-06T08:00:00.000+05:30',
    ]) {
      assert.equal(formatLongDate(iso, 'en'), 'January 6, 2026', iso);
      assert.equal(formatLongDate(iso, 'fr'), '6 janvier 2026', iso);
    }
    assert.equal(formatMonth('2026', '01', 'en'), 'January 2026');
    assert.equal(formatMonth('0099', '12', 'de'), 'Dezember 99', 'a year below 100 is not read as 1999');
  });
  // luxon through Intl's format(), which writes U+202F as a space, as browsers do.
  test('in every script, as luxon says the same day', () => {
    const locales = ['en-GB', 'de', 'es', 'ar', 'he', 'ja', 'zh-Hant', 'ru', 'hi', 'fa', 'th'];
    for (const locale of locales) {
      for (const day of ['1999-12-31', '2024-02-29', '2026-07-04']) {
        const luxon = DateTime.fromISO(`${day}T12:00:00+03:00`, { setZone: true }).setLocale(locale);
        assert.equal(formatLongDate(`${day}T12:00:00.000+03:00`, locale), luxon.toLocaleString(DateTime.DATE_FULL), `${locale} ${day}`);
        const first = DateTime.fromISO(`${day.slice(0, 8)}01T12:00:00+03:00`, { setZone: true }).setLocale(locale);
        assert.equal(formatMonth(day.slice(0, 4), day.slice(5, 7), locale), first.toLocaleString({ month: 'long', year: 'numeric' }), `${locale} ${day}`);
      }
    }
  });
});

describe('site.yaml', () => {
  test('a missing file means defaults', async () => {
    const result = await load({ 'content/a.md': good });
    assert.equal(result.site.title, 'News archive');
    assert.equal(result.site.pageSize, 20);
    assert.equal(result.site.timezone, 'UTC');
  });
  test('bad values are problems with their line, and the rest still applies', async () => {
    const result = await load({
      'content/site.yaml': 'title: My Archive\ntimezone: Mars/Olympus\npageSize: 0\nbaseurl: https://x.org\n',
      'content/a.md': good,
    });
    assert.equal(result.site.title, 'My Archive');
    assert.equal(result.site.timezone, 'UTC');
    const summary = result.problems.map((p) => `${p.line} ${p.field} ${p.code}`);
    assert.deepEqual(summary, ['2 timezone invalid-site-settings', '3 pageSize invalid-site-settings', '4 baseurl unknown-field']);
    assert.match(result.problems[2]?.message ?? '', /did you mean "baseUrl"/);
  });
});

describe('site.yaml sources', () => {
  test('display names are found whatever the spelling of the feed URL', async () => {
    const result = await load({ 'content/site.yaml': 'sources:\n  HTTPS://Feeds.Example.com: Example News\n', 'content/a.md': good });
    assert.deepEqual(result.site.sources, { 'https://feeds.example.com/': { name: 'Example News', follow: false, tags: [] } });
  });
});

describe('dates in file names, as Jekyll and Eleventy write them', () => {
  const jekyll = '---\nlayout: post\ntitle: Annual Journal Pays Tribute\nauthor: Barbara McKenna\n---\nBody.\n';

  test('2026-01-06-some-slug.md without a date is dated and named by its file name', () => {
    const { article: loaded } = readArticle('content/_posts/1998-04-06-farm-tours.md', jekyll, defaultSiteSettings);
    assert.equal(loaded?.url, '/1998/04/06/farm-tours/');
    assert.deepEqual(loaded?.authors, ['Barbara McKenna']);
  });

  test("the folders above a Jekyll post's _posts are its first categories, and in the address it had", () => {
    const text = '---\ntitle: Harbour\ncategories: [ports]\n---\nBody.';
    const { article: loaded } = readArticle('content/news/_posts/2020-01-02-harbour.md', text, defaultSiteSettings, 'news/_posts/2020-01-02-harbour.md');
    assert.deepEqual(loaded?.categories, ['news', 'ports']);
    assert.deepEqual(loaded?.oldUrls, ['/news/ports/2020/01/02/harbour.html']);
    // Folders below _posts are only where the file is, as in Jekyll 3 and later.
    const below = readArticle(
      'content/_posts/sport/2020-01-03-match.md',
      '---\ntitle: Match\n---\nBody.',
      defaultSiteSettings,
      '_posts/sport/2020-01-03-match.md',
    );
    assert.deepEqual([below.article?.categories, below.article?.oldUrls], [[], ['/2020/01/03/match.html']]);
  });

  test("a post of another generator without a title is titled with its name's words, as Jekyll titles it, and said; our own files still need one", () => {
    const jekyllPost = readArticle('content/_posts/2015-03-17-welcome-to-jekyll.md', '---\nlayout: post\n---\nHi.', defaultSiteSettings);
    assert.equal(jekyllPost.article?.title, 'Welcome To Jekyll');
    assert.deepEqual(
      jekyllPost.problems.map((p) => [p.code, p.field, p.message]),
      [['title-from-name', 'title', 'is not given: the post is titled "Welcome To Jekyll", from its file name']],
    );
    const bundle = readArticle('content/posts/harbour-news/index.md', '+++\ndate = 2024-01-01\n+++\nHi.', defaultSiteSettings, 'posts/harbour-news/index.md');
    assert.equal(bundle.article?.title, 'Harbour News');
    const ours = readArticle('content/a.md', '---\ndate: 2024-01-01\n---\nHi.', defaultSiteSettings);
    assert.deepEqual(
      ours.problems.map((p) => [p.code, p.field]),
      [['invalid-field', 'title']],
    );
  });

  test('in a Jekyll post, terms in one string are lists (by spaces, or by commas when it has them); a name is one name', () => {
    const text = '---\ntitle: A\ntags: harbour strike\ncategories: "News, Local news"\nauthors: Barbara McKenna\n---\nHi.';
    const { article: loaded } = readArticle('content/_posts/2020-01-02-a.md', text, defaultSiteSettings);
    assert.deepEqual([loaded?.tags, loaded?.categories, loaded?.authors], [['harbour', 'strike'], ['News', 'Local news'], ['Barbara McKenna']]);
  });

  test("an undated file of another generator is a page at the top of the folder or with a page's keys; among posts it is a post without its date", () => {
    const toml = (extra = '') => `+++\ntitle = "X"\n${extra}+++\nWords.`;
    const codes = (inContent: string, text: string) => readArticle(`content/${inContent}`, text, defaultSiteSettings, inContent).problems.map((p) => p.code);
    assert.deepEqual(codes('about.md', toml()), ['skipped-file']);
    assert.deepEqual(codes('about/index.md', toml()), ['skipped-file']);
    assert.deepEqual(codes('docs/setup.md', toml('menu = "main"\n')), ['skipped-file']);
    assert.deepEqual(codes('posts/harbour.md', toml('tags = ["ports"]\n')), ['invalid-field']);
  });

  test("Eleventy's dates of the file itself are refused with why, and what to write", () => {
    const { problems } = readArticle('content/posts/a.md', '---\ntitle: A\ndate: git Last Modified\n---\nHi.', defaultSiteSettings);
    assert.match(
      problems.map((p) => `${p.field}: ${p.message}`).join('\n'),
      /^date: expected a date .*; "git Last Modified" is Eleventy's date of the file itself/,
    );
  });

  test('front matter wins over the file name', () => {
    const text = '---\ntitle: T\ndate: 2026-02-01\nslug: own\n---\n';
    assert.equal(readArticle('content/1998-04-06-farm-tours.md', text, defaultSiteSettings).article?.url, '/2026/02/01/own/');
  });

  test('a file name that is not a real date gives the usual problem, which says what the name begins with', () => {
    const { article: loaded, problems } = readArticle('content/198-04-06-farm-tours.md', jekyll, defaultSiteSettings);
    assert.equal(loaded, undefined);
    assert.match(
      problems.map((p) => `${p.field}: ${p.message}`).join('\n'),
      /date: is required.*; the file's name begins with "198-04-06", which is not a date/,
    );
    assert.match(
      readArticle('content/1999-02-30-x.md', jekyll, defaultSiteSettings)
        .problems.map((p) => p.message)
        .join('\n'),
      /expected a date/,
    );
  });
});

test('a value holding ": " is read as the whole text after its key, with a warning that shows the quoted value to write', () => {
  const result = readArticle('content/a.md', '---\ntitle: Breaking: floods close the pass\ndate: 2026-01-06\n---\nText.\n', defaultSiteSettings);
  assert.equal(result.article?.title, 'Breaking: floods close the pass');
  assert.deepEqual(
    result.problems.map((p) => `${p.line} ${p.code} ${p.field}: ${p.message}`),
    [
      '2 unquoted-value title: the value of title holds ": ", which YAML does not read: read as the whole text after the key, as if written title: "Breaking: floods close the pass"',
    ],
  );
});

test('a file the tool itself fails on is that file’s error, and the files after it are read', () => {
  // A step with a bug that one file meets, as deep nesting and long lists met the real one's: it stopped the build.
  const failingOnOne: FileStep<LoadedArticle> = {
    name: 'failing-on-one',
    module: new URL(import.meta.url),
    run: (file) => {
      if (file.endsWith('deep.md')) throw new RangeError('Maximum call stack size exceeded');
      return { problems: [] };
    },
  };
  const bytes = new Uint8Array();
  const { results } = batchRunner(
    failingOnOne,
    readingSettingsOf(defaultSiteSettings),
    undefined,
  )([
    { file: 'content/deep.md', inContent: 'deep.md', bytes },
    { file: 'content/fine.md', inContent: 'fine.md', bytes },
  ]);
  assert.deepEqual(
    results.map((result) => result.problems.map((p) => `${p.file} ${p.code} ${p.severity}`)),
    [['content/deep.md failed-file error'], []],
  );
  assert.match(results[0]!.problems[0]!.message, /Maximum call stack size exceeded/);
});

test('front matter with a list of 200,000 values gives its problems, instead of overflowing the stack and stopping the build', () => {
  const many = Array.from({ length: 200_000 }, (_, i) => `"/:year/${i}/"`).join(', ');
  const patterns = readArticle('content/a.md', `---\ntitle: x\ndate: 2026-01-06\naliases: [${many}]\n---\nText.\n`, defaultSiteSettings);
  assert.ok(patterns.article);
  assert.equal(patterns.problems.filter((p) => p.code === 'unkept-address').length, 200_000);
  // Read leniently (a quoted value over two lines), its values are counted one by one.
  const numbers = Array.from({ length: 200_000 }, () => '1').join(', ');
  const lenient = readArticle('content/b.md', `---\ntitle: "x\ny"\ndate: 2026-01-06\nextra: [${numbers}]\n---\nText.\n`, defaultSiteSettings);
  assert.equal(lenient.article, undefined);
  assert.equal(lenient.problems[0]?.code, 'yaml-syntax');
});

test('a value that opens with a quoted part and goes on is read whole, as in a real Jekyll archive', () => {
  // As in a post of UCSC's news archive (1998): the title quotes a documentary's name, then goes on.
  const result = readArticle(
    'content/a.md',
    '---\ntitle: "Aroma Of Enchantment" To Air On Community Television\ndate: 1998-03-09\n---\nText.\n',
    defaultSiteSettings,
  );
  assert.equal(result.article?.title, '"Aroma Of Enchantment" To Air On Community Television');
  assert.deepEqual(
    result.problems.map((p) => p.code),
    ['unquoted-value'],
  );
});

test('a value holding ": " in a document broken elsewhere too is explained, with the quoted value to write', () => {
  const result = readArticle('content/a.md', '---\ntitle: Colon: in a title\ndate: [2026\n---\nText.\n', defaultSiteSettings);
  assert.equal(result.article, undefined);
  assert.equal(
    result.problems[0]!.message,
    'the value of title holds ": ", which YAML reads as the start of another key: quote the whole value, like title: "Colon: in a title"',
  );
});
