/**
 * Pagefind indexes each article from a search document made from the
 * Archive, not from the written page: the document must hold what the page
 * offers to search (the text inside `data-pagefind-body`, less what is marked
 * `data-pagefind-ignore`), with the same filters, sort key and meta.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import type { Element, Root } from 'hast';
import { toText } from 'hast-util-to-text';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { buildArchive } from '../src/archive/buildArchive.ts';
import { pagesOf } from '../src/archive/pages.ts';
import { buildSite } from '../src/buildSite.ts';
import { loadBuildContent } from '../src/buildSite.ts';
import { searchDocumentOf } from '../src/search/searchDocument.ts';
import { writeTree } from './helpers.ts';

/** What Pagefind reads of an HTML document: the searchable text, filters, sort keys and meta. */
function whatPagefindReads(html: string) {
  const tree = unified().use(rehypeParse).parse(html) as Root;
  let body: Element | undefined;
  const filters: string[] = [];
  const sorts: string[] = [];
  const meta: string[] = [];
  visit(tree, 'element', (node) => {
    const props = node.properties;
    if (props['dataPagefindBody'] !== undefined) body = node;
    const value = (attribute: unknown) => String(attribute).includes(':') ? String(attribute) : `${String(attribute)}:${toText(node).trim()}`;
    if (props['dataPagefindFilter'] !== undefined) filters.push(value(props['dataPagefindFilter']));
    if (props['dataPagefindSort'] !== undefined) sorts.push(String(props['dataPagefindSort']));
    if (props['dataPagefindMeta'] !== undefined) meta.push(value(props['dataPagefindMeta']));
  });
  assert.ok(body, 'a data-pagefind-body element');
  // The indexed text: the body without ignored elements, whitespace collapsed.
  visit(body, 'element', (node, index, parent) => {
    if (node.properties['dataPagefindIgnore'] !== undefined && parent && index !== undefined) {
      parent.children.splice(index, 1);
      return index;
    }
    return undefined;
  });
  const text = toText(body).replace(/\s+/g, ' ').trim();
  return { text, filters: filters.sort(), sorts, meta: meta.sort() };
}

test('the search document of an article holds what its page offers to search', async () => {
  const hostileTitle = '"Ports & <harbours>" </h1><script>alert(1)</script>';
  const cwd = writeTree({
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
  const result = await buildSite({ cwd, contentDir: 'content', outputDir: '_site' });
  assert.equal(result.built, true, JSON.stringify(result.problems));

  const content = await loadBuildContent('content', cwd);
  const archive = buildArchive(content.articles, content.site);
  assert.equal(pagesOf(archive, 'article').length, 2);
  assert.ok(pagesOf(archive, 'article').some((page) => page.copyOf), 'one of them is a second capture');
  for (const page of pagesOf(archive, 'article')) {
    const written = readFileSync(path.join(cwd, '_site', page.url, 'index.html'), 'utf8');
    const document = searchDocumentOf(page, archive.site.language);
    assert.deepEqual(whatPagefindReads(document), whatPagefindReads(written), page.url);
    assert.ok(!/<script/i.test(document), 'the title is text, not markup');
  }
});
