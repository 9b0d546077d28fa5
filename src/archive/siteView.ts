/**
 * The site-wide settings every page renders: the site's name and language,
 * its feeds, the links of the masthead and footer, and the Content Security
 * Policy of every page (also written to `/_headers`).
 */
import type { SiteAssets } from '../links/resolveLinks.ts';
import { routes } from '../routes.ts';
import type { SiteSettings } from '../schema/site.ts';
import { feedTypes, type SiteView } from './pages.ts';

/**
 * What pages may load: the site's own scripts, styles and search index
 * (Pagefind compiles WebAssembly and runs a worker), images from anywhere
 * (articles show their publishers' pictures), and nothing else: no inline
 * script or style, no plugins, frames, forms to elsewhere or `<base>`.
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' https: http:",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "frame-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ');

/** The base URL without its trailing slash, when the site has one. */
export const baseUrlOf = (settings: SiteSettings): string | undefined => settings.baseUrl?.replace(/\/+$/, '');

export function siteViewOf(settings: SiteSettings, assets: SiteAssets = {}): SiteView {
  const baseUrl = baseUrlOf(settings);
  return {
    title: settings.title,
    description: settings.description,
    language: settings.language,
    baseUrl,
    contentSecurityPolicy,
    // Feeds are read away from the site, so they need absolute URLs: without a base URL there are none.
    feeds:
      baseUrl === undefined
        ? []
        : [
            { url: routes.atomFeed(routes.home), type: feedTypes.atom, title: `${settings.title} (Atom)`, label: 'Atom feed' },
            { url: routes.jsonFeed(routes.home), type: feedTypes.json, title: `${settings.title} (JSON Feed)`, label: 'JSON Feed' },
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
      { url: routes.home, label: 'Latest' },
      { url: routes.calendar, label: 'Archive' },
      { url: routes.termIndex('tags'), label: 'Tags' },
      { url: routes.termIndex('sources'), label: 'Sources' },
      { url: routes.search, label: 'Search' },
    ],
    footer: settings.footer ?? `${settings.title}: an archive of news articles, each linked to its original.`,
    siteStylesheet: settings.accentColor === undefined ? undefined : routes.siteStylesheet,
  };
}
