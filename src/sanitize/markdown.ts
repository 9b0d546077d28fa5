/**
 * Markdown to HTML with markdown-it, the library Eleventy itself uses:
 * CommonMark with GFM tables, strikethrough and bare links; footnotes,
 * definition lists (kramdown's, Hugo's and PHP Markdown Extra's) and
 * abbreviations (kramdown's) through its plugins; task lists below. Raw HTML passes through as
 * written: the HTML is read once, as browsers read it, and sanitized after
 * (`sanitizeBody.ts`), so nothing here needs to be safe.
 */
import MarkdownIt from 'markdown-it';
import abbreviations from 'markdown-it-abbr';
import definitionLists from 'markdown-it-deflist';
import footnotes from 'markdown-it-footnote';
import { shortened } from '../problems.ts';

/**
 * How deep blocks (quotes, lists) may nest. markdown-it drops, without a word, every line below its limit (100 by
 * default, which real threads of quoted replies can reach); 1,000 is half what overflows the stack here, and the
 * HTML is laid flat below 512 levels anyway (`parseHtml.ts`). Lines deeper still are noted (`nestedTooDeep`).
 */
export const maxNesting = 1000;

const renderer = new MarkdownIt('default', { html: true, linkify: true, typographer: false, maxNesting })
  .use(footnotes)
  .use(definitionLists)
  .use(abbreviations);

/** What markdown-it notes of a body as it reads it. */
type MarkdownEnv = {
  /** The first words of lines dropped because they nest deeper than `maxNesting`. */
  nestedTooDeep?: string;
};

// markdown-it's block parser skips what is left of a block once it is `maxNesting` deep; the skipped lines are noted
// here first, where the parser decides (every block rule, the footnotes' too, goes through `tokenize`).
const blockMarkers = /^(?:[ \t>]|[-*+](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))+/gm;
const tokenizeBlocks = renderer.block.tokenize.bind(renderer.block);
renderer.block.tokenize = (state, startLine, endLine) => {
  const env = state.env as MarkdownEnv;
  if (state.level >= maxNesting && env.nestedTooDeep === undefined) {
    // As the parser goes on: past blank lines, and not for a line that belongs to an outer block.
    const first = state.skipEmptyLines(startLine);
    if (first < endLine && state.sCount[first]! >= state.blkIndent) {
      // Its words, without the quote and list markers of the levels below.
      const skipped = state
        .getLines(first, Math.min(endLine, first + 20), 0, false)
        .replace(blockMarkers, '')
        .replace(/\s+/g, ' ')
        .trim();
      env.nestedTooDeep = shortened(skipped, 60);
    }
  }
  tokenizeBlocks(state, startLine, endLine);
};

// markdown-it checks link targets itself and renders a `javascript:` one as text; the sanitizer makes
// the same decision for raw HTML and Markdown alike, so every target reaches it.
renderer.validateLink = () => true;

/**
 * GFM task lists (`- [x] done`): the list item gets a disabled checkbox, as GitHub shows it, in the
 * classes the sanitizer's GitHub schema keeps.
 */
renderer.core.ruler.after('inline', 'task-lists', (state) => {
  const tokens = state.tokens;
  for (let i = 2; i < tokens.length; i += 1) {
    const inline = tokens[i]!;
    if (inline.type !== 'inline' || tokens[i - 1]!.type !== 'paragraph_open' || tokens[i - 2]!.type !== 'list_item_open') continue;
    const first = inline.children?.[0];
    const box = first?.type === 'text' ? /^\[([ xX])\][ \t]+/.exec(first.content) : null;
    if (!first || !box) continue;
    first.content = first.content.slice(box[0].length);
    const checkbox = new state.Token('html_inline', '', 0);
    checkbox.content = `<input type="checkbox" disabled${box[1] === ' ' ? '' : ' checked'}> `;
    inline.children!.unshift(checkbox);
    tokens[i - 2]!.attrJoin('class', 'task-list-item');
    // The list that holds it: the nearest open list before the item at a lower level.
    for (let j = i - 3; j >= 0; j -= 1) {
      const token = tokens[j]!;
      if ((token.type === 'bullet_list_open' || token.type === 'ordered_list_open') && token.level < tokens[i - 2]!.level) {
        if (!token.attrGet('class')) token.attrJoin('class', 'contains-task-list');
        break;
      }
    }
  }
});

/**
 * Headings get the ids other generators give them, so that links to a part of a post (`#upgrading`) keep
 * working: the id written after the heading (`## Upgrading {#upgrading}`, Hugo's and kramdown's syntax),
 * else one made from its text as Hugo and GitHub make it. kramdown's attribute lists on a line of their
 * own (`{: .note}`) style the block above; there is no style here to give, so they are dropped.
 */
const writtenIdTail = /^\{:?\s*#([\w-]+)[^}]*\}\s*$/;

/**
 * The id written at the end of a heading's text, and where its `{` and the spaces before it start. Looked for from
 * the last `{`: a pattern free to start anywhere tried every space of a long run, and 50,000 took 2.3 s.
 */
function writtenIdOf(text: string): { id: string; index: number } | undefined {
  const brace = text.lastIndexOf('{');
  const id = brace === -1 ? undefined : writtenIdTail.exec(text.slice(brace))?.[1];
  return id === undefined ? undefined : { id, index: text.slice(0, brace).trimEnd().length };
}
const attributeListLine = /^\{:[^}\n]*\}$/;
const idOf = (text: string): string =>
  text
    .toLowerCase()
    .trim()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s+/g, '-');

renderer.core.ruler.after('inline', 'heading-ids', (state) => {
  const used = new Set<string>();
  const tokens = state.tokens;
  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i]!;
    if (token.type === 'paragraph_open' && tokens[i + 1]?.type === 'inline' && attributeListLine.test(tokens[i + 1]!.content.trim())) {
      tokens.splice(i, 3);
      i -= 1;
      continue;
    }
    // The same list on the last line of a paragraph.
    const children = token.type === 'inline' ? token.children : undefined;
    if (children && children.length >= 2 && children.at(-2)!.type === 'softbreak' && attributeListLine.test(children.at(-1)!.content.trim()))
      children.splice(-2, 2);
    if (token.type !== 'heading_open') continue;
    const inline = tokens[i + 1]!;
    const last = inline.children?.at(-1);
    const written = last?.type === 'text' ? writtenIdOf(last.content) : undefined;
    if (written && last) last.content = last.content.slice(0, written.index);
    const base =
      written?.id ?? idOf(inline.children?.map((child) => (child.type === 'text' || child.type === 'code_inline' ? child.content : '')).join('') ?? '');
    if (!base) continue;
    let id = base;
    for (let n = 1; used.has(id); n += 1) id = `${base}-${n}`;
    used.add(id);
    token.attrSet('id', id);
  }
});

// `~~gone~~` is deleted text, as GitHub writes it (markdown-it writes `<s>`, text no longer accurate).
renderer.renderer.rules.s_open = () => '<del>';
renderer.renderer.rules.s_close = () => '</del>';

/** `nestedTooDeep`: the first words of what could not be read, nesting deeper than blocks may (`maxNesting`). */
export function markdownToHtml(markdown: string): { html: string; nestedTooDeep?: string | undefined } {
  const env: MarkdownEnv = {};
  const html = renderer.renderer.render(renderer.parse(markdown, env), renderer.options, env);
  return { html, nestedTooDeep: env.nestedTooDeep };
}
