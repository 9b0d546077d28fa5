/** A page per article, newest first, each linking to the next newer and older one. */
import type { ArchiveContext } from './context.ts';
import { dateBreadcrumbs } from './calendar.ts';
import { socialMeta, structuredData } from './metadata.ts';
import type { ArticlePage } from './pages.ts';

export function articlePages(context: ArchiveContext): ArticlePage[] {
  const { articles, views, settings } = context;
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
