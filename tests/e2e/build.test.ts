/** The build as a user runs it: the command's report, content with errors, and builds that give the same bytes on any machine. */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { settledAfterMs } from '../../src/cache/folderStamp.ts';
import { describe, test } from 'node:test';
import { article, fixture, projectRoot, runBin, runCli, writeTree } from '../helpers.ts';

const seed = readFileSync(fixture('articles/seed-001.md'), 'utf8');
const seedUrl = '2026/01/06/nato-ambassador-says-ukraine-peace-deal-could-be-on-the-cusp-as-nations-near-finalization-of-security-pact/';

const isArticleUrl = (url: string): boolean => /^\/\d{4}\/\d{2}\/\d{2}\/[^/]+\/$/.test(url);

/** Every HTML file in a built site, as URL paths (`/`, `/2026/01/06/x/`). */
function builtPages(site: string): string[] {
  return readdirSync(site, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('index.html'))
    .map((file) => `/${path.dirname(file).split(path.sep).join('/')}/`.replace(/^\/\.\/$/, '/'))
    .sort();
}

describe('build: the command', async () => {
  const cwd = writeTree({
    'content/2026/01/seed.md': seed,
    'content/2026/01/draft.md': article({ title: 'Secret draft', date: '2026-01-07', draft: 'true' }),
    'content/2026/01/older.md': article({ title: 'Older story', date: '2026-01-01' }),
  });
  const site = path.join(cwd, '_site');
  const run = await runCli(['build'], { cwd });

  test('builds, saying what it built', () => {
    assert.equal(run.code, 0, run.stderr);
    // The pages it says it wrote are those on disk: every folder's index.html, and 404.html.
    const htmlFiles = builtPages(site).length + 1;
    // The seed names its feed: /sources.opml lists it, with robots.txt the other files.
    assert.match(
      run.stderr,
      new RegExp(`^Built 2 of 3 article files into _site/ in [\\d.]+ s: ${htmlFiles} pages, 2 other files \\(sources\\.opml, robots\\.txt\\), 2 pages in the search index$`, 'm'),
    );
    assert.ok(existsSync(path.join(site, 'sources.opml')));
    assert.ok(existsSync(path.join(site, seedUrl, 'index.html')));
    assert.deepEqual(builtPages(site).filter(isArticleUrl), ['/2026/01/01/older/', `/${seedUrl}`]);
  });

  test('the site holds its pages and the stylesheet and script they use, and none of the tool’s own files', () => {
    assert.deepEqual(readdirSync(path.join(site, 'assets')).sort(), ['favicon.svg', 'search.js', 'style.css']);
  });

  test('without a base URL, it says why there are no feeds and no sitemap', () => {
    assert.match(run.stderr, /no feeds and no sitemap were written, as they need absolute URLs: set baseUrl in site\.yaml or pass --base-url/);
    assert.ok(!existsSync(path.join(site, 'feed.xml')));
  });
});

describe('build: invalid content', async () => {
  const files = {
    'content/good.md': article({ title: 'Good', date: '2026-01-06' }),
    'content/bad.md': article({ title: 'Bad', date: '2026-13-45' }),
  };

  test('fails with the same report as check, and writes nothing', async () => {
    const cwd = writeTree(files);
    const build = await runCli(['build'], { cwd });
    const check = await runCli(['check'], { cwd });
    assert.equal(build.code, 1);
    assert.ok(build.stderr.startsWith(check.stdout.split('\n')[0] ?? 'missing'), build.stderr);
    assert.match(build.stderr, /nothing was built/);
    assert.equal(existsSync(path.join(cwd, '_site')), false);
  });

  test('--skip-invalid builds the rest and still prints the problems', async () => {
    const cwd = writeTree(files);
    const run = await runCli(['build', '--skip-invalid'], { cwd });
    assert.equal(run.code, 0);
    assert.match(run.stderr, /content\/bad\.md:3: date: expected a date/);
    assert.ok(existsSync(path.join(cwd, '_site/2026/01/06/good/index.html')));
    assert.deepEqual(builtPages(path.join(cwd, '_site')).filter(isArticleUrl), ['/2026/01/06/good/']);
  });

  test('a content folder whose articles are all skipped (a format not read, a folder starting with _) is no empty success', async () => {
    const cwd = writeTree({
      'content/posts/launch.adoc': '---\ntitle: Launch\ndate: 2026-01-06\n---\n= Launch\n\nWords.',
      'content/_archive/2026-01-05-older.md': article({ title: 'Older', date: '2026-01-05' }),
    });
    const run = await runCli(['build'], { cwd });
    assert.equal(run.code, 1, run.stderr);
    assert.match(run.stderr, /content\/posts\/launch\.adoc: warning: is skipped, as it is written in AsciiDoc/);
    assert.match(run.stderr, /nothing was built, as no file of the content folder is read/);
    assert.equal(existsSync(path.join(cwd, '_site')), false);
  });
});

describe('build: dates do not depend on the machine', async () => {
  const files = {
    'content/plain-date.md': article({ title: 'Plain date', date: '2026-01-06' }),
    'content/new-year.md': article({ title: 'New year', date: '2025-12-31T23:30:00-05:00' }),
  };
  const builds = await Promise.all(
    ['America/Los_Angeles', 'Asia/Tokyo'].map(async (tz) => {
      const cwd = writeTree(files);
      const run = await runBin(['build'], { cwd, env: { TZ: tz, LANG: tz === 'Asia/Tokyo' ? 'ja_JP.UTF-8' : 'en_US.UTF-8' } });
      return { tz, cwd, run };
    }),
  );
  for (const { tz, cwd, run } of builds) {
    test(`TZ=${tz}: a plain date is that day, an instant is on its UTC day`, () => {
      assert.equal(run.code, 0, run.stderr);
      const dated = builtPages(path.join(cwd, '_site')).filter((url) => url.startsWith('/202'));
      assert.deepEqual(dated, ['/2026/', '/2026/01/', '/2026/01/01/', '/2026/01/01/new-year/', '/2026/01/06/', '/2026/01/06/plain-date/']);
    });
  }
  test('both machines write the same bytes', () => {
    const [first, second] = builds.map(({ cwd }) =>
      builtPages(path.join(cwd, '_site')).map((url) => readFileSync(path.join(cwd, '_site', url, 'index.html'), 'utf8')),
    );
    assert.deepEqual(first, second);
  });
});

describe('build: reproducible', async () => {
  // Two machines: other time zone, other locale, other folder. The whole output must be the same bytes.
  const files = {
    'content/site.yaml': 'title: Reproducible\ntimezone: Europe/Kyiv\nsources:\n  https://feeds.foxnews.com/foxnews/latest: Fox News\n',
    'content/2026/01/seed.md': seed,
    'content/2026/01/ukr.md': article(
      { title: '"Україна: переговори в Парижі"', date: '2026-01-06T22:30:00Z', tags: '[Україна, Security, security]', author: 'Олена' },
      '<p>Делегації зустрілися в Парижі. Ukraine security talks.</p>',
    ),
    'content/2026/01/md.md': article(
      { title: 'Markdown', date: '2026-01-05 09:00', tags: '[Ünïcödé, Zebra, apple]' },
      'Some *text* about security guarantees for Ukraine.',
    ),
  };
  const builds = await Promise.all(
    [
      { TZ: 'America/Los_Angeles', LANG: 'en_US.UTF-8', LC_ALL: 'en_US.UTF-8' },
      { TZ: 'Asia/Tokyo', LANG: 'ja_JP.UTF-8', LC_ALL: 'tr_TR.UTF-8' },
    ].map(async (env) => {
      const cwd = writeTree(files);
      const run = await runBin(['build', '--base-url', 'https://news.example.org/'], { cwd, env });
      return { cwd, run };
    }),
  );

  test('two builds on machines with other time zones, locales and folders write byte-identical sites, search index included', () => {
    for (const { run } of builds) assert.equal(run.code, 0, run.stderr);
    const [first, second] = builds.map(({ cwd }) => {
      const site = path.join(cwd, '_site');
      return Object.fromEntries(
        readdirSync(site, { recursive: true, withFileTypes: true })
          .filter((entry) => entry.isFile())
          .map((entry) => path.relative(site, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
          .sort()
          .map((file) => [file, readFileSync(path.join(site, file)).toString('base64')]),
      );
    });
    assert.ok(
      Object.keys(first!).some((file) => file.startsWith('pagefind')),
      'the search index is compared too',
    );
    assert.ok(Object.keys(first!).includes('feed.xml') && Object.keys(first!).includes('sitemap.xml'));
    assert.deepEqual(Object.keys(first!), Object.keys(second!));
    for (const file of Object.keys(first!)) assert.equal(first![file], second![file], file);
  });
});

/** A PNG's signature: a picture by its bytes, as the build looks at it. */
const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describe('build: images beside their posts', async () => {
  const post = (body: string) => `+++\ntitle = "Harbour works"\ndate = 2024-06-01\n+++\n${body}\n`;
  const cwd = writeTree({
    'content/posts/harbour/index.md': post('![The new quay](quay.png)\n\n![Secret](../../../outside.png)\n\n![Linked](linked.png)'),
    'content/posts/harbour/quay.png': png,
    'content/posts/harbour/notes.txt': 'not an image',
    'outside.png': png,
  });
  // A link in the content folder to a file outside it.
  symlinkSync(path.join(cwd, 'outside.png'), path.join(cwd, 'content/posts/harbour/linked.png'));
  const site = path.join(cwd, '_site');
  const first = await runCli(['build'], { cwd });
  const page = () => readFileSync(path.join(site, '2024/06/01/harbour/index.html'), 'utf8');

  test('an image of a page bundle is copied beside the article page, and nothing else of the folder is', () => {
    assert.equal(first.code, 0, first.stderr);
    assert.deepEqual(readFileSync(path.join(site, '2024/06/01/harbour/quay.png')), png);
    assert.match(page(), /<img src="quay\.png" alt="The new quay"/);
    assert.deepEqual(readdirSync(path.join(site, '2024/06/01/harbour')).sort(), ['index.html', 'quay.png']);
  });
  test('an image outside the content folder, or a link to one, is never read: its text stays, and the warning names it', () => {
    assert.ok(page().includes('Secret') && page().includes('Linked'));
    assert.match(first.stderr, /content\/posts\/harbour\/index\.md: warning: image "\.\.\/\.\.\/\.\.\/outside\.png", image "linked\.png" point to no article or image of the archive/);
    assert.ok(!existsSync(path.join(site, '2024/06/01/harbour/linked.png')));
  });
  test('an image no longer shown is deleted by the next build, and a changed one copied again', async () => {
    const changed = Buffer.concat([png, Buffer.from('x')]);
    writeFileSync(path.join(cwd, 'content/posts/harbour/quay.png'), changed);
    assert.equal((await runCli(['build'], { cwd })).code, 0);
    assert.deepEqual(readFileSync(path.join(site, '2024/06/01/harbour/quay.png')), changed);
    writeFileSync(path.join(cwd, 'content/posts/harbour/index.md'), post('No picture now.'));
    const last = await runCli(['build'], { cwd });
    assert.equal(last.code, 0, last.stderr);
    assert.ok(!existsSync(path.join(site, '2024/06/01/harbour/quay.png')));
  });
});

describe('build: pictures of a folder beside the content, as Hugo and Zola keep them in static/', async () => {
  // A Hugo site as it is: content/ and static/ side by side; site.yaml names the folder.
  const cwd = writeTree({
    'content/site.yaml': 'staticFolders: [../static]\n',
    'content/posts/harbour.md': '+++\ntitle = "Harbour works"\ndate = 2024-06-01\nimages = ["/images/lead.png"]\n+++\n![The new quay](/images/quay.png)\n\n![Secret](/private.txt)\n',
    'static/images/quay.png': png,
    'static/images/lead.png': png,
    'static/private.txt': 'not a picture',
    'outside.png': png,
  });
  symlinkSync(path.join(cwd, 'outside.png'), path.join(cwd, 'static/images/linked.png'));
  const site = path.join(cwd, '_site');
  const first = await runCli(['build'], { cwd });
  const page = () => readFileSync(path.join(site, '2024/06/01/harbour/index.html'), 'utf8');

  test('pictures a body and image: name by their path on the old site are published from the folder', () => {
    assert.equal(first.code, 0, first.stderr);
    assert.match(page(), /<img src="\.\.\/\.\.\/\.\.\/\.\.\/media\/images\/quay\.png" alt="The new quay"/);
    assert.deepEqual(readFileSync(path.join(site, 'media/images/quay.png')), png);
    assert.ok(existsSync(path.join(site, 'media/images/lead.png')));
    // Only pictures are read from there: the text file is no image, and stays the link's text.
    assert.match(first.stderr, /image "\/private\.txt" points to no article or image of the archive/);
    assert.ok(!existsSync(path.join(site, 'media/private.txt')));
  });
  test('a changed picture there is a change: a build that would find nothing changed in the content copies it again', async () => {
    // Files are stamped once their times are settled: a build then stops before reading anything when its stamp is the last one's.
    await sleep(settledAfterMs + 200);
    assert.equal((await runCli(['build'], { cwd })).code, 0);
    const changed = Buffer.concat([png, Buffer.from('x')]);
    writeFileSync(path.join(cwd, 'static/images/quay.png'), changed);
    await sleep(settledAfterMs + 200);
    const again = await runCli(['build'], { cwd });
    assert.equal(again.code, 0, again.stderr);
    assert.deepEqual(readFileSync(path.join(site, 'media/images/quay.png')), changed);
  });
  test('a folder that is not there is a problem of site.yaml naming it', async () => {
    const missing = writeTree({ 'content/site.yaml': 'staticFolders: [../statics]\n', 'content/a.md': article({ title: 'A', date: '2026-01-06' }) });
    const run = await runCli(['check'], { cwd: missing });
    assert.match(run.stdout, /content\/site\.yaml:1: staticFolders: expected a folder \(relative to the content folder, like \.\.\/static\), got "\.\.\/statics", which is not one/);
  });
});

describe('build: a site’s own templates and assets over the tool’s', async () => {
  const tool = (file: string) => readFileSync(path.join(projectRoot, 'templates', file), 'utf8');
  const cwd = writeTree({
    'content/2026/01/quay.md': article({ title: 'Quay reopens', date: '2026-01-06' }),
    // The article template, changed; a partial the site's template includes.
    'templates/article.njk': tool('article.njk').replace('</article>', '{% include "note.njk" %}</article>'),
    'templates/_includes/note.njk': '<p class="site-note">Kept by the Harbour Historical Society</p>',
    // The stylesheet replaced, and a picture added.
    'assets/style.css': 'body { background: #fffbe6; }\n',
    'assets/masthead.png': Buffer.from([0x89, 0x50, 0x4e, 0x47]),
  });
  const site = path.join(cwd, '_site');
  const first = await runCli(['build'], { cwd });

  test('a template of the site replaces the tool’s, and may include partials of its own', () => {
    assert.equal(first.code, 0, first.stderr);
    assert.match(readFileSync(path.join(site, '2026/01/06/quay/index.html'), 'utf8'), /<p class="site-note">Kept by the Harbour Historical Society<\/p><\/article>/);
    // Pages it does not override keep the tool's templates.
    assert.match(readFileSync(path.join(site, 'index.html'), 'utf8'), /Quay reopens/);
  });
  test('its assets replace the tool’s of the same name and add the rest', () => {
    assert.equal(readFileSync(path.join(site, 'assets/style.css'), 'utf8'), 'body { background: #fffbe6; }\n');
    assert.ok(existsSync(path.join(site, 'assets/masthead.png')));
    assert.ok(existsSync(path.join(site, 'assets/search.js')));
  });
  test('an edited template of the site is rendered by the next build', async () => {
    writeFileSync(path.join(cwd, 'templates/_includes/note.njk'), '<p class="site-note">Edited note</p>');
    assert.equal((await runCli(['build'], { cwd })).code, 0);
    assert.match(readFileSync(path.join(site, '2026/01/06/quay/index.html'), 'utf8'), /Edited note/);
  });
  test('a template of the site that prints what a page does not have, or a word with no key, fails naming its file and line', async () => {
    const list = tool('list.njk');
    const line = list.split('\n').findIndex((text) => text.includes('{{ p.heading }}')) + 1;
    writeFileSync(path.join(cwd, 'templates/list.njk'), list.replace('{{ p.heading }}', '{{ p.headng }}'));
    const misspelt = await runCli(['build'], { cwd });
    assert.equal(misspelt.code, 1);
    assert.match(misspelt.stderr, new RegExp(`templates/list\\.njk:${line}:\\d+: prints a value the page does not have in .*\\{\\{ p\\.headng \\}\\}.*docs/templates\\.md`));
    writeFileSync(path.join(cwd, 'templates/list.njk'), list.replace('{{ p.heading }}', '{{ "latestNwes" | t }}'));
    const unknownWord = await runCli(['build'], { cwd });
    assert.equal(unknownWord.code, 1);
    assert.match(unknownWord.stderr, /templates\/list\.njk: there are no words "latestNwes": docs\/templates\.md lists the keys/);
    assert.doesNotMatch(misspelt.stderr + unknownWord.stderr, /news-archive-templates-|\n\s+at /);
    writeFileSync(path.join(cwd, 'templates/list.njk'), list);
    assert.equal((await runCli(['build'], { cwd })).code, 0);
  });
});
