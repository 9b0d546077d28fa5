/**
 * Images as pages and feeds really write them, made into images the
 * sanitizer can keep: one loaded by a script (`data-src`, with a blank or
 * `data:` placeholder in `src`), one only a `noscript` holds (the fallback
 * of that same pattern), one given only by `srcset`. Runs before sanitizing,
 * which then checks every URL as usual.
 */
import type { Element, ElementContent, Root } from 'hast';
import { parseHtmlFragment } from './parseHtml.ts';
import { forEachElement, forEachNode } from './walk.ts';

/** Where lazy-loading scripts keep an image's real address. */
const lazySources = ['dataSrc', 'dataLazySrc', 'dataOriginal', 'dataUrl', 'dataSrcset', 'dataLazySrcset', 'srcSet'] as const;

/** What a `noscript` holds: with scripting on, its markup is one run of text. */
const markupIn = (node: Element): string => node.children.map((child) => (child.type === 'text' ? child.value : '')).join('');

const isUsableSource = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '' && !/^\s*data:/i.test(value);

/** The first address of a `srcset` (`a.jpg 1x, b.jpg 2x`): any of them shows the image. */
const firstOfSrcset = (value: string): string => value.trim().split(/\s+/)[0]!.replace(/,$/, '');

function giveImageItsSource(image: Element): void {
  if (isUsableSource(image.properties.src)) return;
  for (const name of lazySources) {
    const value = image.properties[name];
    const candidate = Array.isArray(value) ? value.join(' ') : value;
    if (isUsableSource(candidate)) {
      image.properties.src = name.toLowerCase().endsWith('srcset') ? firstOfSrcset(candidate) : candidate.trim();
      return;
    }
  }
}

export function recoverImages() {
  return (tree: Root) => {
    const shown = new Set<string>();
    // Scripting is on, as in readers' browsers: a `noscript` holds its markup as text, never shown.
    // Its images are the page's fallback; one that is not already shown is kept in its place.
    const noscripts: [Element, Root | Element][] = [];
    forEachNode(tree, (node, parent) => {
      if (node.type !== 'element') return;
      if (node.tagName === 'noscript') noscripts.push([node, parent]);
      if (node.tagName !== 'img') return;
      giveImageItsSource(node);
      if (isUsableSource(node.properties.src)) shown.add(node.properties.src.trim());
    });
    for (const [noscript, parent] of noscripts) {
      const fallback: ElementContent[] = [];
      forEachElement(parseHtmlFragment(markupIn(noscript)), (inner) => {
        if (inner.tagName !== 'img') return;
        giveImageItsSource(inner);
        const src = inner.properties.src;
        if (isUsableSource(src) && !shown.has(src.trim())) {
          shown.add(src.trim());
          fallback.push(inner);
        }
      });
      // Not spread as arguments to splice: a hostile noscript of 300,000 pictures would overflow the stack.
      const at = parent.children.indexOf(noscript);
      parent.children = [...parent.children.slice(0, at), ...fallback, ...parent.children.slice(at + 1)];
    }
  };
}
