/**
 * The text a reader sees in a sanitized body, paragraphs apart: what
 * summaries, reading time and search use. `hast-util-to-text` implements the
 * whole of `innerText`, which cost more than sanitizing itself; a sanitized
 * body holds only a known set of elements, whose breaks are listed here.
 */
import type { Element, Root } from 'hast';

// As `innerText` breaks them (the lists of hast-util-to-text): a paragraph is set apart by a blank line,
// other blocks and table rows by a line break, cells by a tab.
const paragraphs = new Set(['p']);
const lines = new Set(
  'address article aside blockquote caption center dd dialog dir dl dt div figure figcaption footer form h1 h2 h3 h4 h5 h6 header hgroup hr legend li listing main menu nav ol pre section tr ul'.split(
    ' ',
  ),
);
const cells = new Set(['td', 'th']);

export function visibleText(tree: Root): string {
  let text = '';
  // Breaks next to each other do not add up: the larger one counts, as in `innerText`.
  let pendingBreaks = 0;
  const breakOf = (count: number) => {
    pendingBreaks = Math.max(pendingBreaks, count);
  };
  const write = (value: string) => {
    if (pendingBreaks > 0) {
      if (value.trim() === '') return;
      if (text !== '') text += '\n'.repeat(pendingBreaks);
      pendingBreaks = 0;
    }
    text += value;
  };
  const walk = (node: Root | Element, preformatted: boolean) => {
    for (const child of node.children) {
      if (child.type === 'text') write(preformatted ? child.value : child.value.replace(/[ \t\n\r\f]+/g, ' '));
      else if (child.type === 'element') {
        const name = child.tagName;
        if (name === 'br') write('\n');
        const around = paragraphs.has(name) ? 2 : lines.has(name) ? 1 : 0;
        breakOf(around);
        walk(child, preformatted || name === 'pre');
        if (cells.has(name)) write('\t');
        breakOf(around);
      }
    }
  };
  walk(tree, false);
  return text
    .replace(/[ \t\u00a0]+/g, ' ')
    .replace(/ ?\n ?/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
