/**
 * What the sanitizer keeps, made well-formed for its place. Removing an
 * element can leave its parts behind (a `caption` whose table went, an `li`
 * under a `div`), bodies put paragraphs in headings, and a link whose
 * address was refused is no link at all. Each is unwrapped into its content,
 * so no text is lost and every page stays valid HTML.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { append } from '../append.ts';
import { forEachNode } from './walk.ts';
import type { VFile } from 'vfile';

/** Elements that belong only inside one of these parents. */
const parentsOf: Record<string, readonly string[]> = {
  li: ['ul', 'ol', 'menu'],
  dt: ['dl', 'div'],
  dd: ['dl', 'div'],
  caption: ['table'],
  thead: ['table'],
  tbody: ['table'],
  tfoot: ['table'],
  tr: ['table', 'thead', 'tbody', 'tfoot'],
  td: ['tr'],
  th: ['tr'],
  figcaption: ['figure'],
  summary: ['details'],
  rp: ['ruby'],
  rt: ['ruby'],
};

/** Flow content that phrasing-only parents (headings, paragraphs, inline elements) cannot hold. */
const blocks = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'details',
  'div',
  'dl',
  'figure',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'ol',
  'p',
  'pre',
  'section',
  'table',
  'ul',
]);
const phrasingOnly = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'a', 'b', 'strong', 'i', 'em', 'span', 'small', 'cite', 'q', 'sub', 'sup', 'code']);

/** Elements whose children can only be of some kinds; anything else is wrapped in the first of them. */
const childrenOf: Record<string, readonly string[]> = {
  ul: ['li'],
  ol: ['li'],
  menu: ['li'],
  dl: ['dt', 'dd', 'div'],
};

const isElement = (node: RootContent | ElementContent): node is Element => node.type === 'element';

/**
 * Spaces put where something that stood on its own (a block, a cell) was unwrapped:
 * browsers show its words apart from their neighbours', and so must the page and its text. Known by identity, so
 * that one next to white space adds none.
 */
const separators = new WeakSet<ElementContent>();
const separator = (): ElementContent => {
  const node: ElementContent = { type: 'text', value: ' ' };
  separators.add(node);
  return node;
};

/** Table parts that hold only rows or cells, and white space between them. */
const rowsOrCells = new Set(['thead', 'tbody', 'tfoot', 'tr']);

/** Text that is only white space between table parts or list items: kept out of places that allow none. */
const whiteSpaceOnly = (node: ElementContent): boolean => node.type === 'text' && node.value.trim() === '';

function repairChildren(parent: Root | Element, phrasingContext: boolean): void {
  const repaired: ElementContent[] = [];
  const parentName = parent.type === 'element' ? parent.tagName : undefined;
  // A stack, last child on top: what an unwrapped element held is looked at again, in this parent's place.
  const pending = (parent.children as ElementContent[]).toReversed();
  while (pending.length > 0) {
    const child = pending.pop()!;
    if (!isElement(child)) {
      repaired.push(child);
      continue;
    }
    const name = child.tagName;
    // Classes the sanitizer refused leave an empty list behind, which would be written as `class=""`.
    if (Array.isArray(child.properties.className) && child.properties.className.length === 0) delete child.properties.className;
    const allowedParents = parentsOf[name];
    const orphaned = allowedParents !== undefined && (parentName === undefined || !allowedParents.includes(parentName));
    // A link whose address the sanitizer refused, or a block where only phrasing may be.
    const misplacedBlock = phrasingContext && blocks.has(name);
    if (!orphaned && !misplacedBlock && !(name === 'a' && typeof child.properties.href !== 'string')) {
      repairChildren(child, phrasingContext || phrasingOnly.has(name));
      if (name === 'a') nameLink(child);
      // A heading with nothing in it (`#####` alone on a line) heads nothing, and is not valid HTML.
      if (!/^h[1-6]$/.test(name) || hasContent(child)) repaired.push(child);
      continue;
    }
    // A block in a heading or a paragraph reads as its own line, and so does an orphaned part (a cell, an item, a
    // caption; not a ruby annotation, which sits beside its text): spaces keep its words apart from its neighbours'.
    const ownLine = misplacedBlock || (orphaned && name !== 'rp' && name !== 'rt');
    // White space between a row's cells or a section's rows is layout; inside an item or a cell, it parts words.
    const content = name === 'hr' ? [] : child.children.filter((node) => !(orphaned && rowsOrCells.has(name) && whiteSpaceOnly(node)));
    const unwrapped = ownLine ? [separator(), ...content, separator()] : content;
    // One by one: spread as arguments, an element of 300,000 children overflowed the stack.
    for (let i = unwrapped.length - 1; i >= 0; i -= 1) pending.push(unwrapped[i]!);
  }
  const allowedChildren = parentName === undefined ? undefined : childrenOf[parentName];
  const merged = mergeTexts(repaired);
  parent.children = allowedChildren ? wrapStrayChildren(merged, allowedChildren) : parentName === 'figure' ? captionLast(merged) : merged;
}

/** Text next to text, as unwrapping leaves it, is one text: as a parser reads the output back. A separator next to white space adds none. */
function mergeTexts(children: ElementContent[]): ElementContent[] {
  const merged: ElementContent[] = [];
  let endsWithSeparator = false;
  for (const child of children) {
    const last = merged.at(-1);
    const isSeparator = separators.has(child);
    if (child.type === 'text' && last?.type === 'text') {
      if (isSeparator && /\s$/.test(last.value)) continue;
      const kept = endsWithSeparator && /^\s/.test(child.value) ? last.value.slice(0, -1) : last.value;
      merged[merged.length - 1] = { type: 'text', value: kept + child.value };
    } else merged.push(child);
    endsWithSeparator = isSeparator;
  }
  return merged;
}

/**
 * A link says where it goes: one that shows nothing gets its address as text; one that shows only
 * pictures without a description gets its address as its accessible name.
 */
function nameLink(link: Element): void {
  if (hasText(link)) return;
  if (typeof link.properties.ariaLabel === 'string' && link.properties.ariaLabel.trim() !== '') return;
  if (hasContent(link)) link.properties.ariaLabel = String(link.properties.href);
  else link.children.push({ type: 'text', value: String(link.properties.href) });
}

/** Whether an element holds words: text that is not blank, or a described image. */
function hasText(node: Element): boolean {
  return node.children.some((child) =>
    child.type === 'text'
      ? child.value.trim() !== ''
      : isElement(child) && (child.tagName === 'img' ? typeof child.properties.alt === 'string' && child.properties.alt.trim() !== '' : hasText(child)),
  );
}

/** A figure has one caption, first or last: a caption in the middle goes last, any other is unwrapped. */
function captionLast(children: ElementContent[]): ElementContent[] {
  const captions = children.filter((child) => isElement(child) && child.tagName === 'figcaption') as Element[];
  if (captions.length === 0) return children;
  const elements = children.filter(isElement);
  const [kept, ...extra] = captions;
  const inPlace = extra.length === 0 && (elements[0] === kept || elements.at(-1) === kept);
  if (inPlace) return children;
  return [...children.flatMap((child) => (child === kept ? [] : extra.includes(child as Element) ? (child as Element).children : [child])), kept!];
}

/** A list's text and other elements, which browsers show inside it, each run made one item of it (`li`, or `dd` in a `dl`). */
function wrapStrayChildren(children: ElementContent[], allowed: readonly string[]): ElementContent[] {
  const result: ElementContent[] = [];
  let stray: ElementContent[] = [];
  const flush = () => {
    if (stray.some((node) => !whiteSpaceOnly(node) && node.type !== 'comment')) {
      result.push({ type: 'element', tagName: allowed[0] === 'li' ? 'li' : 'dd', properties: {}, children: stray });
    } else append(result, stray);
    stray = [];
  };
  for (const child of children) {
    if (isElement(child) && allowed.includes(child.tagName)) {
      flush();
      result.push(child);
    } else stray.push(child);
  }
  flush();
  return result;
}

/** Whether an element shows something: text that is not blank, or an image. */
function hasContent(node: Element): boolean {
  return node.children.some((child) =>
    child.type === 'text' ? child.value.trim() !== '' : isElement(child) && (child.tagName === 'img' || hasContent(child)),
  );
}

/**
 * A picture that is not shown, as text: its description, or nothing. It stood between the words on either side:
 * a space still does, where a letter or digit is on that side (`before`, `after`: the characters beside it);
 * punctuation keeps to its word (`a map.`, not `a map .`). Here for refused pictures, and in `references.ts` for
 * those that lead nowhere.
 */
export function pictureAsText(alt: string, before: string, after: string): string {
  const wordBefore = /[\p{L}\p{N}]/u.test(before);
  const wordAfter = /[\p{L}\p{N}]/u.test(after);
  if (alt) return `${wordBefore ? ' ' : ''}${alt}${wordAfter ? ' ' : ''}`;
  return wordBefore && wordAfter ? ' ' : '';
}

const isUnshownImage = (node: RootContent | ElementContent): node is Element =>
  node.type === 'element' && node.tagName === 'img' && typeof node.properties.src !== 'string';

/**
 * Images without an address (refused by the sanitizer) show their description as text, or nothing
 * (`pictureAsText`). Each parent's children are made again in one pass: a splice per image took the square of
 * their number (40,000 in a paragraph, 5.8 s).
 */
function imagesWithSources(tree: Root): void {
  const parents = new Set<Root | Element>();
  forEachNode(tree, (node, parent) => {
    if (isUnshownImage(node)) parents.add(parent);
  });
  for (const parent of parents) {
    const siblings = parent.children as ElementContent[];
    const kept: ElementContent[] = [];
    siblings.forEach((node, index) => {
      if (!isUnshownImage(node)) {
        kept.push(node);
        return;
      }
      const before = kept.at(-1);
      const after = siblings[index + 1];
      const alt = typeof node.properties.alt === 'string' ? node.properties.alt.trim() : '';
      const shown = pictureAsText(alt, before?.type === 'text' ? (before.value.at(-1) ?? '') : '', after?.type === 'text' ? (after.value[0] ?? '') : '');
      if (shown) kept.push({ type: 'text', value: shown });
    });
    parent.children = kept;
  }
}

/**
 * Blocks the schema does not know, as the blocks it does: unwrapped, their words would run into their
 * neighbours' (`<center>Breaking</center>News`), where browsers show them on lines of their own.
 */
const knownBlockFor: Record<string, string> = {
  address: 'div',
  article: 'div',
  aside: 'div',
  center: 'div',
  fieldset: 'div',
  footer: 'div',
  form: 'div',
  header: 'div',
  hgroup: 'div',
  legend: 'div',
  main: 'div',
  nav: 'div',
  search: 'div',
  dir: 'ul',
  menu: 'ul',
  listing: 'pre',
  // Browsers show what these hold as it is written, markup and all: the parser made it one text, which a pre shows.
  xmp: 'pre',
  plaintext: 'pre',
};

const tableParts = new Set(['table', 'thead', 'tbody', 'tfoot', 'tr']);

/** Whether the HTML may hold one of them: most bodies hold none, and a walk over every node costs more than this look. */
const mayHoldUnknownBlocks = new RegExp(`<(?:${Object.keys(knownBlockFor).join('|')})\\b`, 'i');

export function blocksAsKnownBlocks() {
  return (tree: Root, file: VFile) => {
    if (!mayHoldUnknownBlocks.test(String(file.value))) return;
    forEachNode(tree, (element, parent) => {
      if (element.type !== 'element' || !Object.hasOwn(knownBlockFor, element.tagName)) return;
      // Parsers put a form met inside a table there, empty: a div cannot be, so it is left to be unwrapped.
      if (parent.type === 'element' && tableParts.has(parent.tagName)) return;
      // What any element may say about itself stays; a form's own attributes (`action`, `method`) would be invalid on a div.
      const { id, lang, dir, title, className } = element.properties;
      element.properties = { id, lang, dir, title, className, ...(element.tagName === 'center' ? { align: 'center' } : {}) };
      element.tagName = knownBlockFor[element.tagName]!;
    });
  };
}

/** Table cells and paragraphs aligned by `align` or by a `text-align` style: the same, as a class the stylesheet knows (the CSP allows no inline style). */
export function alignmentAsClass() {
  const aligned = new Set(['td', 'th', 'p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'caption']);
  const visitAll = (node: Root | Element) => {
    for (const child of node.children) {
      if (!isElement(child)) continue;
      if (aligned.has(child.tagName)) {
        const style = typeof child.properties.style === 'string' ? child.properties.style : '';
        const alignment = String(child.properties.align ?? /text-align\s*:\s*(left|center|right)/i.exec(style)?.[1] ?? '').toLowerCase();
        delete child.properties.align;
        if (['left', 'center', 'right'].includes(alignment)) {
          const classes = Array.isArray(child.properties.className) ? child.properties.className : [];
          child.properties.className = [...classes.map(String), `align-${alignment}`];
        }
      }
      visitAll(child);
    }
  };
  return (tree: Root) => visitAll(tree);
}

/**
 * A line without the spaces and tabs at its end. Counted back by hand: `/[ \t]+$/` (or `[ \t]+\n`) tries every space of
 * a long run that no line end follows, and a hostile run of 100,000 took 8 s.
 */
export function withoutTrailingSpaces(line: string): string {
  let end = line.length;
  while (end > 0 && (line[end - 1] === ' ' || line[end - 1] === '\t')) end -= 1;
  return end === line.length ? line : line.slice(0, end);
}

export function wellFormed() {
  return (tree: Root) => {
    imagesWithSources(tree);
    repairChildren(tree, false);
    // Spaces at the end of a line show nothing, and are an error to HTML checkers.
    forEachNode(tree, (node) => {
      if (node.type === 'text' && /[ \t]\n/.test(node.value)) {
        // Each line but the last, whose spaces part it from what follows.
        const lines = node.value.split('\n');
        node.value = lines.map((line, index) => (index < lines.length - 1 ? withoutTrailingSpaces(line) : line)).join('\n');
      }
      // A parser drops the newline that opens a pre: one more keeps a text that opens with one (an xmp's, or a pre's
      // second) as it showed, and the page the same when it is read again.
      const first = node.type === 'element' && node.tagName === 'pre' ? node.children[0] : undefined;
      if (first?.type === 'text' && first.value.startsWith('\n')) first.value = `\n${first.value}`;
    });
  };
}
