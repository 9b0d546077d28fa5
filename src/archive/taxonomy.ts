/**
 * Groups articles by a set of free-text terms (tags, categories, authors),
 * one mechanism for all of them.
 *
 * Spellings that differ only in case, width or spacing (`Security`,
 * `security`, ` security `) are one term, shown with its most common
 * spelling. Each term gets a URL slug; terms whose slugs collide (`C++`,
 * `C#`, `C`) are told apart by a short hash of the term, so a URL never
 * changes because another term appeared later.
 */
import { createHash } from 'node:crypto';
import { compareStrings } from '../problems.ts';
import { slugify } from '../slug.ts';

export interface Term<T> {
  /** The folded form that identifies the term. */
  key: string;
  /** The most common spelling (ties: the first in code-point order). */
  name: string;
  slug: string;
  /** The articles with this term, in the order given. */
  items: T[];
}

/** A spelling as shown: Unicode width and spacing evened out, case kept. */
const evenSpelling = (term: string): string => term.normalize('NFKC').trim().replace(/\s+/g, ' ');

/** Case, Unicode width and spacing do not make a different term. */
export const foldTerm = (term: string): string => evenSpelling(term).toLowerCase();

const shortHash = (text: string): string => createHash('sha256').update(text).digest('hex').slice(0, 6);

export function groupTerms<T>(items: readonly T[], termsOf: (item: T) => readonly string[], fallbackSlug: string): Term<T>[] {
  const groups = new Map<string, { spellings: Map<string, number>; items: T[] }>();
  for (const item of items) {
    const seen = new Set<string>();
    for (const spelling of termsOf(item)) {
      const shown = evenSpelling(spelling);
      const key = shown.toLowerCase();
      if (key === '' || seen.has(key)) continue;
      seen.add(key);
      let group = groups.get(key);
      if (!group) groups.set(key, (group = { spellings: new Map(), items: [] }));
      group.spellings.set(shown, (group.spellings.get(shown) ?? 0) + 1);
      group.items.push(item);
    }
  }

  const terms = [...groups.entries()].map(([key, group]) => ({
    key,
    name: mostCommon(group.spellings),
    baseSlug: slugify(key),
    items: group.items,
  }));
  const slugUse = new Map<string, number>();
  for (const term of terms) slugUse.set(term.baseSlug, (slugUse.get(term.baseSlug) ?? 0) + 1);

  return terms
    .map(({ key, name, baseSlug, items: termItems }) => {
      // A term keeps the plain slug only when it is that slug, or alone in having it.
      const plain = baseSlug !== '' && (slugUse.get(baseSlug) === 1 || key === baseSlug);
      const slug = plain ? baseSlug : `${baseSlug || fallbackSlug}-${shortHash(key)}`;
      return { key, name, slug, items: termItems };
    })
    .sort((a, b) => compareStrings(a.slug, b.slug));
}

function mostCommon(spellings: Map<string, number>): string {
  let best = '';
  let bestCount = 0;
  for (const [spelling, count] of spellings) {
    if (count > bestCount || (count === bestCount && compareStrings(spelling, best) < 0)) {
      best = spelling;
      bestCount = count;
    }
  }
  return best;
}
