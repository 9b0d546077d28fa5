/**
 * A plain walk over a hast tree, for the passes run on every body. unist-util-visit
 * copies the list of ancestors at every element, which made those passes cost
 * more than parsing and sanitizing together.
 */
import type { Element, Root, RootContent } from 'hast';

/** Calls `each` on every node below `root`, parents before their children, with the parent. */
export function forEachNode(root: Root | Element, each: (node: RootContent, parent: Root | Element) => void): void {
  const stack: (Root | Element)[] = [root];
  while (stack.length > 0) {
    const parent = stack.pop()!;
    for (const node of parent.children) {
      each(node, parent);
      if (node.type === 'element') stack.push(node);
    }
  }
}

/** Calls `each` on every element below `root`. */
export function forEachElement(root: Root | Element, each: (element: Element) => void): void {
  forEachNode(root, (node) => {
    if (node.type === 'element') each(node);
  });
}
