/**
 * Turns an article body (HTML or Markdown, written by anyone) into HTML that
 * is safe to put on a page, plus its plain text for summaries, reading time
 * and search.
 *
 * Other generators' markup is converted first (`otherMarkup.ts`, and
 * WordPress's shortcodes in posts exported from it, `wordpress.ts`), and
 * Markdown becomes HTML (kramdown's dialect made plain, `kramdown.ts`, then
 * markdown-it, `markdown.ts`); from there both formats
 * take the same steps: the HTML read once, as browsers read it
 * (`parseHtml.ts`), images recovered, embedded media made links (`embeds.ts`), links and images into the archive
 * recorded as references (`references.ts`) and other relative URLs resolved
 * against the original article, rehype-sanitize with the news schema (the
 * last step that sees untrusted markup), what it kept made well-formed
 * (`wellFormed.ts`), then our own additions to links and images. Sanitizing the output again changes
 * nothing: it is HTML that parses back into the same tree.
 */
import type { Element, Root } from 'hast';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { detectFormat, type ArticleFormat } from '../schema/article.ts';
import { dropUnprintable } from '../schema/fields.ts';
import { embedsAsLinks } from './embeds.ts';
import { recoverImages } from './images.ts';
import { convertKramdown } from './kramdown.ts';
import { markdownToHtml, maxNesting as markdownMaxNesting } from './markdown.ts';
import { convertOtherMarkup } from './otherMarkup.ts';
import { convertWordPressShortcodes } from './wordpress.ts';
import { parseHtmlFragment } from './parseHtml.ts';
import { hasScheme, isReferenceToken, markReferences, resolvedAlone, type BodyReference, type ReferenceContext } from './references.ts';
import { newsSchema } from './schema.ts';
import { shortened } from '../problems.ts';
import { visibleText } from './visibleText.ts';
import { forEachElement, forEachNode } from './walk.ts';
import { alignmentAsClass, blocksAsKnownBlocks, wellFormed } from './wellFormed.ts';

export interface SanitizedBody {
  format: ArticleFormat;
  /** With `keepReferences`, links and images into the archive stand as tokens, replaced once every article is known. */
  html: string;
  references: BodyReference[];
  /** Other generators' markup that no converter knows, left as text (`otherMarkup.ts`). */
  unconverted: string[];
  /** Links and pictures whose address is refused (a scheme other than http(s), or mailto for a link), each as `link "tel:…"`. */
  unkeptAddresses: string[];
  /** Text readers would see that is not on the page: each element the sanitizer removes whole as `<name> "text"`, Markdown nested too deep to read. */
  unkeptText: string[];
  /** The text a reader sees, paragraphs separated by blank lines. */
  text: string;
  wordCount: number;
}

export interface SanitizeOptions extends ReferenceContext {
  /** `html` or `markdown`; guessed from the body when not given. */
  format?: ArticleFormat | undefined;
  /**
   * Leave links and images into the archive as tokens, with their `references`, for the links stage to
   * resolve against every article (`links/resolveLinks.ts`). Otherwise the body is finished on its own:
   * each goes to its address on the original site, or is shown as text.
   */
  keepReferences?: boolean | undefined;
  /** Pictures from other sites become links to them (`remoteImages: block`): the page loads nothing from elsewhere. */
  blockRemoteImages?: boolean | undefined;
}

const urlProperties = ['href', 'src', 'cite', 'longDesc'] as const;

/**
 * The URLs left after links and images (a quote's `cite`, a `longdesc`):
 * relative ones made absolute against the original article, or dropped when
 * there is none, as on our site they would point at pages that do not exist.
 * Runs before the sanitizer, which then checks the resulting scheme.
 */
function resolveRelativeUrls() {
  return (tree: Root, file: VFile) => {
    const base = typeof file.data.baseUrl === 'string' ? file.data.baseUrl : undefined;
    forEachElement(tree, (node: Element) => {
      for (const name of urlProperties) {
        const value = node.properties[name];
        if (typeof value !== 'string') continue;
        const url = value.trim();
        if (hasScheme(url) || url.startsWith('#')) continue;
        if (url.startsWith('//')) node.properties[name] = `https:${url}`;
        else if (base && URL.canParse(url, base)) node.properties[name] = new URL(url, base).href;
        else delete node.properties[name];
      }
    });
  };
}

/**
 * The sanitizer prefixes ids and names (`id="main"` → `id="user-content-main"`)
 * so content cannot clobber the page's own. Taking an existing prefix off
 * first makes sanitizing idempotent, and in-page links (`#note`) are given
 * the prefix too, so footnotes and tables of contents keep working.
 */
const clobberPrefix = newsSchema.clobberPrefix ?? 'user-content-';
const clobbered: readonly string[] = ['id', 'name', 'ariaDescribedBy', 'ariaLabelledBy'];
const withoutPrefix = (value: string): string => {
  let result = value;
  while (result.startsWith(clobberPrefix)) result = result.slice(clobberPrefix.length);
  return result;
};

function removeClobberPrefix() {
  return (tree: Root) => {
    forEachElement(tree, (node: Element) => {
      const { properties } = node;
      for (const name of clobbered) {
        const value = properties[name];
        if (typeof value === 'string') properties[name] = withoutPrefix(value);
        else if (Array.isArray(value)) properties[name] = value.map((item) => withoutPrefix(String(item)));
      }
      const href = node.properties.href;
      if (typeof href === 'string' && href.startsWith('#')) node.properties.href = `#${withoutPrefix(href.slice(1))}`;
    });
  };
}

function prefixFragmentLinks() {
  return (tree: Root) => {
    forEachElement(tree, (node: Element) => {
      const href = node.properties.href;
      if (typeof href === 'string' && href.length > 1 && href.startsWith('#')) {
        node.properties.href = `#${clobberPrefix}${href.slice(1)}`;
      }
    });
  };
}

/**
 * Links and images to other sites tell them nothing about us: links get
 * `rel="nofollow noopener noreferrer"`, images load when scrolled to, with
 * no referrer. An image without alternative text is marked decorative
 * (`alt=""`): its content is unknown, and a screen reader would otherwise
 * read out its file name.
 */
/**
 * With `remoteImages: block`, a picture from another site is a link to it, named by its text or its
 * file's name: nothing on the page is loaded from elsewhere, and the picture is one click away.
 */
function remoteImagesAsLinks() {
  return (tree: Root, file: VFile) => {
    if (!file.data.blockRemoteImages) return;
    forEachElement(tree, (node: Element) => {
      const src = node.properties.src;
      if (node.tagName !== 'img' || typeof src !== 'string' || !/^https?:/i.test(src) || isReferenceToken(src)) return;
      const alt = typeof node.properties.alt === 'string' ? node.properties.alt.trim() : '';
      const name = alt || decodeURIComponent(new URL(src).pathname.split('/').pop() ?? '') || new URL(src).hostname;
      node.tagName = 'a';
      node.properties = { href: src, rel: ['nofollow', 'noopener', 'noreferrer'], className: ['remote-picture'] };
      node.children = [{ type: 'text', value: name }];
    });
  };
}

function politeLinksAndImages() {
  return (tree: Root) => {
    forEachElement(tree, (node: Element) => {
      if (
        node.tagName === 'a' &&
        typeof node.properties.href === 'string' &&
        /^https?:/i.test(node.properties.href) &&
        !isReferenceToken(node.properties.href)
      ) {
        node.properties.rel = ['nofollow', 'noopener', 'noreferrer'];
      } else if (node.tagName === 'img') {
        if (typeof node.properties.alt !== 'string') node.properties.alt = '';
        node.properties.loading = 'lazy';
        node.properties.decoding = 'async';
        node.properties.referrerPolicy = 'no-referrer';
      }
    });
  };
}

/**
 * Control characters, raw or written as `&#1;`, reach the tree as text; they
 * are invisible, and a feed carrying one is not XML. Dropped, as from front matter.
 */
function removeUnprintable() {
  return (tree: Root) => {
    forEachNode(tree, (node) => {
      if (node.type === 'text' || node.type === 'comment') node.value = dropUnprintable(node.value);
      else if (node.type === 'element') {
        for (const [name, value] of Object.entries(node.properties)) {
          if (typeof value === 'string') node.properties[name] = dropUnprintable(value);
        }
      }
    });
  };
}

/**
 * Links and pictures whose address the schema refuses: a scheme other than http(s) (or mailto, for a link), as old
 * archives hold `ftp:`, `tel:` and `news:` links and pages write pictures into their HTML as `data:`. Their text or
 * description stays; the address is noted for a warning naming the file, as nothing is dropped silently.
 */
const mayHoldOtherSchemes = /(?:href|src)\s*=\s*["']?\s*(?!https?:|mailto:|#)[a-z][a-z0-9+.-]*:/i;

/** Whether the schema keeps a scheme for a link's `href` or a picture's `src`: its own lists, read once. */
const keptScheme = (attribute: 'href' | 'src'): RegExp => new RegExp(`^(?:${(newsSchema.protocols?.[attribute] ?? []).join('|')}):`, 'i');
const keptLink = keptScheme('href');
const keptPicture = keptScheme('src');

function noteUnkeptAddresses() {
  return (tree: Root, file: VFile) => {
    const unkept: string[] = [];
    file.data.unkeptAddresses = unkept;
    if (!mayHoldOtherSchemes.test(String(file.value))) return;
    forEachElement(tree, (element) => {
      const [kind, value, allowed] =
        element.tagName === 'a'
          ? ['link', element.properties.href, keptLink]
          : element.tagName === 'img'
            ? ['picture', element.properties.src, keptPicture]
            : [];
      if (typeof value !== 'string' || !hasScheme(value) || allowed!.test(value.replace(/[\t\n\r]/g, '').trim())) return;
      unkept.push(`${kind} ${JSON.stringify(shortened(value, 40))}`);
    });
  };
}

/**
 * Elements the schema removes with everything inside them whose text readers do see: a formula, a drawing's
 * labels, what a form field holds. Nothing is dropped silently: each is noted for a warning naming the file.
 */
const removedWithTheirText = new Set(['math', 'svg', 'textarea', 'select']);
const mayHoldRemovedText = /<(?:math|svg|textarea|select)\b/i;

function noteUnkeptText() {
  return (tree: Root, file: VFile) => {
    const unkept: string[] = [];
    file.data.unkeptText = unkept;
    // Most bodies hold none: a look at the HTML instead of a walk over every node.
    if (!mayHoldRemovedText.test(String(file.value))) return;
    forEachElement(tree, (element) => {
      if (!removedWithTheirText.has(element.tagName)) return;
      const parts: string[] = [];
      forEachNode(element, (node) => {
        if (node.type === 'text') parts.push(node.value);
      });
      const text = parts.join(' ').replace(/\s+/g, ' ').trim();
      // One inside another is told by the outer.
      if (text !== '' && !unkept.some((told) => told.includes(text))) unkept.push(`<${element.tagName}> ${JSON.stringify(shortened(text, 60))}`);
    });
  };
}

const processor = unified()
  .use(removeUnprintable)
  .use(recoverImages)
  .use(embedsAsLinks)
  .use(blocksAsKnownBlocks)
  .use(alignmentAsClass)
  .use(markReferences)
  .use(resolveRelativeUrls)
  .use(removeClobberPrefix)
  .use(noteUnkeptText)
  .use(noteUnkeptAddresses)
  .use(rehypeSanitize, newsSchema)
  .use(wellFormed)
  .use(prefixFragmentLinks)
  .use(politeLinksAndImages)
  .use(remoteImagesAsLinks)
  .use(rehypeStringify)
  .freeze();

// A word is a run of letters, marks and digits (with inner apostrophes or
// hyphens); in scripts written without spaces each character counts as one,
// the usual convention for reading time. Intl.Segmenter is exact but about
// 20 times slower, which matters at 100,000 articles.
const unspaced = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Thai}\\p{Script=Lao}\\p{Script=Khmer}\\p{Script=Myanmar}';
const wordPattern = new RegExp(`[${unspaced}]|(?:(?![${unspaced}])[\\p{L}\\p{M}\\p{N}])+(?:['’-](?:(?![${unspaced}])[\\p{L}\\p{M}\\p{N}])+)*`, 'gu');

export function countWords(text: string): number {
  let count = 0;
  wordPattern.lastIndex = 0;
  while (wordPattern.exec(text)) count += 1;
  return count;
}

export function sanitizeBody(body: string, options: SanitizeOptions = {}): SanitizedBody {
  const format = options.format ?? detectFormat(body);
  const { format: _format, keepReferences = false, blockRemoteImages = false, ...referenceContext } = options;
  const templated = convertOtherMarkup(body, format);
  const shortcoded = convertWordPressShortcodes(templated.body, format);
  const converted = { body: shortcoded.body, unconverted: [...templated.unconverted, ...shortcoded.unconverted] };
  const markdown = format === 'markdown' ? markdownToHtml(convertKramdown(converted.body)) : undefined;
  const file = new VFile({
    value: markdown?.html ?? converted.body,
    data: { baseUrl: options.link, referenceContext, blockRemoteImages },
  });
  const tree = processor.runSync(parseHtmlFragment(String(file.value)), file);
  const references = file.data.bodyReferences ?? [];
  const written = String(processor.stringify(tree, file));
  const html = keepReferences ? written : resolvedAlone(written, references);
  const text = visibleText(tree);
  return {
    format,
    html,
    text,
    wordCount: countWords(text),
    references: keepReferences ? references : [],
    unconverted: converted.unconverted,
    unkeptAddresses: file.data.unkeptAddresses ?? [],
    unkeptText: [
      ...(markdown?.nestedTooDeep === undefined ? [] : [`Markdown nested over ${markdownMaxNesting} levels deep ${JSON.stringify(markdown.nestedTooDeep)}`]),
      ...(file.data.unkeptEmbeds ?? []),
      ...(file.data.unkeptText ?? []),
    ],
  };
}
