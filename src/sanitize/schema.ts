/**
 * What an article body may keep: GitHub's sanitation (hast-util-sanitize's
 * default schema) adjusted for news. Everything not allowed here is removed.
 */
import { defaultSchema, type Options as Schema } from 'rehype-sanitize';

const allowedByDefault = defaultSchema.tagNames ?? [];

/**
 * Presentational attributes HTML has made obsolete (layout is the stylesheet's): GitHub's schema keeps
 * them on every element, and pages holding them are not valid HTML. Alignment is kept, as a class.
 */
const obsolete = new Set([
  'align',
  'axis',
  'border',
  'cellPadding',
  'cellSpacing',
  'char',
  'charOff',
  'clear',
  'color',
  'compact',
  'frame',
  'hSpace',
  'height',
  'noHref',
  'noShade',
  'noWrap',
  'rules',
  'size',
  'summary',
  'vAlign',
  'width',
]);
const allowedEverywhere = (defaultSchema.attributes?.['*'] ?? []).filter((name) => typeof name !== 'string' || !obsolete.has(name));

export const newsSchema: Schema = {
  ...defaultSchema,
  tagNames: [
    // `picture`/`source` carry `srcset`, whose URLs the sanitizer cannot
    // check; without them the `img` inside still shows.
    ...allowedByDefault.filter((name) => name !== 'picture' && name !== 'source'),
    // The furniture of news copy.
    'figure',
    'figcaption',
    'time',
    'cite',
    'mark',
    'small',
    'abbr',
    'caption',
    'u',
    'wbr',
  ],
  attributes: {
    ...defaultSchema.attributes,
    // Alignment, as a class (see `wellFormed.ts`): `align` itself is obsolete HTML.
    ...Object.fromEntries(
      ['td', 'th', 'p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'caption'].map((name) => [
        name,
        [...(defaultSchema.attributes?.[name] ?? []), ['className', 'align-left', 'align-center', 'align-right']],
      ]),
    ),
    '*': allowedEverywhere,
    abbr: ['title'],
    time: ['dateTime'],
    // An image's own size, which keeps the page from shifting while it loads.
    // `data-source`: where the archive's own copy of a picture came from, for credit.
    img: [...(defaultSchema.attributes?.img ?? []), 'width', 'height', 'dataSource'],
  },
  // GitHub's schema unwraps table parts outside a table; `wellFormed.ts` unwraps every part outside its parent, keeping
  // its words apart from its neighbours' as browsers show them.
  ancestors: {},
  protocols: {
    ...defaultSchema.protocols,
    // No irc:, xmpp: or other schemes that hand the reader to another program.
    href: ['http', 'https', 'mailto'],
    src: ['http', 'https'],
  },
  // Removed with everything inside them: the default keeps the text of
  // unknown elements, which would show CSS, scripts and markup as text.
  // Readers see what a form or a button says, so those two are unwrapped instead
  // (their controls go); a select's or a textarea's values are controls, not text.
  strip: [
    'script',
    'style',
    'noscript',
    'template',
    'iframe',
    'frame',
    'frameset',
    'noframes',
    'object',
    'embed',
    'applet',
    'select',
    'textarea',
    'svg',
    'math',
    'head',
    'title',
    'noembed',
  ],
};
