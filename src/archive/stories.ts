/**
 * Relations between articles (src/related/) as what pages show: "more like
 * this", "also covered by", the story link, the copy notice, and the story
 * pages themselves. Articles and independent sources are counted apart, and
 * second captures apart from both.
 */
import { formatLongDate } from '../dates.ts';
import type { Relations } from '../related/relateArticles.ts';
import { routes } from '../routes.ts';
import type { Translator } from '../strings/words.ts';
import { madeOnce } from '../madeOnce.ts';
import { summaryOf } from './articleViews.ts';
import { sharedByPages } from './sharedByPages.ts';
import type { ArticleSummary, ArticleView, Link, PageArticle, SourceView, StoryPage, StorySource } from './pages.ts';

export interface StoryLinks {
  related: ArticleSummary[];
  story?: Link | undefined;
  alsoCoveredBy: ArticleSummary[];
  copyOf?: Link | undefined;
}

/** A story as a front page weighs it. */
export interface StoryWeight {
  /** The story's page, with its counts as a label. */
  link: Link;
  /** Its articles that are not second captures, oldest first. */
  originals: string[];
  /** The named outlets with an article of their own in it, in the order they reported. */
  outlets: SourceView[];
}

export interface StoryViews {
  pages: StoryPage[];
  linksOf(url: string): StoryLinks;
  /** The story an article is part of, if any. */
  storyOf(url: string): StoryWeight | undefined;
  /** For a second capture, the article it copies. */
  originalOf(url: string): string | undefined;
  /** How many captures of an article the archive holds, itself included: 1 for most. */
  capturesOf(url: string): number;
}

export function storyViews(relations: Relations, articles: readonly PageArticle[], viewByUrl: ReadonlyMap<string, ArticleView>, words: Translator): StoryViews {
  const articleByUrl = new Map(articles.map((article) => [article.url, article]));
  // One summary per article, however many pages list it as related or as covering the same story.
  const summaries = new Map<string, ArticleSummary>();
  const summary = (url: string): ArticleSummary => madeOnce(summaries, url, () => sharedByPages(summaryOf(viewByUrl.get(url)!)));
  const formatDate = (iso: string): string => formatLongDate(iso, words.language);
  // An article with no named source is nobody's: it is not counted as a source, and not the same outlet as another.
  const sourceName = (url: string): string | undefined => viewByUrl.get(url)?.source?.name;

  const usedSlugs = new Set<string>();
  const pageOf = new Map<string, StoryPage>();
  const pages = relations.stories.map((story) => {
    const originals = story.members.filter((url) => !relations.duplicateOf.has(url));
    const lead = articleByUrl.get(originals[0] ?? story.members[0]!)!;
    let slug = lead.slug;
    for (let n = 2; usedSlugs.has(slug); n++) slug = `${lead.slug}-${n}`;
    usedSlugs.add(slug);

    const sources: StorySource[] = [];
    for (const url of story.members) {
      const name = sourceName(url);
      let group = sources.find((source) => source.name === name);
      if (!group) {
        group = { name, url: viewByUrl.get(url)?.source?.url, items: [] };
        sources.push(group);
      }
      group.items.push({ ...summary(url), copy: relations.duplicateOf.has(url) || undefined });
    }
    // The articles of no named source after the outlets'.
    sources.sort((a, b) => Number(a.name === undefined) - Number(b.name === undefined));
    const copies = story.members.length - originals.length;
    // Independent sources: those with an article of their own, not just a copy of another's.
    const sourceCount = new Set(originals.map(sourceName).filter((name) => name !== undefined)).size;
    const first = articleByUrl.get(story.members[0]!)!;
    const last = articleByUrl.get(story.members.at(-1)!)!;
    const dates =
      first.date.iso.slice(0, 10) === last.date.iso.slice(0, 10)
        ? formatDate(first.date.iso)
        : words.text('dateRange', { first: formatDate(first.date.iso), last: formatDate(last.date.iso) });
    const articleCount = words.text('articleCount', { count: originals.length });
    const known =
      sourceCount > 0 ? words.text('storyCounts', { articles: articleCount, sources: words.text('sourceCount', { count: sourceCount }) }) : articleCount;
    const counts = copies > 0 ? words.text('withCaptures', { counts: known, captures: words.text('captureCount', { count: copies }) }) : known;
    const summaryLine = words.text('storySummary', { counts, dates });
    const page: StoryPage = {
      kind: 'story',
      url: routes.story(slug),
      title: words.text('storyTitle', { title: lead.title }),
      heading: lead.title,
      description: `${summaryLine}.`,
      summary: summaryLine,
      sources,
    };
    for (const url of story.members) pageOf.set(url, page);
    return page;
  });

  const weights = new Map<StoryPage, StoryWeight>();
  const captures = new Map<string, number>();
  for (const original of relations.duplicateOf.values()) captures.set(original, (captures.get(original) ?? 1) + 1);
  const weightOf = (url: string): StoryWeight | undefined => {
    const page = pageOf.get(url);
    if (!page) return undefined;
    let weight = weights.get(page);
    if (!weight) {
      const originals = relations.storyOf.get(url)!.members.filter((member) => !relations.duplicateOf.has(member));
      const outlets: SourceView[] = [];
      for (const member of originals) {
        const source = viewByUrl.get(member)?.source;
        if (source && !outlets.some((known) => known.name === source.name)) outlets.push(source);
      }
      weight = { link: { url: page.url, label: page.summary }, originals, outlets };
      weights.set(page, weight);
    }
    return weight;
  };

  return {
    pages,
    storyOf: weightOf,
    originalOf: (url) => relations.duplicateOf.get(url),
    capturesOf: (url) => captures.get(url) ?? 1,
    linksOf(url) {
      const page = pageOf.get(url);
      const copyOf = relations.duplicateOf.get(url);
      const ownSource = sourceName(url);
      const members = page ? relations.storyOf.get(url)!.members : [];
      return {
        related: (relations.related.get(url) ?? []).map(summary),
        story: page && { url: page.url, label: page.summary },
        // The other outlets' versions; the same outlet's follow-ups and second captures are on the story page.
        alsoCoveredBy: members
          .filter((other) => other !== url && !relations.duplicateOf.has(other) && (ownSource === undefined || sourceName(other) !== ownSource))
          .map(summary),
        copyOf: copyOf ? { url: copyOf, label: viewByUrl.get(copyOf)!.title } : undefined,
      };
    },
  };
}
