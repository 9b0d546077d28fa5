/**
 * Links and images of a body that point inside the archive: at another post
 * (by its address on the old site, its file, or a generator's reference such
 * as `{% post_url %}`), or at an image in the content folder. Which article
 * or file they mean is known only once every file is read, so here each one
 * is recorded as a reference (what it was written as, the keys that may
 * name its target, and an address on the original site to fall back on) and
 * its URL becomes a token, which `links/resolveLinks.ts` replaces once the
 * whole archive is known. Everything else is resolved here: absolute URLs
 * stay, relative ones on an article from elsewhere resolve against it.
 */
import path from 'node:path';
import type { Element, Root } from 'hast';
import { decodeHTMLAttribute, escapeText } from 'entities';
import type { VFile } from 'vfile';
import { forEachElement } from './walk.ts';
import { pictureAsText, withoutTrailingSpaces } from './wellFormed.ts';
import { articleFileExtension } from '../load/findContentFiles.ts';

export interface BodyReference {
  /** The link or image as written, for warnings. */
  written: string;
  kind: 'link' | 'image';
  /** What may name the target, most likely first: `path:/blog/x/`, `file:posts/x.md`, `post:2010-07-21-x`. */
  keys: string[];
  /** The address on the original site, when it is known: used when nothing in the archive answers. */
  fallback?: string | undefined;
  /** A `#part` of the target page, kept on the link. */
  fragment?: string | undefined;
}

/** Where a body's links point from: what `markReferences` needs to know of its article. */
export interface ReferenceContext {
  /** The original article's URL (an imported item): relative links resolve against it. */
  link?: string | undefined;
  /** The site the archive came from (`origin` in site.yaml). */
  origin?: string | undefined;
  /** The article's address on that site: relative links of a post from another generator resolve against it. */
  oldPath?: string | undefined;
  /** The article's file, in the content folder: file references resolve against its folder. */
  contentPath?: string | undefined;
}

/** Converted generator markup names its targets with this scheme (see `otherMarkup.ts`): `news-archive:post/2010-07-21-x`. */
export const referenceScheme = 'news-archive:';
const tokenPrefix = 'https://news-archive.invalid/reference/';
export const referenceToken = (index: number): string => `${tokenPrefix}${index}`;
export const isReferenceToken = (url: string): boolean => url.startsWith(tokenPrefix);
/** Elements with a token, as the HTML is written: `<a href="…/reference/3"` or `<img src="…/reference/4"`. */
export const tokenElementPattern = /<(a href|img src)="https:\/\/news-archive\.invalid\/reference\/(\d+)"/g;

const scheme = /^[a-z][a-z0-9+.-]*:/i;
/** Whether a URL names a scheme, as URL parsers read it: they drop tabs and line breaks anywhere (`jav&#9;ascript:`). */
export const hasScheme = (url: string): boolean => scheme.test(url.replace(/[\t\n\r]/g, ''));

/** `a/b/../c` → `a/c`; undefined when the path leaves the content folder. */
function inContent(folder: string, relative: string): string | undefined {
  const joined = path.posix.normalize(relative.startsWith('/') ? relative.slice(1) : path.posix.join(folder, relative));
  return joined.startsWith('../') || joined === '..' || joined.startsWith('/') ? undefined : joined.replace(/^\.\//, '');
}

const safeDecode = (value: string): string => {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
};

/** The reference a URL of a body makes, or undefined when it needs none (absolute elsewhere, in-page, mail). */
export function referenceOf(url: string, kind: BodyReference['kind'], context: ReferenceContext): BodyReference | undefined {
  const folder = context.contentPath ? path.posix.dirname(context.contentPath) : '.';
  if (url.startsWith(referenceScheme)) {
    const [type, ...rest] = url.slice(referenceScheme.length).split('/');
    const [target = '', fragment] = safeDecode(rest.join('/')).split('#');
    const files =
      type === 'post'
        ? []
        : type === 'file'
          ? [inContent('.', target)] // Jekyll's `{% link %}`: from the site's root.
          : [inContent(folder, target), inContent('.', target)]; // Hugo's `ref`: from the page, then the content folder.
    const keys =
      type === 'post' ? [`post:${path.posix.basename(target)}`] : [...new Set(files.filter((file) => file !== undefined))].map((file) => `file:${file}`);
    return { written: url.slice(referenceScheme.length), kind, keys, ...(fragment ? { fragment } : {}) };
  }
  // Zola's internal links name the file from the content folder: `@/blog/post.md#part`.
  if (url.startsWith('@/')) {
    const [target = '', fragment] = safeDecode(url.slice(2)).split('#');
    const file = inContent('.', target);
    return { written: url, kind, keys: file === undefined ? [] : [`file:${file}`], ...(fragment ? { fragment } : {}) };
  }
  const origin = context.origin && URL.canParse(context.origin) ? new URL(context.origin) : undefined;
  // A scheme, `jav&#9;ascript:` included, is the sanitizer's to judge.
  if (hasScheme(url) || url.startsWith('//')) {
    const absolute = url.startsWith('//') ? `https:${url}` : url;
    if (!origin || !URL.canParse(absolute)) return undefined;
    const parsed = new URL(absolute);
    // A link to the original site may be a link to one of its posts, which the archive now holds.
    if (parsed.host !== origin.host || !/^https?:$/.test(parsed.protocol)) return undefined;
    return { written: url, kind, keys: withoutSitePath(origin, [`path:${parsed.pathname}`]), fallback: parsed.href };
  }
  const [, pathPart = '', suffix = ''] = /^([^?#]*)(.*)$/s.exec(url) ?? [];
  const fragment = /#(.+)$/s.exec(suffix)?.[1];
  const decoded = safeDecode(pathPart);
  const keys: string[] = [];
  const file = decoded === '' ? undefined : inContent(folder, decoded);
  if (file !== undefined && (kind === 'image' || articleFileExtension.test(file))) keys.push(`file:${file}`);
  const page = context.oldPath ?? '/';
  const onOldSite = new URL(url, `https://old.invalid${page}`);
  if (kind === 'link') keys.push(`path:${onOldSite.pathname}`);
  // Where it pointed on the original site: the site an article came from, else the article's own page.
  const base = context.origin && context.oldPath ? new URL(context.oldPath, context.origin).href : (context.link ?? context.origin);
  const fallback = base && URL.canParse(url, base) ? new URL(url, base) : undefined;
  // Put in place after the sanitizer has run: only ever a web address.
  const safeFallback = fallback && /^https?:$/.test(fallback.protocol) ? fallback.href : undefined;
  return { written: decoded + suffix, kind, keys: withoutSitePath(origin, keys), fallback: safeFallback, ...(fragment === undefined ? {} : { fragment }) };
}

/**
 * A site published below a path (a GitHub Pages project site, `origin: https://user.github.io/harbour/`) wrote its
 * links with that path (`/harbour/2020/01/03/two.html`), while its posts' addresses and files are named without it:
 * each such key is also looked for without it, after the key as written.
 */
function withoutSitePath(origin: URL | undefined, keys: readonly string[]): string[] {
  const sitePath = origin?.pathname.replace(/\/*$/, '/') ?? '/';
  if (sitePath === '/') return [...keys];
  const inContentPath = sitePath.slice(1);
  const shorter = keys.flatMap((key) => {
    if (key.startsWith(`path:${sitePath}`)) return [`path:/${key.slice(`path:${sitePath}`.length)}`];
    if (key.startsWith(`file:${inContentPath}`)) return [`file:${key.slice(`file:${inContentPath}`.length)}`];
    return [];
  });
  return [...new Set([...keys, ...shorter])];
}

const referenceProperties = [
  ['href', 'link'],
  ['src', 'image'],
] as const;

/**
 * Records every reference of the body in `file.data.references` and puts its token in its place; runs before
 * the sanitizer, which keeps the token (an https URL) and judges every other URL.
 */
export function markReferences() {
  return (tree: Root, file: VFile) => {
    const context = file.data.referenceContext ?? {};
    const references: BodyReference[] = [];
    forEachElement(tree, (node: Element) => {
      for (const [name, kind] of referenceProperties) {
        const value = node.properties[name];
        if (typeof value !== 'string') continue;
        const url = value.trim();
        if (url === '' || url.startsWith('#')) continue;
        // `img` and `a` only: a `src` elsewhere (`iframe`, `audio`) is the sanitizer's to refuse.
        if ((kind === 'image' && node.tagName !== 'img') || (kind === 'link' && node.tagName !== 'a')) continue;
        const reference = referenceOf(url, kind, context);
        if (!reference) {
          if (url.startsWith('//')) node.properties[name] = `https:${url}`;
          continue;
        }
        // First of its attributes, so that the element as written begins with its token: `<a href="…/reference/3"`.
        const { [name]: _written, ...others } = node.properties;
        node.properties = { [name]: referenceToken(references.length), ...others };
        references.push(reference);
      }
    });
    file.data.bodyReferences = references;
  };
}

/** What a reference came to: a URL (on the site, or `external`), or nothing found. */
export type Resolution = { url: string; external: boolean } | undefined;

/** Each token's element gets its URL, or, unresolved, is replaced by what it shows: a link by its text, an image by its description. */
export function replaceTokens(html: string, resolutions: readonly Resolution[]): string {
  // Images first: one may be inside a link that is replaced by its content.
  return replaceTokensOf(replaceTokensOf(html, resolutions, 'img src'), resolutions, 'a href');
}

/** A body on its own, with no archive to look in: each reference goes to its address on the original site, or is shown as text. */
export const resolvedAlone = (html: string, references: readonly BodyReference[]): string =>
  references.length === 0
    ? html
    : replaceTokens(
        html,
        references.map((reference) => (reference.fallback === undefined ? undefined : { url: reference.fallback, external: true })),
      );

/** The end of the start tag that begins at `start`: the first `>` outside a quoted value (values are always double-quoted). */
function endOfTag(html: string, start: number): number {
  let quoted = false;
  for (let i = start; i < html.length; i += 1) {
    if (html[i] === '"') quoted = !quoted;
    else if (html[i] === '>' && !quoted) return i + 1;
  }
  return html.length;
}

function replaceTokensOf(html: string, resolutions: readonly Resolution[], element: 'a href' | 'img src'): string {
  let result = '';
  let from = 0;
  for (const match of html.matchAll(tokenElementPattern)) {
    const start = match.index;
    if (start < from || match[1] !== element) continue;
    const end = endOfTag(html, start);
    const isLink = match[1] === 'a href';
    const found = resolutions[Number(match[2])];
    // These URLs are put in after the sanitizer: ours (relative) or web addresses, nothing else, whoever made them.
    const resolution = found && (/^https?:\/\//i.test(found.url) || !/^[^/?#]*:/.test(found.url.replace(/[\t\n\r]/g, ''))) ? found : undefined;
    const attributes = html.slice(start + match[0].length, end);
    const between = html.slice(from, start);
    from = end;
    if (!resolution && !isLink) {
      const after = html[end] ?? '';
      const alt = /\salt="([^"]*)"/.exec(attributes)?.[1];
      const shown = escapeText(pictureAsText(alt ? decodeHTMLAttribute(alt) : '', between.at(-1) ?? result.at(-1) ?? '', after));
      // Nothing shown before a line's end: the spaces before it would end the line (as the tree's own are taken off).
      result += (shown === '' && /^[\r\n]/.test(after) ? withoutTrailingSpaces(between) : between) + shown;
      continue;
    }
    result += between;
    if (resolution) {
      const rel = isLink && resolution.external ? ' rel="nofollow noopener noreferrer"' : '';
      result += `<${match[1]}="${escapeAttributeValue(resolution.url)}"${rel}${attributes}`;
    } else if (isLink) {
      // Links never nest, and text never holds a raw `</a>`: the next one closes this link.
      const close = html.indexOf('</a>', end);
      if (close !== -1) {
        result += html.slice(end, close);
        from = close + '</a>'.length;
      }
    }
  }
  return result + html.slice(from);
}

const escapeAttributeValue = (value: string): string => value.replaceAll('&', '&#x26;').replaceAll('"', '&#x22;');
