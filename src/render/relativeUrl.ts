/**
 * Links between pages are written relative to the page they are on, so a
 * built site works from any folder of any host, not only from a domain's
 * root. Absolute URLs (canonical, feeds) use the base URL instead.
 */
import { relativeUrl } from '../routes.ts';

/** The page a link is written on: its URL, and its link root when it has one. */
export interface LinkingPage {
  url: string;
  /**
   * Set on pages a host serves at other addresses than their own (the 404
   * page answers any missing URL), where relative links would break: links
   * are then this root (the base URL, or nothing) followed by the
   * root-relative URL.
   */
  linkRoot?: string | undefined;
}

/** The `relativeUrl` filter of the templates: `{{ '/tags/' | relativeUrl(p) }}`. */
export function linkFrom(target: string, page: LinkingPage): string {
  if (page.linkRoot !== undefined && target.startsWith('/') && !target.startsWith('//')) return page.linkRoot + target;
  return relativeUrl(target, page.url);
}
