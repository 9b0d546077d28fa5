/**
 * Archives written for other generators build as they are. The fixtures are
 * written after what each generator documents that it writes (not after any
 * one archive): Jekyll's posts, drafts and front matter (jekyll new, Liquid
 * dates, jekyll-seo-tag, jekyll-redirect-from), Hugo's TOML and YAML front
 * matter, page bundles and translations, Zola's TOML with [taxonomies] and
 * [extra], and an Eleventy blog's dated file names.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { pagesOf } from '../src/archive/pages.ts';
import { readArticle } from '../src/load/readArticle.ts';
import { defaultSiteSettings } from '../src/schema/site.ts';
import { siteInMemory } from './support/siteInMemory.ts';

const codes = (problems: readonly { code: string; file: string }[]) => problems.map((p) => `${p.file}: ${p.code}`);

describe('a Jekyll site', async () => {
  const site = await siteInMemory({
    // What `jekyll new` writes, with a Liquid date and a space-separated category list.
    'content/_posts/2015-03-17-welcome-to-jekyll.markdown': [
      '---',
      'layout: post',
      'title:  "Welcome to Jekyll!"',
      'date:   2015-03-17 14:00:00 -4',
      'categories: jekyll update',
      '---',
      'You’ll find this post in your `_posts` directory.',
    ].join('\n'),
    // jekyll-seo-tag and jekyll-redirect-from keys, an excerpt, a permalink.
    'content/_posts/2013-11-22-demo-day.md': [
      '---',
      'title: Demo day',
      'date: 2013-11-22 5:00:00 +0000',
      'excerpt: Teams show what they built.',
      'category: events',
      'permalink: /2013/11/22/demo-day.html',
      'redirect_from:',
      '  - /demo/',
      'image:',
      '  path: https://example.gov/demo.png',
      'author: [Ana, Ben]',
      'last_modified_at: 2016-01-01 10:00',
      '---',
      'Teams showed what they built.',
    ].join('\n'),
    // A quoted value over several lines, continuation not indented: js-yaml (Jekyll's gray-matter, Eleventy) reads it.
    'content/_posts/2016-05-01-long-title.md': '---\ntitle: "A title that runs\nover two lines"\n---\nBody.',
    'content/_posts/2016-06-01-unpublished.md': '---\ntitle: Not yet\npublished: false\n---\nBody.',
    'content/_drafts/a-draft-post.md': '---\ntitle: A draft\ndate: 2016-07-01\n---\nBody.',
    'content/_layouts/post.html': '---\nlayout: default\n---\n<article>{{ content }}</article>',
    'content/_includes/head.html': '<meta charset="utf-8">',
  });

  test('every published post builds, under the URL its file names', () => {
    assert.deepEqual(site.articleUrls(), ['/2013/11/22/demo-day/', '/2015/03/17/welcome-to-jekyll/', '/2016/05/01/long-title/']);
  });

  test('only the sloppy YAML is said, as a warning: no key Jekyll defines is unknown', () => {
    assert.deepEqual(codes(site.problems), ['content/_posts/2016-05-01-long-title.md: lenient-yaml']);
    assert.equal(site.problems[0]?.line, 2);
  });

  test('Jekyll’s keys mean what they mean there', () => {
    const demo = site.articlePage('/2013/11/22/demo-day/');
    assert.equal(demo.article.description, 'Teams show what they built.');
    assert.deepEqual(
      demo.article.categories.map((category) => category.label),
      ['events'],
    );
    assert.deepEqual(
      demo.article.authors.map((author) => author.label),
      ['Ana', 'Ben'],
    );
    assert.equal(demo.article.image, 'https://example.gov/demo.png');
    assert.equal(demo.article.updated?.iso.slice(0, 16), '2016-01-01T10:00');
    assert.equal(Date.parse(demo.article.date.iso), Date.parse('2013-11-22T05:00:00Z'));
    const welcome = site.articlePage('/2015/03/17/welcome-to-jekyll/');
    // `categories: jekyll update` is two categories, as Jekyll reads it.
    assert.deepEqual(
      welcome.article.categories.map((category) => category.label),
      ['jekyll', 'update'],
    );
    // 14:00 at UTC−4 is 18:00 UTC.
    assert.equal(Date.parse(welcome.article.date.iso), Date.parse('2015-03-17T18:00:00Z'));
  });

  test('published: false and _drafts/ are drafts, left out of the built site and shown in a preview', async () => {
    assert.ok(!site.has('/2016/06/01/unpublished/'));
    assert.ok(!site.has('/2016/07/01/a-draft-post/'));
    const preview = await siteInMemory(
      {
        'content/_posts/2016-06-01-unpublished.md': '---\ntitle: Not yet\npublished: false\n---\nBody.',
        'content/_drafts/a-draft-post.md': '---\ntitle: A draft\ndate: 2016-07-01\n---\nBody.',
      },
      { includeDrafts: true },
    );
    assert.ok(preview.has('/2016/06/01/unpublished/'));
    assert.ok(preview.has('/2016/07/01/a-draft-post/'));
  });
});

describe('a site as `jekyll new` writes it builds as it is', async () => {
  // Its pages beside its post: the home page's layout, an about page, a 404 (jekyll new, Jekyll 4).
  const site = await siteInMemory({
    'content/index.markdown': '---\n# Feel free to add content and custom Front Matter to this file.\n\nlayout: home\n---\n',
    'content/about.markdown': '---\nlayout: page\ntitle: About\npermalink: /about/\n---\n\nThis is the base Jekyll theme.\n',
    'content/404.html': '---\npermalink: /404.html\nlayout: default\n---\n\n<div class="container">\n  <h1>404</h1>\n</div>\n',
    'content/_posts/2015-03-17-welcome-to-jekyll.markdown':
      '---\nlayout: post\ntitle:  "Welcome to Jekyll!"\ndate:   2015-03-17 14:00:00 -0400\ncategories: jekyll update\n---\nHello.\n',
    'content/_config.yml': 'title: Your awesome title\ntheme: minima\n',
  });
  test('its post is built; its pages are said to be pages, not errors', () => {
    assert.deepEqual(site.articleUrls(), ['/2015/03/17/welcome-to-jekyll/']);
    assert.deepEqual(
      site.problems.map((p) => [p.file, p.code, p.message]),
      [
        ['content/404.html', 'skipped-file', 'has no date: a page of the site (layout: default), not a post, so it is not read'],
        ['content/about.markdown', 'skipped-file', 'has no date: a page of the site (layout: page), not a post, so it is not read'],
        ['content/index.markdown', 'skipped-file', 'has no date: a page of the site (layout: home), not a post, so it is not read'],
      ],
    );
  });
});

describe('a site that was published below a path (a GitHub Pages project site)', async () => {
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const site = await siteInMemory({
    'content/site.yaml': 'origin: https://user.github.io/harbour/\n',
    'content/_posts/2020-01-02-one.md':
      '---\ntitle: One\n---\nSee [two](/harbour/2020/01/03/two.html), [in full](https://user.github.io/harbour/2020/01/03/two.html) and ![the quay](/harbour/assets/quay.png); [elsewhere](/harbour/about/).',
    'content/_posts/2020-01-03-two.md': '---\ntitle: Two\n---\nWords.',
    'content/assets/quay.png': png,
  });
  test("its links with that path find the archive's posts and pictures; what it does not hold goes to the original", () => {
    const page = site.file('/2020/01/02/one/');
    assert.match(
      page,
      /See <a href="\.\.\/\.\.\/03\/two\/">two<\/a>, <a href="\.\.\/\.\.\/03\/two\/">in full<\/a> and <img src="\.\.\/\.\.\/\.\.\/\.\.\/media\/assets\/quay\.png" alt="the quay"/,
    );
    assert.match(page, /<a href="https:\/\/user\.github\.io\/harbour\/about\/"[^>]*>elsewhere<\/a>/);
    assert.deepEqual(site.problems, []);
  });
});

describe("a Jekyll site's address, from its _config.yml", async () => {
  const site = await siteInMemory({
    'content/_config.yml': 'title: Harbour news\nurl: "https://user.github.io"\nbaseurl: "/harbour"\n',
    'content/_posts/2020-01-02-one.md': '---\ntitle: One\n---\nSee [two](/harbour/2020/01/03/two.html) and [the about page](/harbour/about/).',
    'content/_posts/2020-01-03-two.md': '---\ntitle: Two\n---\nWords.',
  });
  test('is the origin when site.yaml names none: its links find the posts, and the rest go to the original site', () => {
    const page = site.file('/2020/01/02/one/');
    assert.match(page, /See <a href="\.\.\/\.\.\/03\/two\/">two<\/a> and <a href="https:\/\/user\.github\.io\/harbour\/about\/"/);
    assert.deepEqual(site.problems, []);
  });
});

describe('a summary its author marked in the body', async () => {
  const site = await siteInMemory({
    // Hugo's and WordPress's mark; Octopress's and Hexo's have spaces.
    'content/posts/2024-01-02-hugo.md': '---\ntitle: Hugo\n---\nThe harbour *reopened* today.\n\n<!--more-->\n\nThe rest of the story, which lists leave out.',
    'content/posts/2024-01-03-hexo.md': '---\ntitle: Hexo\n---\nShips returned.\n<!-- more -->\nMore words.',
    // Jekyll's excerpt_separator, named by the post.
    'content/_posts/2024-01-04-jekyll.md':
      '---\ntitle: Jekyll\nexcerpt_separator: <!--excerpt-->\n---\nFirst part.\n\nSecond part.\n<!--excerpt-->\nThird part.',
    // A post about the mark shows it in code: it marks nothing.
    'content/posts/2024-01-05-about.md': '---\ntitle: About marks\n---\nWrite `<!--more-->` where the summary ends.\n\nThe rest.',
    // A written summary wins.
    'content/posts/2024-01-06-own.md': '---\ntitle: Own\nsummary: Written by hand.\n---\nOpening.\n\n<!--more-->\n\nRest.',
  });
  const excerpt = (url: string) => site.articlePage(url).article.excerpt;
  test('lists and feeds show the text up to the mark', () => {
    assert.equal(excerpt('/2024/01/02/hugo/'), 'The harbour reopened today.');
    assert.equal(excerpt('/2024/01/03/hexo/'), 'Ships returned.');
    assert.equal(excerpt('/2024/01/04/jekyll/'), 'First part. Second part.');
  });
  test('a mark in code, or a summary in the front matter, leaves the usual excerpt', () => {
    assert.equal(excerpt('/2024/01/05/about/'), 'Write <!--more--> where the summary ends. The rest.');
    assert.equal(excerpt('/2024/01/06/own/'), 'Written by hand.');
  });
  test('the article page still shows the whole body', () => {
    assert.ok(site.file('/2024/01/02/hugo/').includes('The rest of the story, which lists leave out.'));
  });
});

describe('a Hugo site', async () => {
  const site = await siteInMemory({
    'content/site.yaml': 'language: en\n',
    // What `hugo new` writes: TOML front matter.
    'content/posts/my-first-post.md': [
      '+++',
      "title = 'My First Post'",
      'date = 2024-01-14T07:07:07+01:00',
      'draft = false',
      "tags = ['red', 'blue']",
      "aliases = ['/posts/old-first-post/']",
      'weight = 10',
      '[params]',
      "  subtitle = 'A start'",
      '+++',
      'Some **Markdown**.',
    ].join('\n'),
    // A page bundle, in YAML, with its Spanish translation beside it.
    'content/posts/usgs_app/index.md': [
      '---',
      'title: The USGS app',
      'date: 2019-05-02',
      'lastmod: 2019-06-01',
      'images: [https://example.org/usgs.png]',
      'slug: usgs_app',
      'translationKey: usgs',
      'type: post',
      '---',
      'English text.',
    ].join('\n'),
    'content/posts/usgs_app/index.es.md': '---\ntitle: La aplicación del USGS\ndate: 2019-05-02\ntranslationKey: usgs\n---\nTexto en español.',
    // JSON front matter.
    'content/posts/json-post.md': '{\n  "title": "Written in JSON",\n  "date": "2020-02-02",\n  "tags": ["json"]\n}\nThe body.',
    // A section's list page: not an article.
    'content/posts/_index.md': '+++\ntitle = "Posts"\n+++\n',
  });

  test('every post builds, the translation beside its original, none lost to the other', () => {
    assert.deepEqual(site.articleUrls(), ['/2019/05/02/usgs_app-es/', '/2019/05/02/usgs_app/', '/2020/02/02/json-post/', '/2024/01/14/my-first-post/']);
  });

  test('no key Hugo defines is unknown; the legacy slug and the section page are said', () => {
    assert.deepEqual(codes(site.problems), [
      'content/posts/_index.md: skipped-file',
      'content/posts/usgs_app/index.es.md: legacy-slug',
      'content/posts/usgs_app/index.md: legacy-slug',
    ]);
  });

  test('a translation carries its language on its own text, and it and its original link to each other (hreflang)', () => {
    const spanish = site.file('/2019/05/02/usgs_app-es/');
    // The page's own words are the site's; the article's title and text are Spanish.
    assert.match(spanish, /<html lang="en" dir="ltr">/);
    assert.match(spanish, /<h1 lang="es">La aplicación del USGS<\/h1>/);
    assert.match(spanish, /<div class="article-body" lang="es">/);
    assert.match(spanish, /"inLanguage":"es"/);
    assert.match(spanish, /<link rel="alternate" hreflang="en" href="\.\.\/usgs_app\/">/);
    const english = site.file('/2019/05/02/usgs_app/');
    assert.match(english, /<html lang="en" dir="ltr">/);
    assert.doesNotMatch(english, /<h1 lang=/);
    assert.match(english, /<a href="\.\.\/usgs_app-es\/" hreflang="es" lang="es">español<\/a>/);
  });

  test('TOML dates, tags and lastmod are read as ours', () => {
    const first = site.articlePage('/2024/01/14/my-first-post/');
    assert.deepEqual(
      first.article.tags.map((tag) => tag.label),
      ['red', 'blue'],
    );
    assert.equal(Date.parse(first.article.date.iso), Date.parse('2024-01-14T06:07:07Z'));
    const bundle = site.articlePage('/2019/05/02/usgs_app/');
    assert.equal(bundle.article.updated?.iso.slice(0, 10), '2019-06-01');
    assert.equal(bundle.article.image, 'https://example.org/usgs.png');
  });
});

describe('a Zola site', async () => {
  const site = await siteInMemory({
    'content/blog/1.94.1-release.md': [
      '+++',
      'title = "Announcing Rust 1.94.1"',
      'date = 2026-03-26',
      'description = "A point release."',
      'path = "2026/03/26/1.94.1"',
      'template = "page.html"',
      'in_search_index = true',
      '[taxonomies]',
      'tags = ["release"]',
      'categories = ["rust"]',
      '[extra]',
      'team = "The Release Team"',
      '+++',
      'Rust 1.94.1 fixes two regressions.',
    ].join('\n'),
    'content/blog/2024-01-01-new-year.md': '+++\ntitle = "New year"\n+++\nDated by its file name.',
  });

  test('every page builds, its taxonomies read, no key Zola defines unknown', () => {
    assert.deepEqual(site.articleUrls(), ['/2024/01/01/new-year/', '/2026/03/26/1.94.1-release/']);
    assert.deepEqual(codes(site.problems), ['content/blog/1.94.1-release.md: legacy-slug']);
    const release = site.articlePage('/2026/03/26/1.94.1-release/');
    assert.deepEqual(
      release.article.tags.map((tag) => tag.label),
      ['release'],
    );
    assert.deepEqual(
      release.article.categories.map((category) => category.label),
      ['rust'],
    );
  });
});

describe('an Eleventy blog', async () => {
  const site = await siteInMemory({
    'content/blog/2023-01-10-first-post.md': [
      '---',
      'title: First post',
      'layout: layouts/post.njk',
      'tags: [posts, news]',
      'eleventyNavigation:',
      '  key: First',
      '---',
      'Hello.',
    ].join('\n'),
    'content/blog/second-post.md': '---\ntitle: Second post\ndate: 2023-02-01\neleventyExcludeFromCollections: false\n---\nAgain.',
  });

  test('every post builds under its file’s name, with no unknown key', () => {
    assert.deepEqual(site.articleUrls(), ['/2023/01/10/first-post/', '/2023/02/01/second-post/']);
    assert.deepEqual(site.problems, []);
  });
});

describe('what other generators write that stays refused', () => {
  const read = (file: string, text: string) => readArticle(file, text, defaultSiteSettings);

  test('TOML or JSON front matter with a slug that leaves its folder', () => {
    for (const [file, text] of [
      ['content/a.md', '+++\ntitle = "x"\ndate = 2026-01-06\nslug = "../../etc"\n+++\n'],
      ['content/b.md', '{\n  "title": "x",\n  "date": "2026-01-06",\n  "slug": "a/b"\n}\n'],
      ['content/c.md', '+++\ntitle = "x"\ndate = 2026-01-06\nslug = ".hidden"\n+++\n'],
    ] as const) {
      const result = read(file, text);
      assert.equal(result.article, undefined, file);
      assert.equal(result.problems[0]?.field, 'slug', file);
    }
  });

  test('broken TOML and JSON say where and what', () => {
    const toml = read('content/a.md', '+++\ntitle = "unclosed\ndate = 2026-01-06\n+++\n');
    assert.equal(toml.problems[0]?.code, 'toml-syntax');
    assert.equal(toml.problems[0]?.line, 2);
    assert.equal(read('content/b.md', '+++\ntitle = "x"\n').problems[0]?.code, 'unclosed-front-matter');
    assert.equal(read('content/c.md', '{\n  "title": "x",\n').problems[0]?.code, 'json-syntax');
  });

  test('YAML that no parser reads is still an error', () => {
    const result = read('content/a.md', '---\ntitle: news here\ndate: 2026-01-06\n  - stray: [item\n---\n');
    assert.equal(result.article, undefined);
    assert.equal(result.problems[0]?.code, 'yaml-syntax');
  });

  test('an alias bomb read leniently is stopped', () => {
    const bomb = [
      'a: &a [x,x,x,x,x,x,x,x,x]',
      'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
      'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
      'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
      'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]',
    ];
    // The unindented continuation makes strict YAML fail, so the lenient reader is tried, and refuses the expansion.
    const result = read('content/a.md', `---\ntitle: "x\ny"\ndate: 2026-01-06\n${bomb.join('\n')}\n---\n`);
    assert.equal(result.article, undefined);
    assert.equal(result.problems[0]?.code, 'yaml-syntax');
  });
});

describe('images as other generators write them', () => {
  const read = (image: string, site = defaultSiteSettings) => readArticle('content/a.md', `---\ntitle: A\ndate: 2026-01-06\nimage: ${image}\n---\nBody.`, site);

  test('a site path is resolved against origin in site.yaml', () => {
    const site = { ...defaultSiteSettings, origin: 'https://18f.example.gov/' };
    assert.equal(read('/assets/img/demo.png', site).article?.image, 'https://18f.example.gov/assets/img/demo.png');
    assert.equal(read('//cdn.example.org/x.png').article?.image, 'https://cdn.example.org/x.png');
  });

  test('without origin, a site path that is no picture of the content folder is a warning, and the article builds without its image', async () => {
    const site = await siteInMemory({ 'content/a.md': '---\ntitle: A\ndate: 2026-01-06\nimage: /assets/img/demo.png\n---\nBody.' });
    assert.equal(site.articlePage('/2026/01/06/a/').article.image, undefined);
    assert.deepEqual(
      site.problems.map((p) => [p.code, p.severity, p.field]),
      [['unresolved-image', 'warning', 'image']],
    );
  });

  test('a path to a picture of the content folder is the archive’s own, published where it is', async () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const site = await siteInMemory({
      'content/assets/img/demo.png': png,
      'content/a.md': '---\ntitle: A\ndate: 2026-01-06\nimage: /assets/img/demo.png\n---\nBody.',
    });
    assert.deepEqual(site.problems, []);
    assert.equal(site.articlePage('/2026/01/06/a/').article.image, '/media/assets/img/demo.png');
    assert.deepEqual(
      pagesOf(site.archive, 'file').map((file) => file.url),
      ['/media/assets/img/demo.png'],
    );
  });

  test('other schemes stay refused', () => {
    for (const image of ['javascript:alert(1)', 'data:image/png;base64,AAAA']) {
      const result = read(JSON.stringify(image));
      assert.equal(result.article, undefined, image);
      assert.equal(result.problems[0]?.field, 'image');
    }
  });
});

describe('old addresses keep working', async () => {
  const site = await siteInMemory(
    {
      'content/_posts/2015-03-17-welcome-to-jekyll.markdown': '---\ntitle: Welcome\ncategories: jekyll update\nredirect_from:\n  - /welcome/\n---\nHi.',
      'content/_posts/2013-11-22-demo-day.md': '---\ntitle: Demo day\npermalink: /events/demo-day.html\n---\nTeams.',
      'content/posts/my-first-post.md': "+++\ntitle = 'My First Post'\ndate = 2024-01-14\naliases = ['/old/first/']\n+++\nHi.",
      'content/posts/bundle/index.md': '---\ntitle: Bundle\ndate: 2019-05-02\n---\nEnglish.',
      'content/posts/bundle/index.es.md': '---\ntitle: Paquete\ndate: 2019-05-02\n---\nEspañol.',
      'content/blog/2024-01-01-new-year.md': '+++\ntitle = "New year"\npath = "blog/2024/new-year"\n+++\nZola.',
    },
    { baseUrl: 'https://news.example.org/' },
  );
  const redirectOf = (from: string) => {
    const html = site.file(from);
    const refresh = /<meta http-equiv="refresh" content="0; url=([^"]+)">/.exec(html)?.[1];
    const canonical = /<link rel="canonical" href="([^"]+)">/.exec(html)?.[1];
    assert.ok(refresh, `${from} refreshes`);
    assert.doesNotMatch(html, /<script/i, 'no script');
    return { to: new URL(refresh, `https://news.example.org${from}`).pathname, canonical };
  };

  test('each old address is a page that sends readers and crawlers to the article', () => {
    const expected: [string, string][] = [
      ['/jekyll/update/2015/03/17/welcome-to-jekyll.html', '/2015/03/17/welcome-to-jekyll/'],
      ['/welcome/', '/2015/03/17/welcome-to-jekyll/'],
      ['/events/demo-day.html', '/2013/11/22/demo-day/'],
      ['/2013/11/22/demo-day.html', '/2013/11/22/demo-day/'],
      ['/old/first/', '/2024/01/14/my-first-post/'],
      ['/posts/my-first-post/', '/2024/01/14/my-first-post/'],
      ['/posts/bundle/', '/2019/05/02/bundle/'],
      ['/es/posts/bundle/', '/2019/05/02/bundle-es/'],
      ['/blog/2024/new-year/', '/2024/01/01/new-year/'],
      ['/blog/2024-01-01-new-year/', '/2024/01/01/new-year/'],
      ['/blog/new-year/', '/2024/01/01/new-year/'],
    ];
    for (const [from, to] of expected) {
      const redirect = redirectOf(from);
      assert.equal(redirect.to, to, from);
      assert.equal(redirect.canonical, `https://news.example.org${to}`, from);
    }
    const listed = site.file('/_redirects').trim().split('\n').sort();
    assert.deepEqual(listed, expected.map(([from, to]) => `${from} ${to} 301`).sort());
    assert.deepEqual(site.problems, []);
  });

  test('a file of this tool’s own, in a folder of the user’s choosing, gets no redirect it did not ask for', async () => {
    const own = await siteInMemory({ 'content/ukraine/talks.md': '---\ntitle: Talks\ndate: 2026-01-06\ntags: [Ukraine]\n---\nText.' });
    assert.ok(own.has('/2026/01/06/talks/'));
    assert.ok(!own.has('/ukraine/talks/'));
    assert.ok(!own.has('/_redirects'));
  });

  test('redirects are not in the sitemap', () => {
    assert.doesNotMatch(site.file('/sitemap.xml'), /welcome\/<|demo-day\.html/);
  });

  test('a redirect onto another article’s page is an error naming both, and a path out of the site is refused', async () => {
    const clash = await siteInMemory({
      'content/2026/01/first.md': '---\ntitle: First\ndate: 2026-01-06\n---\nOne.',
      'content/2026/01/second.md': '---\ntitle: Second\ndate: 2026-01-07\naliases: [/2026/01/06/first/]\n---\nTwo.',
    });
    assert.deepEqual(
      clash.problems.map((p) => [p.file, p.code, p.severity]),
      [['content/2026/01/second.md', 'redirect-clash', 'error']],
    );
    assert.match(clash.problems[0]!.message, /content\/2026\/01\/first\.md/);
    assert.match(clash.file('/2026/01/06/first/'), /<h1>First<\/h1>/);
    const odd = readArticle(
      'content/a.md',
      '---\ntitle: A\ndate: 2026-01-06\naliases: ["/<script>/", "/:year/:title/", "javascript:alert(1)"]\n---\nText.\n',
      defaultSiteSettings,
    );
    assert.deepEqual(odd.article?.oldUrls, []);
    assert.deepEqual(
      odd.problems.map((p) => [p.code, p.field]),
      [
        ['unkept-address', 'aliases'],
        ['unkept-address', 'aliases'],
        ['unkept-address', 'aliases'],
      ],
    );
    const outside = readArticle('content/a.md', '---\ntitle: A\ndate: 2026-01-06\nredirect_from: ../../../etc/passwd\n---\n', defaultSiteSettings);
    assert.equal(outside.article, undefined);
    assert.equal(outside.problems[0]?.field, 'redirect_from');
  });
});

test('Jekyll’s one-digit months and days in file names date the post', () => {
  const result = readArticle('content/_posts/1999-12-6-ace_honors.md', '---\ntitle: Honors\n---\nText.', defaultSiteSettings);
  assert.equal(result.article?.url, '/1999/12/06/ace_honors/');
});

test('authors given by id take their names from site.yaml', async () => {
  const site = await siteInMemory({
    'content/site.yaml': 'authors:\n  jdoe: Jane Doe\n  __proto__: Not a prototype\n',
    'content/_posts/2016-01-01-a-post.md': '---\ntitle: A post\nauthors: [jdoe, Someone Else]\n---\nText.',
  });
  const page = site.articlePage('/2016/01/01/a-post/');
  assert.deepEqual(
    page.article.authors.map((author) => author.label),
    ['Jane Doe', 'Someone Else'],
  );
});

test('a Jekyll draft without a date is dated today, for the preview, and never built', async () => {
  const result = readArticle('content/_drafts/untitled-idea.md', '---\ntitle: An idea\n---\nText.', defaultSiteSettings);
  assert.equal(result.article?.draft, true);
  assert.equal(result.article?.date.iso.slice(0, 10), new Date().toISOString().slice(0, 10));
});

test('a problem in TOML or JSON front matter names its line', () => {
  const toml = readArticle('content/a.md', '+++\ntitle = "A"\ndate = 2026-01-06\n"tittle" = "x"\n+++\nText.\n', defaultSiteSettings);
  assert.deepEqual(
    toml.problems.map((p) => [p.code, p.field, p.line]),
    [['unknown-field', 'tittle', 4]],
  );
  const json = readArticle('content/b.md', '{\n  "title": "B",\n  "date": "not a date"\n}\n', defaultSiteSettings);
  assert.deepEqual(
    json.problems.map((p) => [p.code, p.field, p.line]),
    [['invalid-field', 'date', 3]],
  );
});

describe('a Jekyll site’s permalink (its _config.yml), for its posts’ old addresses', async () => {
  const post = (title: string, body = 'Text.') => `---\ntitle: ${title}\ncategories: news\n---\n${body}\n`;
  const site = await siteInMemory({
    'content/_config.yml': 'title: Campus news\npermalink: pretty\n',
    'content/_posts/2010-07-21-opening.md': post('Opening'),
    'content/_posts/2010-08-02-first-term.md': post('First term', 'After [the opening](/news/2010/07/21/opening/).'),
  });
  test('each post redirects from the address the permalink gave it, and links to that address find the post', () => {
    assert.ok(site.archive.pages.some((page) => page.kind === 'redirect' && page.url === '/news/2010/07/21/opening/'));
    assert.match(site.file('/2010/08/02/first-term/'), /<a href="\.\.\/\.\.\/\.\.\/07\/21\/opening\/">the opening<\/a>/);
    assert.deepEqual(
      site.problems.filter((p) => p.code === 'unresolved-link'),
      [],
    );
  });
  test('site.yaml’s permalink wins, and one that cannot be followed is said once', async () => {
    const custom = await siteInMemory({
      'content/site.yaml': 'permalink: /blog/:year/:title/\n',
      'content/_config.yml': 'permalink: pretty\n',
      'content/_posts/2010-07-21-opening.md': post('Opening'),
    });
    assert.ok(custom.archive.pages.some((page) => page.kind === 'redirect' && page.url === '/blog/2010/opening/'));
    const unknown = await siteInMemory({ 'content/_config.yml': 'permalink: /:year/:week/:title/\n', 'content/_posts/2010-07-21-opening.md': post('Opening') });
    assert.deepEqual(
      unknown.problems.map((p) => `${p.file} ${p.code} ${p.field}`),
      ['content/_config.yml unkept-address permalink'],
    );
  });
});
