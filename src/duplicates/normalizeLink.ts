/**
 * One form for links that lead to the same article: scheme, host case and
 * `www.`, default ports, trailing slashes, fragments and tracking parameters
 * (utm_*, fbclid and the like) do not count; the rest of the query is sorted.
 */
import normalizeUrl from 'normalize-url';

/** Query parameters that say how a reader arrived, never which article it is. */
const trackingParameters: (string | RegExp)[] = [
  /^utm_\w+$/i,
  /^(?:fbclid|gclid|gclsrc|dclid|msclkid|yclid|twclid|igshid|mc_cid|mc_eid|_ga|_gl|_hsenc|_hsmi|mkt_tok|oly_enc_id|oly_anon_id|vero_id|wickedid|ocid|cmpid|cmp|ncid|taid|ito|s_cid|rss|feedtype|at_medium|at_campaign|smid|smtyp|ref|ref_src|ref_url|src)$/i,
];

/**
 * The link as it was, less the parameters that only say how a reader arrived (`?utm_source=rss`):
 * what an archive stores. Anything that cannot be read as a URL is kept as it is.
 */
export function withoutTracking(link: string): string {
  if (!URL.canParse(link)) return link;
  const url = new URL(link);
  const names = [...new Set(url.searchParams.keys())];
  const tracking = names.filter((name) => trackingParameters.some((pattern) => (typeof pattern === 'string' ? pattern === name : pattern.test(name))));
  if (tracking.length === 0) return link;
  for (const name of tracking) url.searchParams.delete(name);
  return url.href.replace(/\?$/, '');
}

/** The normalized link, or undefined for none or one that cannot be read as a URL. */
export function normalizedLinkOf(link: string | undefined): string | undefined {
  if (!link) return undefined;
  try {
    return normalizeLink(link);
  } catch {
    return undefined;
  }
}

export function normalizeLink(link: string): string {
  return normalizeUrl(link, {
    forceHttps: true,
    stripWWW: true,
    stripHash: true,
    removeTrailingSlash: true,
    removeSingleSlash: true,
    removeQueryParameters: trackingParameters,
    sortQueryParameters: true,
    removeDirectoryIndex: [/^index\.(?:html?|php)$/],
  });
}
