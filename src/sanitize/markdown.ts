/**
 * Markdown to HTML with markdown-it, the library Eleventy itself uses:
 * CommonMark with GFM tables, strikethrough and bare links, footnotes
 * through its plugin, task lists below. Raw HTML passes through as
 * written: the HTML is read once, as browsers read it, and sanitized after
 * (`sanitizeBody.ts`), so nothing here needs to be safe.
 */
import MarkdownIt from 'markdown-it';
import footnotes from 'markdown-it-footnote';

const renderer = new MarkdownIt('default', { html: true, linkify: true, typographer: false }).use(footnotes);

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

// `~~gone~~` is deleted text, as GitHub writes it (markdown-it writes `<s>`, text no longer accurate).
renderer.renderer.rules.s_open = () => '<del>';
renderer.renderer.rules.s_close = () => '</del>';

export const markdownToHtml = (markdown: string): string => renderer.render(markdown);
