/** The overview of a taxonomy or of the sources (`/tags/`, `/sources/`): every term with its count, by count and A–Z. */
import { countOf } from '../format.ts';
import { compareStrings } from '../problems.ts';
import { routes, type TermSpace } from '../routes.ts';
import type { SafeArticle } from '../sanitize/sanitizeArticles.ts';
import type { SourceView, TermIndexPage, TermLink } from './pages.ts';
import type { Term } from './taxonomy.ts';

export function termIndexPage(
  space: TermSpace,
  heading: string,
  noun: string,
  terms: readonly Term<SafeArticle>[],
  sourceOf: (term: Term<SafeArticle>) => SourceView | undefined = () => undefined,
): TermIndexPage {
  const links: TermLink[] = terms.map((term) => {
    const source = sourceOf(term);
    return { url: routes.term(space, term.slug), label: term.name, count: term.items.length, siteUrl: source?.siteUrl, feedUrl: source?.feedUrl };
  });
  const byName = (a: TermLink, b: TermLink) => compareStrings(a.label.toLowerCase(), b.label.toLowerCase()) || compareStrings(a.url, b.url);
  return {
    kind: 'terms',
    url: routes.termIndex(space),
    title: heading,
    heading,
    description: `All ${countOf(terms.length, noun)} of the archive, with the number of articles each.`,
    byCount: [...links].sort((a, b) => b.count - a.count || byName(a, b)),
    alphabetical: [...links].sort(byName),
  };
}
