/**
 * Pagefind indexes each article from its search document, made from the
 * Archive rather than read from the page: it must hold what a reader sees of
 * the article on its page (copy notice, headline, dek, body; not the byline,
 * tags and links around them), filtered by the tags, source and year the page
 * shows, sorted by its date, with the source and date a result shows.
 */
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import type { Element, Root } from 'hast';
import { select, selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { pagesOf } from '../src/archive/pages.ts';
import { searchDocumentOf } from '../src/search/searchDocument.ts';
import { readSpooledDocuments, spoolDocuments } from '../src/search/documentSpool.ts';
import { Spool } from '../src/spool.ts';
import { siteInMemory } from './support/siteInMemory.ts';

/** What Pagefind reads of an HTML document: the searchable text, filters, sort keys and meta. */
function whatPagefindReads(html: string) {
  const tree = unified().use(rehypeParse).parse(html) as Root;
  let body: Element | undefined;
  const filters: string[] = [];
  const sorts: string[] = [];
  const meta: string[] = [];
  visit(tree, 'element', (node) => {
    const props = node.properties;
    if (props.dataPagefindBody !== undefined) body = node;
    const value = (attribute: unknown) => (String(attribute).includes(':') ? String(attribute) : `${String(attribute)}:${toText(node).trim()}`);
    if (props.dataPagefindFilter !== undefined) filters.push(value(props.dataPagefindFilter));
    if (props.dataPagefindSort !== undefined) sorts.push(String(props.dataPagefindSort));
    if (props.dataPagefindMeta !== undefined) meta.push(value(props.dataPagefindMeta));
  });
  assert.ok(body, 'a data-pagefind-body element');
  // The indexed text: the body without ignored elements, whitespace collapsed.
  visit(body, 'element', (node, index, parent) => {
    if (node.properties.dataPagefindIgnore !== undefined && parent && index !== undefined) {
      parent.children.splice(index, 1);
      return index;
    }
    return undefined;
  });
  const text = toText(body).replace(/\s+/g, ' ').trim();
  return { text, filters: filters.sort(), sorts, meta: meta.sort() };
}

/** The same, as a reader sees it on the article's page. */
function whatAReaderSees(html: string) {
  const tree = unified().use(rehypeParse).parse(html) as Root;
  const article = select('article.article', tree)!;
  const textOf = (selector: string) => selectAll(selector, article).map((node) => toText(node));
  const text = textOf('.copy-notice, .draft-mark, h1, .dek, .article-body').join(' ').replace(/\s+/g, ' ').trim();
  const source = textOf('.kicker a')[0];
  const published = select('.byline time', article)!;
  const instant = new Date(String(published.properties.dateTime)).toISOString();
  return {
    text,
    filters: [...(source ? [`source:${source}`] : []), ...textOf('.tags a').map((tag) => `tag:${tag}`), `year:${instant.slice(0, 4)}`].sort(),
    sorts: [`date:${instant}`],
    meta: [`date:${toText(published)}`, ...(source ? [`source:${source}`] : [])].sort(),
  };
}

test('the search document of an article holds what a reader sees of it, with the tags, source, year and date its page shows', async () => {
  const hostileTitle = '"Ports & <harbours>" </h1><script>alert(1)</script>';
  const site = await siteInMemory({
    'content/2025/03/strike.md': [
      '---',
      `title: ${JSON.stringify(hostileTitle)}`,
      'date: 2025-03-04T10:00:00Z',
      'description: "Cranes stand idle <b>as</b> talks stall"',
      'source: https://gazette.example/feed.xml',
      'author: Ana Díaz',
      'tags: [Ports, "Labour & unions"]',
      'categories: [Business]',
      'image: https://gazette.example/crane.jpg',
      'link: https://gazette.example/strike',
      '---',
      '<h2 id="talks">Talks</h2><p>Dockers walked out on Monday.</p><ul><li>Cranes</li><li>Tugs</li></ul><table><tr><td>Day 1</td></tr></table>',
    ].join('\n'),
    'content/2025/03/copy.md': [
      '---',
      `title: ${JSON.stringify(hostileTitle)}`,
      'date: 2025-03-05T10:00:00Z',
      'link: https://gazette.example/strike?utm_source=rss',
      '---',
      '<h2 id="talks">Talks</h2><p>Dockers walked out on Monday.</p><ul><li>Cranes</li><li>Tugs</li></ul><table><tr><td>Day 1</td></tr></table>',
    ].join('\n'),
  });
  const articles = pagesOf(site.archive, 'article');
  assert.equal(articles.length, 2);
  assert.ok(
    articles.some((page) => page.copyOf),
    'one of them is a second capture',
  );
  for (const page of articles) {
    const document = searchDocumentOf(page, site.archive.site.language);
    assert.deepEqual(whatPagefindReads(document), whatAReaderSees(site.file(page.url)), page.url);
    assert.ok(!/<script/i.test(document), 'the title is text, not markup');
  }
});

test('a part’s search documents are spooled as they are made and read back whole, however many', () => {
  const spool = new Spool(mkdtempSync(path.join(tmpdir(), 'spool-test-')));
  try {
    // More than the spool writes at once (a megabyte of characters), in characters of one to four bytes.
    const many = Array.from({ length: 400 }, (_, n) => ({ url: `/2026/01/0${n % 9}/a-${n}/`, content: `<p>${'Zürich 东京 𝄞 '.repeat(300)}${n}</p>` }));
    for (const documents of [[], many.slice(0, 1), many]) {
      const part = spoolDocuments(spool, 'a part', documents.values());
      assert.equal(part.pageCount, documents.length);
      assert.deepEqual(readSpooledDocuments(part), documents);
    }
  } finally {
    spool.remove();
  }
});
