/** The overview of a taxonomy or of the sources (`/tags/`, `/sources/`): every term with its count, by count and A–Z. */
import { compareStrings } from '../problems.ts';
import { routes, type TermSpace } from '../routes.ts';
import type { Translator } from '../strings/words.ts';
import type { PageArticle, SourceView, TermIndexPage, TermLink } from './pages.ts';
import type { Term } from './taxonomy.ts';

export function termIndexPage(
  space: TermSpace,
  heading: string,
  description: string,
  terms: readonly Term<PageArticle>[],
  words: Translator,
  sourceOf: (term: Term<PageArticle>) => SourceView | undefined = () => undefined,
): TermIndexPage {
  const links: TermLink[] = terms.map((term) => {
    const source = sourceOf(term);
    return {
      url: routes.term(space, term.slug),
      label: term.name,
      count: term.items.length,
      countLabel: words.number(term.items.length),
      siteUrl: source?.siteUrl,
      feedUrl: source?.feedUrl,
    };
  });
  const byName = (a: TermLink, b: TermLink) => compareStrings(a.label.toLowerCase(), b.label.toLowerCase()) || compareStrings(a.url, b.url);
  return {
    kind: 'terms',
    url: routes.termIndex(space),
    title: heading,
    heading,
    description,
    byCount: [...links].sort((a, b) => b.count - a.count || byName(a, b)),
    alphabetical: [...links].sort(byName),
  };
}
