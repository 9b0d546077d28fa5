/**
 * WordPress shortcodes, as posts exported from WordPress keep them (Jekyll's
 * `jekyll-import` and the WordPress-to-Hugo exporters copy a post's content as
 * it is): `[caption …]<img …> Text[/caption]` becomes a figure with its
 * caption, `[embed]…[/embed]`, Jetpack's `[youtube …]`, `[vimeo …]`,
 * `[tweet …]`, `[gist …]`, and `[audio]`/`[video]` become links to what they
 * show. Shortcodes that cannot be shown without WordPress (a `[gallery]` of its
 * attachments, a `[playlist]`) stay as text and are reported, as other
 * generators' markup is (`otherMarkup.ts`). Only these names are read:
 * brackets are common in text, and a Markdown link (`[video](…)`) is left
 * alone. Code keeps them as written.
 */
import { escapeAttribute, escapeText } from 'entities';
import { codeLookup, codeRangesOf, readArguments, type ConvertedMarkup } from './otherMarkup.ts';

/** What a shortcode encloses, when it is a pair: up to its closing. */
const paired = new Set(['caption', 'wp_caption', 'embed', 'audio', 'video']);
const known = ['caption', 'wp_caption', 'embed', 'youtube', 'vimeo', 'tweet', 'gist', 'audio', 'video', 'gallery', 'playlist'];

// `[name attributes]`, not a Markdown link or reference (`[video](…)`, `[video][1]`, `[video]: …`); Jetpack's `[youtube=URL]` too.
const opening = new RegExp(`\\[(${known.join('|')})((?:[\\s=][^\\]\\n]{0,500})?)\\](?![(:]|\\[(?!/))`, 'g');

const isAddress = (value: string | undefined): value is string => value !== undefined && /^https?:\/\/\S+$/i.test(value);

/** An address written as a value of its own: `[youtube https://…]`, Jetpack's `[youtube=https://…]`. */
const bareAddress = /(?:^|[\s=])(https?:\/\/[^\s"'\]]+)/i;

/** The address a shortcode shows: its named `url`/`src`, a media file's format key (`mp3="…"`), an address alone, or what it encloses. */
function addressOf(attributes: string, inner: string | undefined): string | undefined {
  const args = readArguments(attributes);
  const named = ['url', 'src', 'mp3', 'm4a', 'ogg', 'wav', 'mp4', 'm4v', 'webm', 'ogv', 'flv'].map((key) => args.named.get(key)).find(isAddress);
  const bare = /^[\s=]*https?:/i.test(attributes) ? bareAddress.exec(attributes)?.[1] : undefined;
  return named ?? bare ?? [inner?.trim()].find(isAddress);
}

/** A link to what a shortcode shows, in the text where it stood. */
const link = (url: string, text: string): string => `<a href="${escapeAttribute(url)}">${escapeText(text)}</a>`;

type Shortcode = { name: string; attributes: string; inner?: string | undefined };

/** The HTML a shortcode means, or undefined when it cannot be shown here. */
function convert({ name, attributes, inner }: Shortcode): string | undefined {
  switch (name) {
    case 'caption':
    case 'wp_caption': {
      // `[caption id="attachment_7" align="alignleft" width="300"]<a href="…"><img …></a> The caption[/caption]`;
      // before WordPress 3.4 the caption was its attribute.
      const picture = /^\s*(?:<a\b[^>]*>\s*<img\b[^>]*>\s*<\/a>|<img\b[^>]*>)/i.exec(inner ?? '');
      if (!picture) return undefined;
      const caption = (inner ?? '').slice(picture[0].length).trim() || readArguments(attributes).named.get('caption');
      return `<figure>${picture[0].trim()}${caption ? `<figcaption>${caption}</figcaption>` : ''}</figure>`;
    }
    case 'embed':
    case 'youtube':
    case 'vimeo': {
      const url = addressOf(attributes, inner) ?? videoAddress(name, attributes);
      return url && link(url, name === 'embed' ? url : `Video: ${url}`);
    }
    case 'tweet': {
      const url = addressOf(attributes, inner);
      const id = /^\s*(\d+)\s*$/.exec(attributes)?.[1];
      return url ? link(url, 'Post on X') : id ? link(`https://x.com/i/web/status/${id}`, 'Post on X') : undefined;
    }
    case 'gist': {
      const url = addressOf(attributes, inner);
      return url && link(url, `Gist: ${url}`);
    }
    case 'audio':
    case 'video': {
      const url = addressOf(attributes, inner);
      return url && link(url, `${name === 'audio' ? 'Audio' : 'Video'}: ${url}`);
    }
    default:
      return undefined;
  }
}

/** Jetpack's `[youtube dQw4w9WgXcQ]` and `[vimeo 76979871]`: an id alone. */
function videoAddress(name: string, attributes: string): string | undefined {
  const id = /^[\s=]*([\w-]{6,20})\s*$/.exec(attributes)?.[1];
  if (id === undefined) return undefined;
  return name === 'youtube' ? `https://www.youtube.com/watch?v=${id}` : /^\d+$/.test(id) ? `https://vimeo.com/${id}` : undefined;
}

export function convertWordPressShortcodes(body: string, format: 'html' | 'markdown'): ConvertedMarkup {
  if (!body.includes('[') || !/\[(?:caption|wp_caption|embed|youtube|vimeo|tweet|gist|audio|video|gallery|playlist)\b/.test(body))
    return { body, unconverted: [] };
  const inCode = codeLookup(codeRangesOf(body));
  const unconverted: string[] = [];
  // Where a search for a name's closing found none: none is after any later opening either.
  const unclosedFrom = new Map<string, number>();
  let result = '';
  let from = 0;
  opening.lastIndex = 0;
  for (let match = opening.exec(body); match !== null; match = opening.exec(body)) {
    if (inCode(match.index)) continue;
    const [whole, name, attributes] = match as unknown as [string, string, string];
    let end = match.index + whole.length;
    let inner: string | undefined;
    if (paired.has(name) && end < (unclosedFrom.get(name) ?? Number.POSITIVE_INFINITY)) {
      const close = body.indexOf(`[/${name}]`, end);
      if (close === -1) unclosedFrom.set(name, end);
      else {
        inner = body.slice(end, close);
        end = close + name.length + 3;
      }
    }
    // "[video]" alone is a word in brackets (a Hacker News title's), not a shortcode: a shortcode that shows
    // something names it or encloses it. WordPress's `[gallery]` and `[playlist]` alone are its own.
    if (attributes.trim() === '' && inner === undefined && name !== 'gallery' && name !== 'playlist') continue;
    const html = convert({ name, attributes, inner });
    if (html === undefined) {
      unconverted.push(whole);
      continue;
    }
    // A figure is a block: in Markdown, set apart by blank lines so that it is one block of HTML. A link stays in its line.
    const block = html.startsWith('<figure>') && format === 'markdown';
    result += body.slice(from, match.index) + (block ? `\n\n${html}\n\n` : html);
    from = end;
    opening.lastIndex = end;
  }
  return { body: result + body.slice(from), unconverted };
}
