/**
 * Properties that must hold for any input, checked with fast-check on
 * random front matter, random files and random (hostile) HTML and Markdown:
 * nothing throws unexpectedly, nothing dangerous comes out, and sanitizing
 * is idempotent.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import type { Element, Root } from 'hast';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { stringify } from 'yaml';
import { readArticle } from '../src/load/readArticle.ts';
import { toText } from 'hast-util-to-text';
import { parseHtmlFragment } from '../src/sanitize/parseHtml.ts';
import { visibleText } from '../src/sanitize/visibleText.ts';
import { sanitizeBody } from '../src/sanitize/sanitizeBody.ts';
import { defaultSiteSettings } from '../src/schema/site.ts';
import { slugPattern } from '../src/slug.ts';
import { relativeUrl } from '../src/routes.ts';
import { relativeFrom } from '../src/load/loadContent.ts';
import path from 'node:path';

// RUNS=20000 runs the properties longer: CI draws new random cases each time, and finds what 400 did not here.
const runs = { numRuns: Number(process.env.RUNS ?? 400) };
const parser = unified().use(rehypeParse, { fragment: true });

const knownKeys = [
  'title',
  'date',
  'updated',
  'description',
  'summary',
  'slug',
  'image',
  'link',
  'source',
  'categories',
  'tags',
  'author',
  'authors',
  'draft',
  'format',
];
const hostileStrings = fc.oneof(
  fc.string({ unit: 'grapheme' }),
  fc.constantFrom(
    '',
    ' ',
    '../../etc/passwd',
    '/abs/path',
    'a/b',
    '..',
    '%2e%2e',
    '\u0000',
    '\u202e',
    'javascript:alert(1)',
    'data:text/html,x',
    '2026-01-06',
    '2026-02-30',
    'true',
    'false',
    'null',
    '__proto__',
    'constructor',
    '<script>alert(1)</script>',
    'https://example.com/a',
    '//evil.example',
    'x'.repeat(5000),
  ),
);
const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    hostileStrings,
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(fc.string(), fc.constantFrom('__proto__', 'constructor')), tie('value'), { maxKeys: 3 }),
  ),
})).value;
const frontMatter = fc.dictionary(fc.oneof(fc.constantFrom(...knownKeys), fc.string()), value, { maxKeys: 10 });

describe('the loader, on any input', () => {
  test('random front matter gives an article with a safe URL, or problems naming the file; it never throws', () => {
    fc.assert(
      fc.property(frontMatter, fc.string(), (data, body) => {
        const text = `---\n${stringify(data)}---\n${body}`;
        const result = readArticle('content/x.md', text, defaultSiteSettings);
        for (const problem of result.problems) {
          assert.equal(problem.file, 'content/x.md');
          assert.ok(problem.message.length > 0);
        }
        if (result.article) {
          assert.match(result.article.slug, slugPattern);
          assert.match(result.article.url, /^\/\d{4}\/\d{2}\/\d{2}\/[a-z0-9]+(?:-[a-z0-9]+)*\/$/);
          assert.equal(Object.getPrototypeOf(result.article.extra), Object.prototype, 'no prototype was replaced');
        }
      }),
      runs,
    );
  });

  test('random file contents, front matter or not, never throw', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary' }),
          fc.string().map((s) => `---\n${s}`),
          fc.string().map((s) => `---\n${s}\n---\n`),
        ),
        (text) => {
          const result = readArticle('content/x.md', text, defaultSiteSettings);
          assert.ok(result.article || result.problems.length > 0);
        },
      ),
      runs,
    );
  });
});

/** HTML built from the pieces attacks are made of. */
const dangerousTag = fc.constantFrom(
  'script',
  'img',
  'svg',
  'math',
  'a',
  'iframe',
  'style',
  'template',
  'noscript',
  'object',
  'embed',
  'form',
  'input',
  'button',
  'base',
  'meta',
  'link',
  'table',
  'select',
  'option',
  'textarea',
  'xmp',
  'plaintext',
  'p',
  'div',
  'figure',
  'details',
  'video',
  'source',
  'picture',
  'frameset',
);
const attribute = fc.oneof(
  fc.constantFrom(
    'onerror=alert(1)',
    'onload="alert(1)"',
    'href="javascript:alert(1)"',
    'href=" jav&#x09;ascript:alert(1)"',
    'src="data:text/html,<script>alert(1)</script>"',
    'xlink:href="javascript:alert(1)"',
    'formaction=javascript:alert(1)',
    'style="background:url(javascript:alert(1))"',
    'srcset="x 1x, javascript:alert(1) 2x"',
    'id=main',
    'name=cookie',
    'href=#note',
    'src=x',
    'src=//evil.example/x.png',
    'http-equiv=refresh content="0;url=javascript:alert(1)"',
  ),
  fc.string().map((s) => `title="${s.replace(/"/g, '&quot;')}"`),
);
const element: fc.Arbitrary<string> = fc.letrec((tie) => ({
  node: fc.oneof(
    { depthSize: 'small' },
    fc.string(),
    fc.constantFrom('<!-- x -->', '<![CDATA[x]]>', '&lt;script&gt;', '&#0;', '</p>', '<', '>', '"', "'", '`', '\u0000'),
    // WordPress shortcodes, converted in HTML bodies too (`wordpress.ts`).
    fc.constantFrom(
      '[caption id="a" width="3"]',
      '[/caption]',
      '[embed]',
      '[/embed]',
      '[youtube=javascript:alert(1)]',
      '[audio src="//e.example/a.mp3"]',
      '[/audio]',
      '[gallery]',
    ),
    fc
      .tuple(dangerousTag, fc.array(attribute, { maxLength: 3 }), fc.array(tie('node'), { maxLength: 3 }), fc.boolean())
      .map(([tag, attributes, children, closed]) => `<${tag} ${attributes.join(' ')}>${children.join('')}${closed ? `</${tag}>` : ''}`),
  ),
})).node;
const hostileHtml = fc.array(element, { minLength: 1, maxLength: 6 }).map((nodes) => nodes.join(''));

const forbiddenElements = new Set([
  'script',
  'style',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'base',
  'meta',
  'link',
  'form',
  'button',
  'svg',
  'math',
  'template',
  'textarea',
  'select',
]);

function assertSafe(html: string): void {
  const tree = parser.parse(html) as Root;
  visit(tree, 'element', (node: Element) => {
    assert.ok(!forbiddenElements.has(node.tagName), `no <${node.tagName}> in ${html.slice(0, 200)}`);
    // GFM task lists keep their checkboxes, always disabled.
    if (node.tagName === 'input') assert.ok(node.properties.type === 'checkbox' && node.properties.disabled === true, 'only disabled checkboxes');
    for (const [name, value] of Object.entries(node.properties)) {
      assert.ok(!/^on/i.test(name), `no ${name}`);
      assert.ok(name !== 'style', 'no style attribute');
      if (['href', 'src', 'cite', 'srcSet', 'action', 'formAction', 'xLinkHref', 'poster'].includes(name)) {
        assert.match(String(value), /^(?:https?:|mailto:|#)/i, `${name}=${String(value)}`);
      }
    }
  });
}

describe('the sanitizer, on any input', () => {
  test('hostile HTML: never throws, nothing dangerous comes out, and its output sanitizes to itself', () => {
    fc.assert(
      fc.property(hostileHtml, fc.option(fc.constant('https://news.example.com/story/1'), { nil: undefined }), (html, baseUrl) => {
        const once = sanitizeBody(html, { format: 'html', link: baseUrl });
        assertSafe(once.html);
        assert.equal(sanitizeBody(once.html, { format: 'html', link: baseUrl }).html, once.html);
      }),
      runs,
    );
  });

  test('hostile Markdown (with raw HTML inside): the same', () => {
    const markdown = fc
      .array(
        fc.oneof(
          hostileHtml,
          fc.constantFrom(
            '# Heading',
            '[x](javascript:alert(1))',
            '![i](data:image/png;base64,AAAA)',
            '<javascript:alert(1)>',
            '[^1]\n\n[^1]: note',
            '| a | b |\n|---|---|\n| 1 | 2 |',
            '```\n<script>\n```',
            '> quote',
            '* item',
            // Other generators' markup and kramdown's, converted before markdown-it reads the body.
            '[caption width="3"]<img src=x onerror=alert(1) alt=a> The caption[/caption]',
            '[embed]javascript:alert(1)[/embed]',
            '{::comment}',
            '{:/comment}',
            '{::nomarkdown}<script>alert(1)</script>{:/nomarkdown}',
            '<div markdown="1">\n*x* [y](javascript:alert(1)){:target="_blank"}\n</div>',
            '{% blockquote a, b https://e.example/ %}q{% endblockquote %}',
            '{% img left javascript:alert(1) "t" "a" %}',
            '{{< details summary="<script>" >}}x{{< /details >}}',
            'Term\n: definition',
            '*[HTML]: <script>alert(1)</script>',
            '<!--more-->',
          ),
          fc.string(),
        ),
        { maxLength: 6 },
      )
      .map((parts) => parts.join('\n\n'));
    fc.assert(
      fc.property(markdown, (text) => {
        const once = sanitizeBody(text, { format: 'markdown' });
        assertSafe(once.html);
        assert.equal(sanitizeBody(once.html, { format: 'html' }).html, once.html);
      }),
      runs,
    );
  });
});

describe('the sanitizer keeps every word a reader sees', () => {
  // What a browser shows of a body: its text, read as browsers read it (parse5 with scripting on, as
  // in readers' browsers), less what is never rendered.
  const unrendered = new Set(['script', 'style', 'noscript', 'template', 'title', 'textarea', 'select', 'svg', 'math', 'iframe', 'object']);
  const wordsOf = (text: string): Map<string, number> => {
    const counts = new Map<string, number>();
    for (const word of text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) counts.set(word, (counts.get(word) ?? 0) + 1);
    return counts;
  };
  const shownByBrowser = (html: string): string => {
    const parts: string[] = [];
    const walk = (node: Root | Element) => {
      for (const child of node.children) {
        if (child.type === 'text') parts.push(child.value);
        else if (child.type === 'element' && !unrendered.has(child.tagName)) walk(child);
      }
    };
    walk(parseHtmlFragment(html));
    return parts.join(' ');
  };
  const words = fc.constantFrom('harbour', 'minister', 'flood', 'vote', 'council', 'river', 'talks', 'storm');
  const tags = [
    'p',
    'b',
    'i',
    'em',
    'a href="https://e.example/x"',
    'a',
    'ul',
    'ol',
    'li',
    'table',
    'tr',
    'td',
    'th',
    'caption',
    'h2',
    'h3',
    'div',
    'span',
    'blockquote',
    'figure',
    'figcaption',
    'pre',
    'code',
    'dl',
    'dt',
    'dd',
    'details',
    'summary',
    'sup',
    'form',
    'button',
    'noscript',
    'script',
    'style',
    'center',
    'font color="red"',
    // Blocks the schema does not keep, and the old ones whose text browsers show as it is written.
    'header',
    'nav',
    'article',
    'aside',
    'main',
    'footer',
    'address',
    'fieldset',
    'legend',
    'section',
    'menu',
    'dir',
    'listing',
    'xmp',
    'plaintext',
  ];
  const token = fc.oneof(
    { weight: 3, arbitrary: words },
    { weight: 2, arbitrary: fc.constantFrom(...tags).map((tag) => `<${tag}>`) },
    { weight: 2, arbitrary: fc.constantFrom(...tags).map((tag) => `</${tag.split(' ')[0]}>`) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        '<br>',
        '<hr>',
        '<img src="https://e.example/i.jpg" alt="pier">',
        '<img src="javascript:x" alt="quay">',
        '\n\n',
        '&amp;',
        '<!-- c -->',
      ),
    },
  );
  const body = fc.array(token, { maxLength: 40 }).map((tokens) => tokens.join(' '));

  test('the text of a sanitized body has the words innerText gives (hast-util-to-text), in its order', () => {
    const sequence = (text: string) => (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).join(' ');
    fc.assert(
      fc.property(body, (html) => {
        const tree = parseHtmlFragment(sanitizeBody(html, { format: 'html' }).html);
        assert.equal(sequence(visibleText(tree)), sequence(toText(tree)), html);
      }),
      runs,
    );
  });
  test('random and mis-nested HTML: every word a browser shows is in the sanitized text', () => {
    fc.assert(
      fc.property(body, (html) => {
        const shown = wordsOf(shownByBrowser(html));
        const kept = wordsOf(sanitizeBody(html, { format: 'html' }).text);
        for (const [word, count] of shown) assert.ok((kept.get(word) ?? 0) >= count, `"${word}" ×${count} shown, ×${kept.get(word) ?? 0} kept: ${html}`);
      }),
      runs,
    );
  });
});

describe('links between pages, on any URLs', () => {
  const segment = fc.constantFrom('a', 'b', 'tags', '2026', 'x.html', 'feed.xml', '...', 'a.b', 'é', '%C3%A9');
  const folder = fc.array(segment, { maxLength: 5 }).map((segments) => `/${segments.map((name) => `${name}/`).join('')}`);
  // Pages and files of a site: folders, and files beside them (never a file where a folder is); no `.`, `..` or
  // empty segments, which paths and URLs resolve differently.
  const target = fc
    .tuple(folder, fc.option(fc.constantFrom('feed.xml', 'style.css', 'photo.jpg')), fc.constantFrom('', '?page=2', '#top', '?q=a#b'))
    .map(([path, file, suffix]) => `${path}${file ?? ''}${suffix}`);

  test('a link written relative to its page leads where the root-relative URL does', () => {
    fc.assert(
      fc.property(target, folder, (url, page) => {
        const path = url.replace(/[?#].*/, '');
        fc.pre(path.endsWith('/') || !page.startsWith(`${path}/`));
        const host = 'https://news.example';
        assert.equal(new URL(relativeUrl(url, page), host + page).href, new URL(url, host).href);
      }),
      { numRuns: 5000 },
    );
  });
});

describe('file paths as problems name them, on any paths', () => {
  const segment = fc.constantFrom('content', 'a', 'b', '2026', 'x.md', '.hidden', '.', '..', '', 'é', 'a b', '...');
  const absolute = fc.array(segment, { maxLength: 6 }).map((segments) => `/${segments.join('/')}`);

  test('a path relative to a folder is what path.relative gives, inside the folder or out of it', () => {
    fc.assert(
      fc.property(absolute, absolute, (base, file) => {
        assert.equal(relativeFrom(base)(file), path.relative(base, file).split(path.sep).join('/'));
      }),
      { numRuns: 5000 },
    );
  });
});
