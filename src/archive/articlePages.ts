/** A page per article, newest first, each linking to the next newer and older one. */
import type { ArchiveContext } from './context.ts';
import { dateBreadcrumbs } from './calendar.ts';
import { socialMeta, structuredData } from './metadata.ts';
import type { ArticlePage } from './pages.ts';

export function articlePages(context: ArchiveContext): ArticlePage[] {
  const { articles, views, settings } = context;
  // Translations are grouped by the URL of the version in the site's language.
  const versions = new Map<string, { url: string; lang: string }[]>();
  for (const article of articles) {
    const key = article.translationOf ?? article.url;
    const group = versions.get(key) ?? [];
    group.push({ url: article.url, lang: article.translationOf ? (article.lang ?? settings.language) : settings.language });
    versions.set(key, group);
  }
  const pageContext = { siteTitle: settings.title, language: settings.language, baseUrl: context.baseUrl };
  return views.map((view, index) => {
    const newer = views[index - 1];
    const older = views[index + 1];
    const article = articles[index]!;
    const description = view.description ?? view.excerpt;
    return {
      kind: 'article',
      url: view.url,
      breadcrumbs: dateBreadcrumbs(article, settings.language),
      lang: article.translationOf ? article.lang : undefined,
      translations: (versions.get(article.translationOf ?? article.url) ?? [])
        .filter((version) => version.url !== article.url)
        .map((version) => ({ url: version.url, lang: version.lang, label: languageName(version.lang) })),
      title: view.title,
      description,
      socialMeta: socialMeta(view, description, pageContext),
      structuredData: structuredData(view, pageContext),
      // Sorted as text by Pagefind: UTC instants compare correctly, local ones across offsets may not.
      search: { year: article.date.year, month: article.date.month, date: new Date(article.date.epochMs).toISOString() },
      ...context.stories.linksOf(view.url),
      article: view,
      newer: newer && { url: newer.url, label: newer.title },
      older: older && { url: older.url, label: older.title },
    };
  });
}

/** A language by its own name: `es` → "español". */
function languageName(tag: string): string {
  try {
    return new Intl.DisplayNames([tag], { type: 'language' }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}
