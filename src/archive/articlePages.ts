/** A page per article, newest first, each linking to the next newer and older one. */
import type { MessagePart, Translator } from '../strings/words.ts';
import type { ArchiveContext } from './context.ts';
import { dateBreadcrumbs } from './calendar.ts';
import { changesUrlOf } from './changesPages.ts';
import type { ArticlePage, ArticleView, Link } from './pages.ts';
import type { StoryLinks } from './stories.ts';

export function articlePages(context: ArchiveContext): ArticlePage[] {
  const { articles, views, settings, words } = context;
  // Translations are grouped by the URL of the version in the site's language.
  const versions = new Map<string, { url: string; lang: string }[]>();
  for (const article of articles) {
    const key = article.translationOf ?? article.url;
    const group = versions.get(key) ?? [];
    group.push({ url: article.url, lang: article.translationOf ? (article.lang ?? settings.language) : settings.language });
    versions.set(key, group);
  }
  return views.map((view, index) => {
    const newer = views[index - 1];
    const older = views[index + 1];
    const article = articles[index]!;
    const description = view.description ?? view.excerpt;
    const translations = (versions.get(article.translationOf ?? article.url) ?? [])
      .filter((version) => version.url !== article.url)
      .map((version) => ({ url: version.url, lang: version.lang, label: languageName(version.lang) }));
    const storyLinks = context.stories.linksOf(view.url);
    const changesUrl = changesUrlOf(article);
    return {
      kind: 'article',
      url: view.url,
      breadcrumbs: dateBreadcrumbs(article, words),
      translations,
      messages: articleMessages(view, storyLinks, translations, words),
      title: view.title,
      description,
      // Sorted as text by Pagefind: UTC instants compare correctly, local ones across offsets may not.
      search: { year: article.date.year, month: article.date.month, date: new Date(article.date.epochMs).toISOString() },
      ...storyLinks,
      article: view,
      changes: changesUrl === undefined ? undefined : { url: changesUrl, label: words.text('seeChanges') },
      newer: newer && { url: newer.url, label: newer.title, lang: newer.lang, dir: newer.dir },
      older: older && { url: older.url, label: older.title, lang: older.lang, dir: older.dir },
    };
  });
}

/** The sentences of an article's page that hold links or dates, in the site's language. */
function articleMessages(view: ArticleView, story: StoryLinks, translations: readonly (Link & { lang: string })[], words: Translator): ArticlePage['messages'] {
  const link = (target: Link, more: Partial<MessagePart> = {}): MessagePart => ({ text: target.label, url: target.url, ...more });
  return {
    byline:
      view.authors.length > 0
        ? words.parts('byAuthors', { authors: view.authors.map((author) => link(author, { rel: 'author' })), count: view.authors.length })
        : undefined,
    updated: view.updated && words.parts('updatedOn', { date: { text: view.updated.display, datetime: view.updated.iso } }),
    originalLink: view.linkDead
      ? words.text('originalGone')
      : view.source
        ? words.text('readOriginalAt', { source: view.source.name })
        : words.text('readOriginal'),
    archivedCopy: view.linkDead ? words.text('readArchivedCopy') : words.text('archivedCopy'),
    filedUnder: view.categories.length > 0 ? words.parts('filedUnder', { categories: view.categories.map((category) => link(category)) }) : undefined,
    translations:
      translations.length > 0 ? words.parts('alsoIn', { languages: translations.map((version) => link(version, { lang: version.lang })) }) : undefined,
    copyOf: story.copyOf && words.parts('secondCaptureOf', { article: link(story.copyOf) }),
    draft: view.draft ? words.text('draftNotice') : undefined,
    story: story.story && words.parts('storyLine', { link: { text: words.text('allCoverage'), url: story.story.url }, summary: story.story.label }),
  };
}

/** A language by its own name: `es` → "español". */
function languageName(tag: string): string {
  try {
    return new Intl.DisplayNames([tag], { type: 'language' }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}
