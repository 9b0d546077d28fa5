/**
 * Reads HTML the way readers' browsers do. rehype-parse
 * reads it with scripting off, where browsers have it on: there, what a
 * `noscript` holds is text, not elements, and a page that left it unclosed
 * shows nothing after it in a browser, while the parser saw the rest as
 * content. Parsing as browsers do keeps the sanitizer's view and the
 * reader's the same. Source positions are not kept: nothing after parsing
 * uses them, and they cost two thirds of the parse.
 */
import type { Root } from 'hast';
import { fromParse5 } from 'hast-util-from-parse5';
import { parseFragment } from 'parse5';

export const parseHtmlFragment = (html: string): Root => fromParse5(parseFragment(html, { scriptingEnabled: true })) as Root;
