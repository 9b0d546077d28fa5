/**
 * Old addresses keep working: a small page at each address an article was
 * published under before (another generator's URL, `aliases`,
 * `redirect_from`...), with a canonical link and a `meta refresh` to the
 * article (no script), and `/_redirects` with all of them for hosts that
 * read one. A redirect never takes the place of another page.
 */
import { routes } from '../routes.ts';
import type { ArchiveContext } from './context.ts';
import type { Page, RedirectListPage, RedirectPage } from './pages.ts';

export function redirectPages(context: ArchiveContext, pages: readonly Page[]): { pages: RedirectPage[]; list: RedirectListPage[] } {
  const taken = new Set(pages.map((page) => page.url.toLowerCase()));
  const redirects: RedirectPage[] = [];
  for (const article of context.articles) {
    for (const from of article.oldUrls) {
      if (taken.has(from.toLowerCase())) continue;
      taken.add(from.toLowerCase());
      redirects.push({
        kind: 'redirect',
        url: from,
        target: article.url,
        title: article.title,
        description: context.words.text('articleMoved', { article: article.title }),
        moved: context.words.parts('articleMoved', { article: { text: article.title, url: article.url } }),
      });
    }
  }
  const list: RedirectListPage[] =
    redirects.length === 0 ? [] : [{ kind: 'redirect-list', url: routes.redirects, redirects: redirects.map((page) => ({ from: page.url, to: page.target })) }];
  return { pages: redirects, list };
}
