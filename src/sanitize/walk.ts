/**
 * A plain walk over a hast tree, for the passes run on every body. unist-util-visit
 * copies the list of ancestors at every element, which made those passes cost
 * more than parsing and sanitizing together.
 */
import type { Element, Root, RootContent } from 'hast';

/** Calls `each` on every node below `root` in document order, with its parent. Not recursive: bodies may nest deeply. */
export function forEachNode(root: Root | Element, each: (node: RootContent, parent: Root | Element) => void): void {
  const stack: [RootContent, Root | Element][] = [];
  const pushChildren = (parent: Root | Element) => {
    for (let i = parent.children.length - 1; i >= 0; i -= 1) stack.push([parent.children[i]!, parent]);
  };
  pushChildren(root);
  while (stack.length > 0) {
    const [node, parent] = stack.pop()!;
    each(node, parent);
    if (node.type === 'element') pushChildren(node);
  }
}

/** Calls `each` on every element below `root`. */
export function forEachElement(root: Root | Element, each: (element: Element) => void): void {
  forEachNode(root, (node) => {
    if (node.type === 'element') each(node);
  });
}
