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
import { parseFragment, type DefaultTreeAdapterTypes } from 'parse5';

type ParentNode = DefaultTreeAdapterTypes.ParentNode;
type ChildNode = DefaultTreeAdapterTypes.ChildNode;

export const parseHtmlFragment = (html: string): Root => {
  const fragment = parseFragment(html, { scriptingEnabled: true });
  flattenBelow(fragment, maxDepth);
  return fromParse5(fragment) as Root;
};

/**
 * Elements nested deeper than this are laid out side by side, as Chromium's parser lays them out (its limit is the
 * same). Every step after parsing walks the tree by recursion: a hostile body nested tens of thousands deep would
 * overflow the stack, and that article would not build.
 */
const maxDepth = 512;

/** Below `depth`, each element's descendants become its children in document order, each element emptied of them. */
function flattenBelow(root: ParentNode, depth: number): void {
  const stack: [ParentNode, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [node, level] = stack.pop()!;
    if (level >= depth) {
      node.childNodes = inDocumentOrder(node);
      continue;
    }
    for (const child of node.childNodes) {
      if ('childNodes' in child) stack.push([child, level + 1]);
      // A template holds its markup apart, in a fragment of its own, which is converted too.
      if ('content' in child) stack.push([child.content, level + 1]);
    }
  }
}

/** A node's descendants in document order, with no children of their own: their text follows them. */
function inDocumentOrder(node: ParentNode): ChildNode[] {
  const flat: ChildNode[] = [];
  const pending = node.childNodes.toReversed();
  while (pending.length > 0) {
    const child = pending.pop()!;
    child.parentNode = node;
    flat.push(child);
    if ('childNodes' in child) {
      // One by one: spread as arguments, a long list would overflow the stack this is here to spare.
      for (let i = child.childNodes.length - 1; i >= 0; i -= 1) pending.push(child.childNodes[i]!);
      child.childNodes = [];
    }
  }
  return flat;
}
