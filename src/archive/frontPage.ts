/**
 * What makes a list read like a news site rather than a blog index: on the
 * home page and each day, the biggest story of the (latest) day leads, with
 * its picture, then the other stories of that day; then the articles under
 * the headings of their days. A story's weight is the number of outlets
 * with an article of their own in it; the newest article leads when no
 * story touches the day.
 */
import { formatLongDate } from '../dates.ts';
import type { MessagePart, Translator } from '../strings/words.ts';
import type { ArticleSummary, ArticleView, DayGroup, FrontStory } from './pages.ts';
import type { StoryViews } from './stories.ts';

/** Top stories after the lead: a row of cards. */
const topStoryCount = 4;
/** Outlets named in a front story's line before "and N more". */
const outletsNamed = 3;

const dayOf = (article: { date: { iso: string } }): string => article.date.iso.slice(0, 10);

export interface Front {
  lead: FrontStory;
  top: FrontStory[];
  /** The URLs the front shows, or stands for (the other outlets' articles of its stories), so that the list below leaves them out. */
  shown: Set<string>;
}

/** The front of a list of articles (newest first, second captures left out): of the day of its newest article. */
export function frontOf(
  articles: readonly ArticleView[],
  summaryOf: (view: ArticleView) => ArticleSummary,
  stories: StoryViews,
  words: Translator,
): Front | undefined {
  const first = articles[0];
  if (!first) return undefined;
  const day = dayOf(first);
  const ofDay = articles.filter((article) => dayOf(article) === day);

  // The day's stories, each with the day's articles of it, newest first.
  const byStory = new Map<string, { weight: NonNullable<ReturnType<StoryViews['storyOf']>>; articles: ArticleView[] }>();
  for (const article of ofDay) {
    const weight = stories.storyOf(article.url);
    if (!weight) continue;
    const entry = byStory.get(weight.link.url) ?? { weight, articles: [] };
    entry.articles.push(article);
    byStory.set(weight.link.url, entry);
  }
  const ranked = [...byStory.values()].sort(
    (a, b) =>
      b.weight.outlets.length - a.weight.outlets.length ||
      b.weight.originals.length - a.weight.originals.length ||
      b.articles[0]!.date.iso.localeCompare(a.articles[0]!.date.iso),
  );

  const frontStory = (entry: (typeof ranked)[number]): FrontStory => {
    // The story's newest article of the day with a picture tells it best; else one with a named outlet; else its newest.
    const article = entry.articles.find((candidate) => candidate.picture) ?? entry.articles.find((candidate) => candidate.source) ?? entry.articles[0]!;
    // Named without its counts, which change with every article the story gains: a day's page stays as it was.
    return {
      article: summaryOf(article),
      coverage: coverageOf(entry.weight.outlets, words),
      story: { url: entry.weight.link.url, label: words.text('allCoverage') },
    };
  };
  const [leadStory, ...others] = ranked;
  const lead: FrontStory = leadStory ? frontStory(leadStory) : { article: summaryOf(first) };
  const topStories = others.slice(0, topStoryCount);
  // A story on the front stands for all its articles of the day: each is one click away on its story's page.
  const shown = new Set([lead.article.url, ...[leadStory, ...topStories].flatMap((entry) => entry?.articles.map((article) => article.url) ?? [])]);
  return { lead, top: topStories.map(frontStory), shown };
}

/** "Covered by Fox News, Reuters and 2 more", each outlet a link to its page; nothing for a story of one outlet. */
function coverageOf(outlets: readonly { name: string; url: string }[], words: Translator): MessagePart[] | undefined {
  if (outlets.length < 2) return undefined;
  const named: MessagePart[] = outlets.slice(0, outletsNamed).map((outlet) => ({ text: outlet.name, url: outlet.url }));
  const rest = outlets.length - named.length;
  if (rest > 0) named.push({ text: words.text('moreOutlets', { count: rest }) });
  return words.parts('coveredBy', { sources: named });
}

/** The articles under the headings of their days, newest first; without headings when the list is one day's. */
export function dayGroups(items: readonly ArticleSummary[], language: string, oneDay: boolean): DayGroup[] {
  const groups: DayGroup[] = [];
  for (const item of items) {
    const day = dayOf(item);
    const last = groups.at(-1);
    if (last && last.day === day) last.items.push(item);
    else groups.push({ day, heading: oneDay ? undefined : formatLongDate(day, language), items: [item] });
  }
  return groups;
}
