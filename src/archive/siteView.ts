/**
 * The site-wide settings every page renders: the site's name and language,
 * its feeds, the links of the masthead and footer, and the Content Security
 * Policy of every page (also written to `/_headers`).
 */
import type { SiteAssets } from '../links/resolveLinks.ts';
import { routes } from '../routes.ts';
import type { SiteSettings } from '../schema/site.ts';
import type { Translator } from '../strings/words.ts';
import { feedTypes, type SiteView } from './pages.ts';

/**
 * What pages may load: the site's own scripts, styles and search index
 * (Pagefind compiles WebAssembly and runs a worker), images from anywhere
 * (articles show their publishers' pictures) unless `remoteImages: block`
 * says only the site's own, and nothing else: no inline script or style, no
 * plugins, frames, forms to elsewhere or `<base>`.
 */
export const contentSecurityPolicyOf = (remoteImages: SiteSettings['remoteImages']): string =>
  [
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "style-src 'self'",
    remoteImages === 'block' ? "img-src 'self'" : "img-src 'self' https: http:",
    "connect-src 'self'",
    "worker-src 'self'",
    "object-src 'none'",
    "frame-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
  ].join('; ');

/** The policy of a site that shows its publishers' pictures, as most do. */
export const contentSecurityPolicy = contentSecurityPolicyOf('allow');

/** The base URL without its trailing slash, when the site has one. */
export const baseUrlOf = (settings: SiteSettings): string | undefined => settings.baseUrl?.replace(/\/+$/, '');

export function siteViewOf(settings: SiteSettings, words: Translator, assets: SiteAssets = {}): SiteView {
  const baseUrl = baseUrlOf(settings);
  const feedTitle = (label: string) => words.text('feedTitle', { site: settings.title, feed: label });
  return {
    title: settings.title,
    description: settings.description,
    language: settings.language,
    direction: words.siteWords.direction,
    words: words.siteWords,
    baseUrl,
    contentSecurityPolicy: contentSecurityPolicyOf(settings.remoteImages),
    // Feeds are read away from the site, so they need absolute URLs: without a base URL there are none.
    feeds:
      baseUrl === undefined
        ? []
        : [
            { url: routes.atomFeed(routes.home), type: feedTypes.atom, title: feedTitle(words.text('atomFeed')), label: words.text('atomFeed') },
            { url: routes.jsonFeed(routes.home), type: feedTypes.json, title: feedTitle(words.text('jsonFeed')), label: words.text('jsonFeed') },
          ],
    links: {
      home: routes.home,
      calendar: routes.calendar,
      tags: routes.termIndex('tags'),
      categories: routes.termIndex('categories'),
      authors: routes.termIndex('authors'),
      sources: routes.termIndex('sources'),
      search: routes.search,
      stylesheet: routes.stylesheet,
      searchScript: routes.searchScript,
    },
    logo: assets.logo,
    favicon: assets.favicon ?? routes.defaultFavicon,
    navigation: settings.navigation ?? [
      { url: routes.home, label: words.text('latest') },
      { url: routes.calendar, label: words.text('archive') },
      { url: routes.termIndex('tags'), label: words.text('tags') },
      { url: routes.termIndex('sources'), label: words.text('sources') },
      { url: routes.search, label: words.text('search') },
    ],
    footer: settings.footer ?? words.text('footer', { site: settings.title }),
    siteStylesheet: settings.accentColor === undefined ? undefined : routes.siteStylesheet,
  };
}
