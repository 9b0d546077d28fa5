/**
 * Objects that many pages hold: an article's summary is in each of its lists,
 * its entry in each of its feeds. They are made once and marked here, so that
 * a page's hash takes each by a digest made once (`digestOfItem`, see
 * `render/renderPlan.ts`) instead of serializing it again with every page.
 * And what every page's hash starts from (`pageHashPrefix`), for the pages
 * hashed from what they are made from as they are made (`lists.ts`).
 */
import { hash } from 'node:crypto';
import { codeVersion } from '../cache/codeVersion.ts';
import { madeOnce } from '../madeOnce.ts';
import type { SiteView } from './pages.ts';
import { hashOfHtml, type BodyHtml } from '../sanitize/bodyHtml.ts';

const shared = new WeakSet<object>();

/** Marks `value` as held by many pages; page data is never changed once made. */
export function sharedByPages<T extends object>(value: T): T {
  shared.add(value);
  return value;
}

export const isSharedByPages = (value: object): boolean => shared.has(value);

/** A text's digest, as pages' hashes hold what they share. One call, not a Hash object: at 10,000 articles that is a sixth of the time hashing takes. */
export const digest = (text: string): string => `\0sha1:${hash('sha1', text, 'base64')}`;

/** The digest of a body's HTML: the one the cache holds it by, or made from the HTML. */
const digestOfBody = (html: BodyHtml): string => (typeof html === 'string' ? digest(html) : hashOfHtml(html));

const digests = new WeakMap<object, string>();

/** A summary or a feed entry by its digest, made once for those pages share (a story's second capture, marked as one, is not). */
export const digestOfItem = (value: object): string => (shared.has(value) ? madeOnce(digests, value, () => digestMade(value)) : digestMade(value));

/** A list's front-page stories with each story's article by its digest. */
export const frontByDigests = <S extends { article: object }>(front: { lead: S; top: readonly S[] }) => ({
  lead: { ...front.lead, article: digestOfItem(front.lead.article) },
  top: front.top.map((story) => ({ ...story, article: digestOfItem(story.article) })),
});

/**
 * Of the members of a summary or a feed entry, only a feed entry's HTML needs care: stored HTML says where it is in
 * the cache, which changes as packs are merged; the page is the same.
 */
function digestMade(value: object): string {
  const { html } = value as { html?: BodyHtml | undefined };
  return digest(JSON.stringify(html === undefined ? value : { ...value, html: digestOfBody(html) }));
}

/**
 * What every page's hash holds, by its digest: the tool's code, the site's own templates (which change every page they
 * render) and the site as pages show it (its settings and words).
 */
export const pageHashPrefix = (site: SiteView, templatesHash = ''): string => digest(`${codeVersion()}\0${templatesHash}\0${JSON.stringify(site)}`);

/** A page's hash: the prefix every page's holds (`pageHashPrefix`), then the JSON of its data or of what it is made from. */
export const pageHashOf = (prefix: string, json: string): string => hash('sha1', prefix + json, 'base64');

/** A page's hash from what it is made from: one value, whose JSON holds what pages share by their digests. */
export const hashOfInputs = (prefix: string, inputs: unknown): string => pageHashOf(prefix, JSON.stringify(inputs));
