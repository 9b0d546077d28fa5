/**
 * What changed in the articles their feeds revised (`news-archive fetch`
 * keeps each earlier version in a revisions file): a page per such article,
 * each change compared word by word (jsdiff's `diffWords`) from one version
 * to the next, newest first. Only text is compared, the sanitized text a
 * reader saw: no markup of an earlier version reaches the page.
 */
import { diffWords } from 'diff';
import { formatDateTime } from '../dates.ts';
import { routes } from '../routes.ts';
import { textOf } from '../sanitize/bodyText.ts';
import type { ArchiveContext } from './context.ts';
import { dateBreadcrumbs } from './calendar.ts';
import type { ArticleChange, ChangedPart, ChangesPage, DiffSegment, PageArticle } from './pages.ts';

/** A version as compared: what a reader saw of it. */
interface Version {
  title: string;
  description?: string | undefined;
  text: string;
}

/** The URL of an article's changes, when its feed revised it. */
export const changesUrlOf = (article: PageArticle): string | undefined =>
  article.revisions && article.revisions.length > 0 ? routes.articleChanges(article.url) : undefined;

export function changesPages(context: ArchiveContext): ChangesPage[] {
  const { words } = context;
  return context.articles.flatMap((article, index) => {
    const url = changesUrlOf(article);
    if (!url) return [];
    const view = context.views[index]!;
    // An article with earlier versions keeps its text, or where the cache holds it, for this (`archiveContext`).
    if (article.text === undefined) throw new Error(`the text of ${article.url} was let go before its changes were compared`);
    const versions: Version[] = [...article.revisions!, { title: article.title, description: article.description, text: textOf(article.text) }];
    const changes: ArticleChange[] = article.revisions!.flatMap((revision, n) => {
      const date = { text: formatDateTime(revision.replaced.iso, words.language), datetime: revision.replaced.iso };
      const parts = changedParts(versions[n]!, versions[n + 1]!, context);
      // A version that reads as the next one (only its markup changed) is no change to show.
      return parts.length === 0 ? [] : [{ heading: words.parts('changedOn', { date }), parts }];
    });
    return [
      {
        kind: 'changes' as const,
        url,
        title: words.text('changesTitle', { title: view.title }),
        description: words.text('changesIntro'),
        heading: words.text('changesHeading'),
        article: { url: view.url, label: view.title, lang: view.lang, dir: view.dir },
        breadcrumbs: [...dateBreadcrumbs(article, words), { url: view.url, label: view.title }],
        intro: words.text('changesIntro'),
        marks: { removed: words.text('removedWords'), added: words.text('addedWords') },
        changes: changes.reverse(),
      },
    ];
  });
}

/** The parts of an article that differ between two versions, each as runs of kept, removed and added words. */
function changedParts(before: Version, after: Version, { words }: ArchiveContext): ChangedPart[] {
  const parts: ChangedPart[] = [];
  const compare = (label: string, earlier: string, later: string) => {
    if (earlier !== later) parts.push({ label, paragraphs: paragraphsOf(diffWords(earlier, later)) });
  };
  compare(words.text('changedHeadline'), before.title, after.title);
  compare(words.text('changedDek'), before.description ?? '', after.description ?? '');
  compare(words.text('changedText'), before.text, after.text);
  return parts;
}

/** Runs of words split where the text breaks into paragraphs (a blank line), so that the page keeps them apart. */
export function paragraphsOf(changes: readonly { value: string; added?: boolean; removed?: boolean }[]): DiffSegment[][] {
  const paragraphs: DiffSegment[][] = [[]];
  for (const { value, added, removed } of changes) {
    const change = added ? ('added' as const) : removed ? ('removed' as const) : undefined;
    for (const [n, piece] of value.split(/\n\s*\n/).entries()) {
      if (n > 0) paragraphs.push([]);
      const text = piece.replace(/\s+/g, ' ');
      const paragraph = paragraphs.at(-1)!;
      if (!change) {
        if (text !== '') paragraph.push({ text });
        continue;
      }
      // The spaces around a changed run are no change: kept outside it, so that none is struck through.
      const [, before, words, after] = /^(\s*)(.*?)(\s*)$/.exec(text)!;
      if (before) paragraph.push({ text: before });
      if (words) paragraph.push({ text: words, change });
      if (after) paragraph.push({ text: after });
    }
  }
  return paragraphs.filter((paragraph) => paragraph.some((segment) => segment.text.trim() !== ''));
}
