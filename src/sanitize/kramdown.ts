/**
 * kramdown's Markdown (Jekyll's by default) where it is not CommonMark, turned
 * into what kramdown makes of it before markdown-it reads the body:
 * - its extensions: `{::comment}…{:/comment}` is left out, as kramdown leaves
 *   it out of the page; `{::nomarkdown}…{:/nomarkdown}` keeps what it holds as
 *   written; `{::options … /}` is a setting, not text;
 * - attributes given to a span (`[the docs](…){:target="_blank"}`), which
 *   would show as written: there is nothing here they could set that the
 *   sanitizer keeps;
 * - Markdown inside HTML blocks marked `markdown="1"` (kramdown's, and Python
 *   Markdown's): CommonMark reads an HTML block as raw HTML up to a blank line,
 *   which showed `**Note:** see [the docs](…)` as written, so the marked
 *   element's opening and closing tags are set apart by blank lines.
 * Code (fenced blocks, code spans, `pre` and `code`) is left as written: there
 * such markup is the subject.
 */
import { codeLookup, codeRangesOf } from './otherMarkup.ts';

/** An extension, opening or closing (`{:/}` closes the last one opened), or one that stands alone (`{::options … /}`). */
const extension = /\{::(comment|nomarkdown|options)\b[^}\n]{0,500}?(\/)?\}|\{:\/(comment|nomarkdown)?\}/g;

/** The HTML elements that start a block in CommonMark (its HTML blocks of kind 6), which kramdown reads Markdown in when marked. */
const blockTags =
  'address|article|aside|blockquote|center|details|dialog|dd|div|dl|dt|fieldset|figcaption|figure|footer|form|header|li|main|nav|ol|section|summary|table|td|th|ul';
const blockTag = new RegExp(`<(/?)(${blockTags})\\b((?:"[^"]{0,1000}"|'[^']{0,1000}'|[^'">]){0,2000})>`, 'gi');
const markdownAttribute = /\s+markdown\s*=\s*(?:"(?:1|block)"|'(?:1|block)'|(?:1|block)(?=[\s/>]|$))/i;

/** An attribute list right after a span (a link, an emphasis, code, an HTML element); not an extension or a closing. */
const spanAttributes = /(?<=[)\]*_`>])\{:(?![:/])[^}\n]{0,500}\}/g;

export function convertKramdown(markdown: string): string {
  if (!markdown.includes('{:') && !/\smarkdown\s*=/i.test(markdown)) return markdown;
  return setMarkdownBlocksApart(withoutExtensions(withoutSpanAttributes(markdown)));
}

/** Where the text holds code: found again by each step, as the one before moved what follows its changes. */
const codeIn = (markdown: string): ((index: number) => boolean) => codeLookup(codeRangesOf(markdown));

function withoutSpanAttributes(markdown: string): string {
  if (!markdown.includes('{:')) return markdown;
  const inCode = codeIn(markdown);
  return markdown.replace(spanAttributes, (whole: string, index: number) => (inCode(index) ? whole : ''));
}

/** The text without kramdown's extensions: comments dropped, `nomarkdown` kept as what it holds. */
function withoutExtensions(markdown: string): string {
  if (!markdown.includes('{::')) return markdown;
  const inCode = codeIn(markdown);
  let result = '';
  let from = 0;
  // The extension open at this point, if any: a comment's text is dropped up to its closing.
  let comment: number | undefined;
  for (const match of markdown.matchAll(extension)) {
    if (inCode(match.index)) continue;
    const [whole, opened, standsAlone, closed] = match;
    const end = match.index + whole.length;
    if (comment !== undefined) {
      // Only a comment's own closing ends it (kramdown's `{:/}` too); what is inside is not read.
      if (opened === undefined && (closed === undefined || closed === 'comment')) {
        from = end;
        comment = undefined;
      }
      continue;
    }
    result += markdown.slice(from, match.index);
    from = end;
    if (opened === 'comment' && standsAlone === undefined) comment = match.index;
  }
  // A comment never closed: kramdown reads it to the end, and so does a reader of this text; it is kept as text.
  if (comment !== undefined) from = comment;
  return result + markdown.slice(from);
}

/**
 * Each block element marked `markdown="1"` with its tags set apart by blank lines, the mark removed. Tags are matched
 * in one pass with a stack (of each name apart), so that hostile nesting costs no more than its length.
 */
function setMarkdownBlocksApart(markdown: string): string {
  if (!/\smarkdown\s*=/i.test(markdown)) return markdown;
  const inCode = codeIn(markdown);
  const edits: { at: number; end: number; text: string }[] = [];
  const open = new Map<string, boolean[]>();
  for (const match of markdown.matchAll(blockTag)) {
    if (inCode(match.index)) continue;
    const [whole, slash, rawName, attributes] = match;
    const name = rawName!.toLowerCase();
    const stack = open.get(name) ?? open.set(name, []).get(name)!;
    const end = match.index + whole.length;
    if (slash === '') {
      const marked = markdownAttribute.test(attributes!);
      if (attributes!.trimEnd().endsWith('/')) continue;
      stack.push(marked);
      if (marked) edits.push({ at: match.index, end, text: `${whole.replace(markdownAttribute, '')}\n\n` });
    } else if (stack.pop() === true) {
      edits.push({ at: match.index, end, text: `\n\n${whole}` });
    }
  }
  let result = '';
  let from = 0;
  for (const edit of edits) {
    result += markdown.slice(from, edit.at) + edit.text;
    from = edit.end;
  }
  return result + markdown.slice(from);
}
