/**
 * One Eleventy run: the Archive's pages of each kind handed to Eleventy as
 * the global data `archive`, which each template paginates over, rendered
 * into the output folder or in memory. `renderSite.ts` decides which pages,
 * and runs one at a time or one per worker thread (`renderWorker.ts`).
 */
import type { Eleventy, WrittenPage } from '@11ty/eleventy';
import { socialMeta, structuredData } from '../archive/metadata.ts';
import type { FeedPage, Page, PageKind, PageOfKind, RenderedArticlePage, SiteView } from '../archive/pages.ts';
import { htmlReader } from '../sanitize/bodyHtml.ts';
import { eleventyConfigPath } from '../paths.ts';
import type { Templates } from './siteTemplates.ts';
import { describeTemplateError } from './templateErrors.ts';
import { loadTypeScriptTemplates } from './typescriptTemplates.ts';

/** The pages of each kind: the global data `archive.pages` that each template paginates over. */
export type RenderedKind = Exclude<PageKind, 'file' | 'unchanged'>;
export type PagesByKind = { [K in RenderedKind]: PageOfKind<K>[] };

/** What templates receive as `archive`. */
export interface RenderData {
  site: SiteView;
  pages: PagesByKind;
}

/** Every kind, so that a kind missing here fails to compile: rendered by a template, or not (a file is copied; an unchanged page is not made). */
const pageKinds = {
  file: false,
  unchanged: false,
  article: true,
  list: true,
  terms: true,
  calendar: true,
  story: true,
  changes: true,
  'atom-feed': true,
  'json-feed': true,
  sitemap: true,
  search: true,
  'not-found': true,
  robots: true,
  redirect: true,
  'redirect-list': true,
  'sources-opml': true,
  'site-style': true,
} as const satisfies Record<PageKind, boolean>;

export function pagesByKind(pages: readonly Page[]): PagesByKind {
  const rendered = Object.entries(pageKinds).filter(([, byTemplate]) => byTemplate);
  const byKind: Partial<Record<string, Page[]>> = Object.fromEntries(rendered.map(([kind]) => [kind, []]));
  for (const page of pages) {
    if (page.kind === 'file') continue;
    // Reused only when its file is there with the same hash: planning the render never picks it.
    if (page.kind === 'unchanged') throw new Error(`the page ${page.url} was not made again, as it had not changed, but was asked to be rendered`);
    const list = byKind[page.kind];
    if (!list)
      throw new Error(
        `no template renders pages of kind "${page.kind}" (${page.url}): add the kind to render/eleventyRun.ts and a template that paginates over archive.pages.${page.kind}`,
      );
    list.push(page);
  }
  return byKind as unknown as PagesByKind;
}

let eleventyModule: Promise<typeof import('@11ty/eleventy')> | undefined;

/**
 * Eleventy, loaded once, and the loader of the TypeScript templates it renders: only when there is something to
 * render, as it takes a while (half a second) and a build without changes needs none of it.
 */
export const loadEleventy = (): Promise<typeof import('@11ty/eleventy')> =>
  (eleventyModule ??= import('@11ty/eleventy').then(async (module) => {
    // After Eleventy: modules loaded once tsx is registered go through its loader, which costs each of them time.
    await loadTypeScriptTemplates();
    return module;
  }));

async function eleventyFor(data: RenderData, outputDir: string, templates: Templates) {
  const { Eleventy } = await loadEleventy();
  const eleventy = new Eleventy(templates.dir, outputDir, {
    configPath: eleventyConfigPath,
    quietMode: true,
    config(eleventyConfig) {
      // Frozen, so that Eleventy hands it to templates as it is: it deep-copies the objects of global data, and
      // wraps them in a proxy for every page and every property read, but for frozen ones (its `Merge`, `ProxyWrap`).
      eleventyConfig.addGlobalData('archive', Object.freeze(asTemplatesReceiveIt(data)));
    },
  });
  eleventy.disableLogger();
  return eleventy;
}

/**
 * The pages as templates receive them, made in the process that renders them, a share at a time: with their
 * bodies' HTML, read from the build cache where it holds it (`sanitize/bodyHtml.ts`), each body once however
 * many feeds show it; and article pages with their link previews and JSON-LD (`RenderedArticlePage`).
 */
function asTemplatesReceiveIt(data: RenderData): RenderData & { pages: { article: RenderedArticlePage[] } } {
  const read = htmlReader();
  const pageContext = { siteTitle: data.site.title, language: data.site.language, baseUrl: data.site.baseUrl };
  const feedWithBodies = <F extends FeedPage>(feed: F): F => ({
    ...feed,
    entries: feed.entries.map((entry) => (entry.html === undefined ? entry : { ...entry, html: read(entry.html) })),
  });
  const { article, 'atom-feed': atomFeeds, 'json-feed': jsonFeeds } = data.pages;
  return {
    ...data,
    pages: {
      ...data.pages,
      article: article.map((page) => ({
        ...page,
        socialMeta: socialMeta(page.article, page.description, pageContext),
        structuredData: structuredData(page.article, pageContext),
        article: { ...page.article, html: read(page.article.html) },
      })),
      'atom-feed': atomFeeds.map(feedWithBodies),
      'json-feed': jsonFeeds.map(feedWithBodies),
    },
  };
}

/** A page of a kind that no template renders would be missing from the site without a word: that is a bug, said as one. */
export function assertAllRendered(data: RenderData, written: readonly WrittenPage[]): void {
  const urls = new Set(written.map((result) => result.url));
  for (const [kind, pages] of Object.entries(data.pages)) {
    const missing = (pages as Page[]).find((page) => !urls.has(page.url));
    if (missing) throw new Error(`no template rendered the ${kind} page ${missing.url}: a template must paginate over archive.pages.${kind}`);
  }
}

export async function runEleventy(data: RenderData, outputDir: string, templates: Templates): Promise<void> {
  await withEleventy(data, outputDir, templates, async (eleventy) => {
    const [, written] = await eleventy.write();
    assertAllRendered(data, written);
  });
}

/** An Eleventy for one run, `use`d, and its templates' errors described; what it compiled is not kept after. */
export async function withEleventy<T>(data: RenderData, outputDir: string, templates: Templates, use: (eleventy: Eleventy) => Promise<T>): Promise<T> {
  const eleventy = await eleventyFor(data, outputDir, templates);
  try {
    return await use(eleventy).catch((error: unknown) => {
      throw describeTemplateError(error, templates);
    });
  } finally {
    await forgetCompiledTemplates(templates);
  }
}

interface EventBus {
  emit(event: string, ...args: unknown[]): Promise<unknown>;
}

let eleventyBus: Promise<EventBus | undefined> | undefined;

/** Eleventy's bus, loaded once; none when this Eleventy has it elsewhere. */
const busOfEleventy = (): Promise<EventBus | undefined> =>
  (eleventyBus ??= import(new URL('EventBus.js', import.meta.resolve('@11ty/eleventy')).href).then(
    (module: { default?: Partial<EventBus> }) => (typeof module.default?.emit === 'function' ? (module.default as EventBus) : undefined),
    () => undefined,
  ));

/**
 * Eleventy 3 keeps, for the life of the process, each template it compiled and the layouts it read, in caches
 * of its modules, and what they keep holds the data of the run that made them: every run kept its pages (a
 * share of 2,500 article pages, 35 MB) until the process ended. Eleventy empties those caches when its
 * configuration is reset and when a file changes in watch mode, on events of its global bus, which it does not
 * export: they are sent here, on the bus module beside Eleventy's own (`Eleventy.js`).
 */
async function forgetCompiledTemplates(templates: Templates): Promise<void> {
  const bus = await busOfEleventy();
  // A later Eleventy 3 whose bus is elsewhere renders the same pages with more memory; `renderThreads.test.ts` tells.
  if (!bus) return;
  await bus.emit('eleventy.compileCacheReset');
  // The layouts are all dropped whatever file it names; the templates' folder is no file of those caches.
  await bus.emit('eleventy.resourceModified', templates.dir);
}
