/**
 * Embedded media as links to what they show: the sanitizer removes frames,
 * players and plugins whole (`iframe`, `video`, `audio`, `object`, `embed`),
 * which took a post's YouTube video, map or recording away without a word.
 * Each becomes a link in its place (a YouTube or Vimeo player, a link to the
 * video's page), as the shortcodes of other generators do (`otherMarkup.ts`);
 * one with no address to link to is noted for a warning naming the file.
 * Runs before sanitizing, which then checks every link as usual.
 */
import type { Element, Root, RootContent } from 'hast';
import type { VFile } from 'vfile';
import { hasScheme } from './references.ts';
import { forEachElement } from './walk.ts';

const embedded = new Set(['iframe', 'video', 'audio', 'object', 'embed']);
const mayHoldEmbeds = /<(?:iframe|video|audio|object|embed)\b/i;

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);

/** The first element below `element`, in document order, that `test` accepts. */
function find(element: Element, test: (child: Element) => boolean): Element | undefined {
  let found: Element | undefined;
  forEachElement(element, (child) => {
    if (found === undefined && test(child)) found = child;
  });
  return found;
}

/** Where an embed's content is: a frame's or player's `src`, a `source` inside, an object's `data` or `movie` parameter. */
function sourceOf(element: Element): string | undefined {
  const own = text(element.properties.src) ?? text(element.properties.data);
  if (own) return own;
  if (element.tagName === 'video' || element.tagName === 'audio') return text(find(element, (child) => child.tagName === 'source')?.properties.src);
  if (element.tagName === 'object') {
    const movie = find(element, (child) => child.tagName === 'param' && /^(?:movie|src|url)$/i.test(String(child.properties.name ?? '')));
    return text(movie?.properties.value) ?? text(find(element, (child) => child.tagName === 'embed')?.properties.src);
  }
  return undefined;
}

/**
 * An address as a link may hold it: http(s), protocol-relative made https, or a path, which the links stage resolves
 * as it does every link's (into the archive, or against the original site). No other scheme.
 */
function linkable(source: string): string | undefined {
  const address = source.startsWith('//') ? `https:${source}` : source;
  if (!hasScheme(address)) return address;
  return /^https?:/i.test(address) && URL.canParse(address) ? new URL(address).href : undefined;
}

/** Elements whose content is a flow of blocks: a link put there stands as a paragraph of its own. */
const blockContainers = new Set([
  'div',
  'section',
  'article',
  'aside',
  'main',
  'header',
  'footer',
  'figure',
  'blockquote',
  'li',
  'dd',
  'td',
  'th',
  'center',
  'details',
]);

const youtube = /^https?:\/\/(?:www\.)?(?:youtube(?:-nocookie)?\.com\/(?:embed|v)\/|youtu\.be\/)([\w-]{6,20})/i;
const vimeo = /^https?:\/\/player\.vimeo\.com\/video\/(\d+)/i;

/** The link an embed becomes: to a video's own page for the players of YouTube and Vimeo, else to what it loads. */
function linkFor(element: Element, url: string): Element {
  const youtubeId = youtube.exec(url)?.[1];
  const vimeoId = vimeo.exec(url)?.[1];
  const page = youtubeId ? `https://www.youtube.com/watch?v=${youtubeId}` : vimeoId ? `https://vimeo.com/${vimeoId}` : url;
  const kind = youtubeId || vimeoId || element.tagName === 'video' ? 'Video' : element.tagName === 'audio' ? 'Audio' : undefined;
  // A frame's title says what it shows ("Map of the harbour"); a player's generic one ("YouTube video player") does not.
  const title = kind === undefined ? text(element.properties.title) : undefined;
  const host = URL.canParse(page) ? new URL(page).host : undefined;
  const label = kind ? `${kind}: ${page}` : title ? `${title}${host ? ` (${host})` : ''}` : `Embedded: ${page}`;
  return { type: 'element', tagName: 'a', properties: { href: page }, children: [{ type: 'text', value: label }] };
}

export function embedsAsLinks() {
  return (tree: Root, file: VFile) => {
    const unkept: string[] = [];
    file.data.unkeptEmbeds = unkept;
    // Most bodies hold none: a look at the HTML instead of a walk over every node.
    if (!mayHoldEmbeds.test(String(file.value))) return;
    // The outermost embeds (an `object`'s `embed` is its own fallback), each in its parent, found without recursion.
    const found: [Element, Root | Element][] = [];
    const stack: [RootContent, Root | Element][] = [...tree.children].reverse().map((child) => [child, tree]);
    while (stack.length > 0) {
      const [node, parent] = stack.pop()!;
      if (node.type !== 'element') continue;
      if (embedded.has(node.tagName)) {
        found.push([node, parent]);
        continue;
      }
      for (let i = node.children.length - 1; i >= 0; i -= 1) stack.push([node.children[i]!, node]);
    }
    // Replaced in one pass per parent: an indexOf for each of thousands in one parent would be quadratic.
    const byParent = new Map<Root | Element, Map<Element, Element | undefined>>();
    for (const [element, parent] of found) {
      const source = sourceOf(element);
      const url = source === undefined ? undefined : linkable(source);
      if (url === undefined) unkept.push(`<${element.tagName}>${source === undefined ? ' with no address' : ` ${JSON.stringify(source.slice(0, 60))}`}`);
      const replacements = byParent.get(parent) ?? byParent.set(parent, new Map()).get(parent)!;
      replacements.set(element, url === undefined ? undefined : linkFor(element, url));
    }
    for (const [parent, replacements] of byParent) {
      parent.children = parent.children.flatMap((child) => {
        if (child.type !== 'element' || !replacements.has(child)) return [child];
        const link = replacements.get(child);
        if (!link) return [];
        const standsAlone = parent.type === 'root' || blockContainers.has(parent.tagName);
        return [standsAlone ? { type: 'element', tagName: 'p', properties: {}, children: [link] } : link];
      }) as typeof parent.children;
    }
  };
}
