/**
 * Other generators' template markup in a body, turned into what it means:
 * Hugo shortcodes (`{{< figure src="x.png" >}}`), Liquid tags of Jekyll and
 * Eleventy (`{% highlight ruby %}`, `{% post_url … %}`, `{{ site.baseurl }}`)
 * and Zola's (`{{ youtube(id="…") }}`). A small table of converters, each
 * reading its arguments as data (never a template engine, nothing is
 * evaluated) and writing plain HTML with every value escaped; the sanitizer
 * then judges the result like any other body. Embeds become links, never
 * frames. What no converter knows stays as text, and is reported.
 */
import { escapeAttribute, escapeText } from 'entities';
import { referenceScheme } from './references.ts';

export interface ConvertedMarkup {
  body: string;
  /** Constructs left as they were written, first one first: each file's warning names the first. */
  unconverted: string[];
}

/** A construct's arguments: `name="value"` pairs and positional values, as written (quotes removed). */
interface Arguments {
  named: Map<string, string>;
  positional: string[];
}

export function readArguments(text: string): Arguments {
  const named = new Map<string, string>();
  const positional: string[] = [];
  // `key="value"`, `key='value'`, `key=value`, `key: value` (Liquid filters), or a value alone (an address's `https:` is
  // no key); `,` between Eleventy's.
  const argument =
    /([\w-]+)\s*(?:=|:(?!\/\/))\s*(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|`([^`]*)`|([^\s,"'`]+))|"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|`([^`]*)`|([^\s,"'`=]+)/g;
  for (const match of text.matchAll(argument)) {
    if (match[1] !== undefined) named.set(match[1].toLowerCase(), unescapeQuotes(match[2] ?? match[3] ?? match[4] ?? match[5] ?? ''));
    else positional.push(unescapeQuotes(match[6] ?? match[7] ?? match[8] ?? match[9] ?? ''));
  }
  return { named, positional };
}

const unescapeQuotes = (value: string): string => value.replace(/\\(["'\\])/g, '$1');

const attribute = (name: string, value: string | undefined): string => (value ? ` ${name}="${escapeAttribute(value)}"` : '');

function figure(
  src: string | undefined,
  { alt, caption, link }: { alt?: string | undefined; caption?: string | undefined; link?: string | undefined },
): string {
  if (!src) return '';
  const image = `<img${attribute('src', src)}${attribute('alt', alt ?? '')}>`;
  const linked = link ? `<a${attribute('href', link)}>${image}</a>` : image;
  return `<figure>${linked}${caption ? `<figcaption>${escapeText(caption)}</figcaption>` : ''}</figure>`;
}

const linkTo = (url: string, text: string | undefined): string => `<p><a${attribute('href', url)}>${escapeText(text || url)}</a></p>`;

const codeBlock = (language: string | undefined, code: string): string =>
  `<pre><code${attribute('class', language && /^[\w+#.-]+$/.test(language) ? `language-${language}` : undefined)}>${escapeText(code.replace(/^\n/, '').replace(/\n$/, ''))}</code></pre>`;

const first = (args: Arguments, ...names: string[]): string | undefined => names.map((name) => args.named.get(name)).find((value) => value !== undefined);

/** A reference to a post or file of the archive, resolved once every file is read (`links/resolveLinks.ts`). */
const reference = (type: 'post' | 'file' | 'ref', target: string): string => `${referenceScheme}${type}/${encodeURI(target.trim())}`;

/** What a construct is, for the converters: its name, arguments and, for a pair, what it encloses. */
interface Construct {
  name: string;
  args: Arguments;
  /** The arguments as written. */
  written: string;
  inner?: string | undefined;
}

type Converter = (construct: Construct) => { html: string; block: boolean } | undefined;

const inline = (html: string) => ({ html, block: false });
const block = (html: string) => ({ html, block: true });

const video: Record<string, (id: string) => string> = {
  youtube: (id) => `https://www.youtube.com/watch?v=${encodeURIComponent(id)}`,
  vimeo: (id) => `https://vimeo.com/${encodeURIComponent(id)}`,
  streamable: (id) => `https://streamable.com/${encodeURIComponent(id)}`,
};

/** The embeds and figures Hugo, Jekyll's plugins, Eleventy and Zola ship, by name. */
const converters: Record<string, Converter> = {
  figure: ({ args }) =>
    block(
      figure(first(args, 'src', 'image_path', 'url', 'image', 'file', 'path') ?? args.positional[0], {
        alt: first(args, 'alt', 'description', 'title'),
        caption: first(args, 'caption', 'title', 'description'),
        link: first(args, 'link'),
      }),
    ),
  image: ({ args }) =>
    block(
      figure(first(args, 'src', 'url', 'image', 'image_path', 'file', 'path') ?? args.positional[0], {
        alt: first(args, 'alt', 'description', 'title') ?? args.positional[1],
        caption: first(args, 'caption'),
      }),
    ),
  ...Object.fromEntries(
    Object.entries(video).map(([name, urlOf]) => [
      name,
      ({ args }: Construct) => {
        const id = first(args, 'id') ?? args.positional[0];
        return id ? block(linkTo(urlOf(id), first(args, 'title') ?? `Video: ${urlOf(id)}`)) : undefined;
      },
    ]),
  ),
  gist: ({ args }) => {
    // Jekyll's `{% gist user/id file %}` writes the user and the gist as one.
    const positional = /^[\w-]+\/[\w]+$/.test(args.positional[0] ?? '') ? [...args.positional[0]!.split('/'), ...args.positional.slice(1)] : args.positional;
    const [user, id, file] = [first(args, 'user', 'username') ?? positional[0], first(args, 'id') ?? positional[1], first(args, 'file') ?? positional[2]];
    // Zola's `gist(url=…)` names the whole address; Hugo's and Jekyll's name the user and the gist.
    const whole = first(args, 'url');
    const url =
      whole && /^https:\/\/gist\.github\.com\//.test(whole)
        ? whole
        : user && id
          ? `https://gist.github.com/${encodeURIComponent(user)}/${encodeURIComponent(id)}`
          : undefined;
    if (!url) return undefined;
    return block(linkTo(url + (file ? `#file-${encodeURIComponent(file.replace(/\./g, '-'))}` : ''), `Gist: ${file ?? url}`));
  },
  tweet: ({ args }) => {
    const id = first(args, 'id') ?? args.positional.at(-1);
    const user = first(args, 'user') ?? (args.positional.length > 1 ? args.positional[0] : undefined);
    if (!id || !/^\d+$/.test(id)) return undefined;
    return block(linkTo(`https://x.com/${encodeURIComponent(user ?? 'i/web')}/status/${id}`, 'Post on X'));
  },
  // Hugo's `{{< x user="…" id="…" >}}` (its `tweet` since 0.141).
  x: (construct) => converters.tweet!(construct),
  // Hugo's `{{< details summary="…" >}}…{{< /details >}}`: a disclosure, open or not, as browsers show it.
  details: ({ args, inner }) => {
    if (inner === undefined) return undefined;
    const summary = first(args, 'summary') ?? 'Details';
    return block(
      `<details${args.named.has('open') && args.named.get('open') !== 'false' ? ' open' : ''}><summary>${escapeText(summary)}</summary>\n\n${inner.trim()}\n\n</details>`,
    );
  },
  // jekyll-twitter-plugin: `{% twitter https://twitter.com/user/status/1 %}`.
  twitter: ({ args }) => {
    const url = args.positional.find((value) => /^https:\/\/(?:twitter|x)\.com\//.test(value));
    return url ? block(linkTo(url, 'Post on X')) : undefined;
  },
  instagram: ({ args }) => {
    const id = first(args, 'id') ?? args.positional[0];
    return id ? block(linkTo(`https://www.instagram.com/p/${encodeURIComponent(id)}/`, 'Post on Instagram')) : undefined;
  },
  highlight: ({ args, inner }) => (inner === undefined ? undefined : block(codeBlock(args.positional[0], inner))),
  // Octopress's tags (Jekyll): `{% img [class] /path [width] [height] ["title" ["alt"]] %}`.
  img: ({ args }) => {
    const at = args.positional.findIndex((value) => /^(?:https?:\/\/|\/)|\//.test(value));
    if (at === -1) return undefined;
    const [title, alt] = args.positional.slice(at + 1).filter((value) => !/^\d+$/.test(value));
    return block(figure(args.positional[at], { alt: alt ?? title }));
  },
  // `{% codeblock [title] [lang:ruby] [url] [link text] %}…{% endcodeblock %}`.
  codeblock: ({ args, inner }) => (inner === undefined ? undefined : block(codeBlock(args.named.get('lang'), inner))),
  // `{% blockquote [author[, source]] [link] %}…{% endblockquote %}`: the quote, then who said it.
  blockquote: ({ written, inner }) => {
    if (inner === undefined) return undefined;
    const link = /(?:^|\s)(https?:\/\/\S+)/.exec(written)?.[1];
    const by = (link === undefined ? written : written.slice(0, written.indexOf(link))).trim();
    const credit = by === '' ? '' : `<p>— ${link ? `<a${attribute('href', link)}>${escapeText(by)}</a>` : escapeText(by)}</p>`;
    // Blank lines around what it quotes: in Markdown, it is read as Markdown inside the quote.
    return block(`<blockquote>\n\n${inner.trim()}\n\n${credit}</blockquote>`);
  },
  // `{% pullquote %}… {" the quoted words "} …{% endpullquote %}`: the paragraph, the marks gone.
  pullquote: ({ inner }) => (inner === undefined ? undefined : block(`\n\n${inner.replace(/\{"\s*|\s*"\}/g, '').trim()}\n\n`)),
  // `{% video https://…/film.mp4 [width height] [poster] %}`.
  video: ({ args }) => {
    const url = args.positional.find((value) => /^https?:\/\//.test(value)) ?? first(args, 'url', 'src');
    return url ? block(linkTo(url, `Video: ${url}`)) : undefined;
  },
  // What `raw` encloses is text to Liquid, and HTML or Markdown to us, sanitized like the rest.
  raw: ({ inner }) => (inner === undefined ? undefined : inline(inner)),
  comment: ({ inner }) => (inner === undefined ? undefined : inline('')),
  ref: ({ args }) => (args.positional[0] ? inline(reference('ref', args.positional[0])) : undefined),
  relref: ({ args }) => (args.positional[0] ? inline(reference('ref', args.positional[0])) : undefined),
  post_url: ({ args }) => (args.positional[0] ? inline(reference('post', args.positional[0])) : undefined),
  link: ({ args }) => (args.positional[0] ? inline(reference('file', args.positional[0])) : undefined),
};

/**
 * Jekyll's `{% include image.html url="…" %}`, `{% include figure image_path="…" %}`: includes of an image or a figure;
 * and of a video: `{% include youtube.html id="…" %}`, Minimal Mistakes' `{% include video id="…" provider="youtube" %}`.
 */
function convertInclude(args: Arguments): { html: string; block: boolean } | undefined {
  const name = (args.positional[0] ?? '').replace(/\.html?$/, '').toLowerCase();
  const rest = { named: args.named, positional: args.positional.slice(1) };
  const written = rest.positional.join(' ');
  if (/^(?:image|img|figure|picture|photo)s?$/.test(name)) return converters.figure!({ name, args: rest, written });
  const provider = name === 'video' ? args.named.get('provider')?.toLowerCase() : name;
  const converter = provider !== undefined && Object.hasOwn(video, provider) ? converters[provider] : undefined;
  return converter?.({ name: provider!, args: rest, written });
}

/** A closing construct of a pair, Hugo's, Liquid's and Zola's: `{{< /name >}}`, `{% endname %}`, `{% end %}`. */
const closing = (syntax: Syntax, name: string): RegExp => {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  if (syntax === 'hugo') return new RegExp(`\\{\\{[<%]\\s*/\\s*${escaped}\\s*[>%]\\}\\}`, 'g');
  return new RegExp(`\\{%-?\\s*(?:end${escaped}|end)\\s*-?%\\}`, 'g');
};

type Syntax = 'hugo' | 'liquid' | 'zola';

// Every construct's opening: Hugo's `{{< … >}}` and `{{% … %}}` (a comment inside, `{{</* … */>}}`, escapes it), Liquid's and Zola's `{% … %}`, and `{{ … }}`.
const opening =
  /\{\{([<%])(\/\*)?\s*(\/?)\s*([\w.-]+)((?:"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`[^`]*`|[^"'`]){0,2000}?)\s*(\*\/)?\s*[>%]\}\}|\{%-?\s*([\w.-]+)((?:"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|[^"'%]){0,2000}?)-?%\}|\{\{-?((?:"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|[^"'}]){0,2000}?)-?\}\}/g;

/** Pairs that enclose content: their content is the argument, not more markup. */
const paired = new Set(['highlight', 'raw', 'comment', 'codeblock', 'blockquote', 'pullquote', 'details']);

/** The Liquid output of a base address (`{{ site.url }}`, `{{ site.baseurl }}`) is the site's root; a path through `url`, `relative_url` or `absolute_url` is that path. */
function convertOutput(expression: string): string | undefined {
  const text = expression.trim();
  if (/^site\.(?:url|baseurl|base_url|base|root)$/i.test(text) || /^(?:config\.base_url|baseUrl|base_url)$/.test(text)) return '';
  const filtered =
    /^(["'])(.*?)\1\s*\|\s*(?:url|relative_url|absolute_url|prepend:\s*site\.(?:baseurl|url))(?:\s*\|\s*(?:url|relative_url|absolute_url))*$/.exec(text);
  if (filtered) return filtered[2];
  return undefined;
}

/** Text shown as written: in HTML, escaped; in Markdown, as it is (escapes would show inside code). */
const literal = (text: string, format: 'html' | 'markdown'): string => (format === 'html' ? escapeText(text) : text);

/** Where a body holds code: fenced blocks, inline code spans, `pre` and `code` elements. */
export function codeRangesOf(body: string): [number, number][] {
  const patterns = [/^ {0,3}(`{3,}|~{3,})[^\n]*\n[\s\S]*?(?:^ {0,3}\1[ \t]*$|(?![\s\S]))/gm, /(`+)[^`][\s\S]*?\1/g, /<(pre|code)\b[\s\S]*?<\/\1\s*>/gi];
  return patterns.flatMap((pattern) => [...body.matchAll(pattern)].map((match): [number, number] => [match.index, match.index + match[0].length]));
}

/**
 * Whether an index is in code: the ranges sorted by start, each with the furthest end reached so far, searched by
 * halves. Looking through every range for every construct took their product: 50,000 of each, minutes.
 */
export function codeLookup(ranges: readonly [number, number][]): (index: number) => boolean {
  const sorted = ranges.toSorted((a, b) => a[0] - b[0]);
  const reach: number[] = [];
  for (const [, end] of sorted) reach.push(Math.max(end, reach.at(-1) ?? end));
  return (index) => {
    let low = 0;
    let high = sorted.length - 1;
    let last = -1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      if (sorted[middle]![0] <= index) {
        last = middle;
        low = middle + 1;
      } else high = middle - 1;
    }
    return last !== -1 && reach[last]! > index;
  };
}

/**
 * Converts what it knows; `format` decides how a block (a figure, a code block) is set apart: in Markdown,
 * by blank lines, so that it is one block of HTML.
 */
export function convertOtherMarkup(body: string, format: 'html' | 'markdown'): ConvertedMarkup {
  if (!body.includes('{{') && !body.includes('{%')) return { body, unconverted: [] };
  const unconverted: string[] = [];
  let inCode: ((index: number) => boolean) | undefined;
  // Pairs whose closing a search from some index did not find: none is after any later opening either.
  const unclosed = new Map<string, number>();
  let result = '';
  let from = 0;
  opening.lastIndex = 0;
  for (let match = opening.exec(body); match !== null; match = opening.exec(body)) {
    const start = match.index;
    let end = opening.lastIndex;
    let replacement: { html: string; block: boolean } | undefined;
    if (match[1] !== undefined) {
      // Hugo. `{{</* figure */>}}` is how Hugo's own posts show a shortcode as text.
      if (match[2] !== undefined) replacement = inline(literal(`{{${match[1]} ${match[3]}${match[4]}${match[5]} ${match[1] === '<' ? '>' : '%'}}}`, format));
      else if (match[3] === '') ({ replacement, end } = convertConstruct('hugo', match[4]!, match[5]!, body, end, unclosed));
    } else if (match[7] !== undefined) {
      const name = match[7].toLowerCase();
      const zola = /^\s*\(/.test(match[8]!);
      if (name === 'include') replacement = convertInclude(readArguments(match[8]!));
      else
        ({ replacement, end } = convertConstruct(
          zola ? 'zola' : 'liquid',
          name,
          zola ? match[8]!.replace(/^\s*\(|\)\s*$/g, '') : match[8]!,
          body,
          end,
          unclosed,
        ));
    } else {
      const expression = match[9]!;
      const zolaCall = /^\s*([\w-]+)\s*\(([\s\S]*)\)\s*$/.exec(expression);
      if (zolaCall) ({ replacement, end } = convertConstruct('zola', zolaCall[1]!, zolaCall[2]!, body, end, unclosed));
      else {
        const output = convertOutput(expression);
        if (output !== undefined) replacement = inline(literal(output, format));
      }
    }
    if (replacement === undefined) {
      // In code, such markup is usually the subject (a post about templates), shown as written on purpose.
      inCode ??= codeLookup(codeRangesOf(body));
      if (!inCode(start)) unconverted.push(match[0]);
      continue;
    }
    const html = replacement.block && format === 'markdown' ? `\n\n${replacement.html}\n\n` : replacement.html;
    result += body.slice(from, start) + html;
    from = end;
    opening.lastIndex = end;
  }
  return { body: result + body.slice(from), unconverted };
}

function convertConstruct(
  syntax: Syntax,
  rawName: string,
  argumentText: string,
  body: string,
  end: number,
  unclosed: Map<string, number>,
): { replacement: ReturnType<Converter>; end: number } {
  const name = rawName.toLowerCase();
  const converter = converters[name];
  if (!converter) return { replacement: undefined, end };
  let inner: string | undefined;
  let after = end;
  if (paired.has(name)) {
    // Searched from the opening on, never again past where no closing was found: 50,000 unclosed `{% raw %}` each
    // searched (and copied) the whole rest of the body, 24 s.
    const pair = `${syntax} ${name}`;
    if (end >= (unclosed.get(pair) ?? Number.POSITIVE_INFINITY)) return { replacement: undefined, end };
    const pattern = closing(syntax, name);
    pattern.lastIndex = end;
    const close = pattern.exec(body);
    if (!close) {
      unclosed.set(pair, end);
      return { replacement: undefined, end };
    }
    inner = body.slice(end, close.index);
    after = close.index + close[0].length;
  }
  return { replacement: converter({ name, args: readArguments(argumentText), written: argumentText.trim(), inner }), end: after };
}
