/**
 * `check --links`: whether each article's original is still at its address,
 * asked politely — HEAD first, GET when a server does not answer HEAD, a
 * timeout, a few hosts at once and one request at a time per host, a clear
 * User-Agent. The only command but `import` and `fetch` that uses the
 * network, and only when asked. A gone original (404, 410) is a `dead-link`
 * warning; an article that says `link_status: dead` already is not asked.
 */
import { problem, problemKinds, type Problem } from '../problems.ts';
import { perHost } from './perHost.ts';
import { userAgent } from './userAgent.ts';

export interface LinkToCheck {
  /** The article's file, as shown. */
  file: string;
  link: string;
}

const linkChecker = userAgent('link checker');

/** `dead-link` warnings for the originals that are gone; the others, live, moved or unsure, say nothing. */
export async function checkLinks(links: readonly LinkToCheck[], { timeoutSeconds = 20, concurrency = 4 } = {}): Promise<Problem[]> {
  const problems: Problem[] = [];
  await perHost(
    links,
    (entry) => entry.link,
    concurrency,
    async (entry) => {
      const status = await statusOf(entry.link, timeoutSeconds);
      if (status === 404 || status === 410) {
        problems.push(
          problem(problemKinds.deadLink, {
            file: entry.file,
            field: 'link',
            message: `${entry.link} answers ${status}: the original is gone from its address`,
          }),
        );
      }
    },
  );
  return problems.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

/** The status of an address once redirects are followed: HEAD, or GET when HEAD is not answered; undefined when there is no answer. */
async function statusOf(url: string, timeoutSeconds: number): Promise<number | undefined> {
  for (const method of ['HEAD', 'GET'] as const) {
    try {
      const response = await fetch(url, {
        method,
        redirect: 'follow',
        signal: AbortSignal.timeout(timeoutSeconds * 1000),
        headers: { 'user-agent': linkChecker },
      });
      await response.body?.cancel();
      // Some servers refuse HEAD (405, 501) or answer it wrongly: GET tells.
      if (method === 'HEAD' && (response.status === 405 || response.status === 501 || response.status >= 500)) continue;
      return response.status;
    } catch {
      if (method === 'GET') return undefined;
    }
  }
  return undefined;
}
