/**
 * The whole pipeline, stage after stage: load and sanitize every file and
 * resolve the links of the bodies (`buildContent.ts`) → the Archive (every
 * page, as data) → pages and search index (Pagefind in worker threads,
 * while Eleventy renders when there are cores for both) → the build record
 * for the next build. `buildSite.ts` runs it when the stamp of the input does
 * not tell that nothing changed.
 * Returns the problems instead of printing them, and writes nothing when
 * content has errors, unless asked to build what is valid.
 */
import type { ChildProcess } from 'node:child_process';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { buildArchive, publishedArticles } from './archive/buildArchive.ts';
import { articlesPerSearchPart } from './archive/searchParts.ts';
import type { Archive } from './archive/pages.ts';
import { shardArchive, type Shard } from './archive/shards.ts';
import type { BuildCache } from './cache/buildCache.ts';
import type { SettledStats } from './cache/folderStamp.ts';
import { loadBuildContent } from './buildContent.ts';
import { emptyRecord, type BuildRecords, type BuildSummary, type Hashes, type Reported } from './cache/buildRecord.ts';
import { HandOver, handedOver } from './handOver.ts';
import { isError, problemKinds, type Problem } from './problems.ts';
import { cachedRelateArticles } from './related/cachedRelations.ts';
import { collectGarbage } from './collectGarbage.ts';
import { OutputCheck } from './render/missingPages.ts';
import { OutputFolders } from './render/outputFolders.ts';
import { outputIntact } from './render/outputIntact.ts';
import { fileGoneFrom, mustWrite } from './render/renderPlan.ts';
import { renderSite, renderWorkers, startRenderProcess, type RenderResult } from './render/renderSite.ts';
import type { Templates } from './render/siteTemplates.ts';
import { isHtmlPage } from './routes.ts';
import { indexedPageCount, indexSearch } from './search/indexSearch.ts';
import { Spool } from './spool.ts';
import { planSearch } from './search/staleParts.ts';
import type { StageTimer } from './stageTimes.ts';
import { stopProcess } from './workerProcess.ts';

export interface BuildOptions {
  /** The folder that `contentDir` and `outputDir` are relative to; the process's by default. */
  cwd?: string | undefined;
  contentDir: string;
  outputDir: string;
  /** Overrides `baseUrl` in site.yaml. */
  baseUrl?: string | undefined;
  /** Build the valid articles even when others have errors. */
  skipInvalid?: boolean | undefined;
  /** Where loaded articles are cached between builds, relative to `cwd`; `false` for none. */
  cacheDir?: string | false | undefined;
  /** Show drafts, marked as such: for the preview of `serve`, never for `build`. */
  includeDrafts?: boolean | undefined;
  /** Index the site for search (default: yes); benchmarks time it apart. */
  indexSearch?: boolean | undefined;
  /** Where the time of each stage is noted (`build --timings`). */
  timer?: StageTimer | undefined;
  /** Build only this machine's part of the site (`build --shard K/N`; `merge` joins the parts). */
  shard?: Shard | undefined;
}

export interface BuildResult extends BuildSummary {
  /** True when the site was written. */
  built: boolean;
  problems: Problem[];
  /** Files read from the content folder. */
  contentFileCount: number;
  /** Pages and files written by this build: the changed ones, when the last build's output is there. */
  renderedCount: number;
  /** Files of pages that no longer exist, deleted. */
  removedCount: number;
}

/** What a build reads its input with; `stamp`: that of its input as it began, when it can be trusted (see `buildSite.ts`). */
export interface BuildInputs {
  cache?: BuildCache | undefined;
  records?: BuildRecords | undefined;
  templates: Templates;
  stamp?: string | undefined;
  /** The stats of settled files, as the stamp took them: loading takes them from there. */
  settledStats?: SettledStats | undefined;
}

/** A build that reads the content: every file through the cache, then only the pages that changed written. */
export async function makeSite(options: BuildOptions & { cwd: string }, inputs: BuildInputs): Promise<BuildResult> {
  const { cache, records, templates, stamp } = inputs;
  const outputDir = path.resolve(options.cwd, options.outputDir);
  // A build over the output of an earlier one mostly renders a few pages (a day's news), and Eleventy takes half a
  // second to load: a rendering process started now loads it on another core while this one reads and makes pages.
  const lastPages = records?.read().pages ?? new Map<string, string>();
  const renderProcess = availableParallelism() > 1 && lastPages.size > 0 ? startRenderProcess(templates) : undefined;
  // And which of the last build's pages lost their file, on another thread too (`render/missingPages.ts`).
  const outputCheck = new OutputCheck(outputDir, [...lastPages.keys()]);
  // A build that writes every page makes their folders on another thread as soon as it knows them (`render/outputFolders.ts`).
  const folders = lastPages.size === 0 ? new OutputFolders(outputDir) : undefined;
  try {
    const indexed = await loadAndIndex(options, inputs, outputDir, outputCheck.missing, folders);
    if (!('archive' in indexed)) return indexed;
    const { archive, inputKey, result } = indexed;
    const pictureCache = cache && path.join(cache.root, 'pictures');
    const spoolFolder = cache && path.join(cache.root, 'spool');
    const reported = stamp === undefined ? undefined : { stamp, ...result };
    return {
      ...result,
      built: true,
      ...(await writeArchive(archive, outputDir, {
        records,
        inputKey,
        reported,
        indexSearch: options.indexSearch,
        templates,
        pictureCache,
        spoolFolder,
        timer: options.timer,
        renderProcess,
        missing: outputCheck.missing,
      })),
    };
  } finally {
    await outputCheck.stop();
    await folders?.stop();
    if (renderProcess) await stopProcess(renderProcess);
  }
}

type ContentResult = Pick<BuildResult, 'problems' | 'contentFileCount'>;

/**
 * Load and index: the Archive to render, or the result of a build that ends
 * here (content with errors, or the same input as the last build). The loaded
 * articles stay in here: once the Archive is made, their text is not needed,
 * and at 100,000 articles it weighs hundreds of megabytes while pages render.
 */
async function loadAndIndex(
  options: BuildOptions & { cwd: string },
  { cache, records, templates, stamp, settledStats }: BuildInputs,
  outputDir: string,
  missing: Promise<ReadonlySet<string> | undefined>,
  folders: OutputFolders | undefined,
): Promise<BuildResult | { archive: HandOver<Archive>; inputKey: string | undefined; result: ContentResult }> {
  const includeDrafts = options.includeDrafts ?? false;
  const content = await loadBuildContent(options.contentDir, options.cwd, cache, { includeDrafts, timer: options.timer, settledStats });
  const site = options.baseUrl ? { ...content.site, baseUrl: options.baseUrl } : content.site;
  const result: ContentResult = { problems: content.problems, contentFileCount: content.fileCount };
  const nothing = { articleCount: 0, pageCount: 0, fileCount: 0, renderedCount: 0, removedCount: 0, searchPageCount: 0, hasFeeds: false };
  if (content.problems.some(isError) && !options.skipInvalid) return { ...result, ...nothing, built: false };

  // The same content and options as the last build into an intact output folder: nothing to do.
  // The site's own templates are input too: an edited one is a changed site.
  const shard = options.shard ?? { number: 1, count: 1 };
  const inputKey = content.inputKey && `${content.inputKey}:${includeDrafts}:${JSON.stringify(site)}:${templates.hash}:${shard.number}/${shard.count}`;
  const last = records?.read();
  if (inputKey && last?.summary && last.inputKey === inputKey && outputIntact(last, outputDir)) {
    // Files touched, not changed: their new stamp is kept, so that the next build stops before reading them.
    if (stamp !== undefined) records!.write({ ...last, reported: { stamp, ...result } });
    return { ...result, built: true, ...last.summary, renderedCount: 0, removedCount: 0 };
  }

  // Files, and nothing to publish (every one refused, a draft, or skipped: in a `_` folder, in a format not read): an
  // empty site is never a success.
  const published = publishedArticles(content.articles, { includeDrafts });
  const skippedFiles = content.problems.some((told) => told.code === problemKinds.skippedFile.code);
  if ((content.fileCount > 0 || skippedFiles) && published.length === 0) return { ...result, ...nothing, built: false };
  // Every published article has its page, at its URL (on this machine's part of the site, when there is one part).
  const articleFolders = shard.count === 1 && (folders?.add(published.map((article) => article.url)) ?? false);
  const relate = cache && cachedRelateArticles(cache);
  // A page the last build wrote with the hash this one gives it is not made again, when its file is there.
  const toWrite = mustWrite(last?.pages ?? new Map<string, string>(), fileGoneFrom(outputDir, await missing));
  const unchanged = (url: string, hash: string) => !toWrite(url, hash);
  // The Archive's from now: the articles' text is let go once they are related.
  const whole = buildArchive(new HandOver(content.articles), site, {
    includeDrafts,
    relate,
    files: content.files,
    siteAssets: content.siteAssets,
    pictureSizes: content.pictureSizes,
    pageHashing: { templatesHash: templates.hash, unchanged },
  });
  const archive = shardArchive(whole, shard);
  folders?.add(archive.pages.filter((page) => !(articleFolders && page.kind === 'article')).map((page) => page.url));
  folders?.end();
  options.timer?.lap('every page as data: related articles, stories, lists, feeds');
  // Handed over to the stage that writes it, which alone holds it then (`handOver.ts`).
  return { archive: new HandOver(archive), inputKey, result };
}

export interface WriteOptions {
  /** What pages are rendered with: the tool's templates, or those merged with a site's own (`render/siteTemplates.ts`). */
  templates?: Templates | undefined;
  /** The build records of the cache: the last build's tells what to write again; this one's is kept for the next. */
  records?: BuildRecords | undefined;
  /** What the Archive was made from, kept with the record: a later build from the same input into an intact folder does nothing. */
  inputKey?: string | undefined;
  /** The stamp of the input and what loading it reported, kept with the record: a later build with the same stamp reports it again and stops. */
  reported?: Reported | undefined;
  /** Index the site for search (default: yes). */
  indexSearch?: boolean | undefined;
  /** Where the narrower copies of pictures are kept between builds (default: a folder in the system's temporary one). */
  pictureCache?: string | undefined;
  /** Where the search documents wait for Pagefind during the build, in a folder of its own (default: the system's temporary folder). */
  spoolFolder?: string | undefined;
  timer?: StageTimer | undefined;
  /** A rendering process started early, which renders the pages however few (stopped once they are written). */
  renderProcess?: ChildProcess | undefined;
  /** The last build's pages whose file is gone, being checked on another thread (`render/missingPages.ts`). */
  missing?: Promise<ReadonlySet<string> | undefined> | undefined;
}

export type WriteResult = BuildSummary & Pick<BuildResult, 'renderedCount' | 'removedCount'>;

/**
 * The Archive into the output folder, only what changed since the last
 * build: the pages, then the search index (at once on a machine with cores
 * for both: Pagefind starts first, in processes of its own, and works while
 * pages are hashed and rendered). Handed over, the Archive is freed once
 * what is made of it waits in the build's spool, on disk: the shares of pages
 * for the processes that render them, the search documents for Pagefind.
 */
export async function writeArchive(archive: Archive | HandOver<Archive>, outputDir: string, options: WriteOptions = {}): Promise<WriteResult> {
  const { records, inputKey, reported, timer } = options;
  const spool = new Spool(options.spoolFolder);
  try {
    const { summary, rendered, search, searched } = await writePages(handedOver(archive), outputDir, spool, options);
    const searchPageCount = await (searched ?? search());
    timer?.lap(searched ? 'the search index, after the pages' : 'the search index');
    records?.write({ pages: rendered.hashes, searchParts: rendered.searchParts, inputKey, summary: { ...summary, searchPageCount }, reported });
    return { ...summary, searchPageCount, renderedCount: rendered.renderedCount, removedCount: rendered.removedCount };
  } finally {
    spool.remove();
  }
}

/** What the search stage needs once the pages are written: nothing of the Archive. */
interface PagesWritten {
  summary: Omit<BuildSummary, 'searchPageCount'>;
  /** The pages' hashes and what was written, with the hashes of the search index's parts. */
  rendered: RenderResult & { searchParts: Hashes };
  /** Builds the stale parts of the search index; returns how many pages the whole index holds. */
  search: () => Promise<number>;
  /** That, already under way beside the rendering. */
  searched: Promise<number> | undefined;
}

async function writePages(
  handed: HandOver<Archive>,
  outputDir: string,
  spool: Spool,
  { records, indexSearch: withSearch = true, templates, pictureCache, timer, renderProcess, missing }: WriteOptions,
): Promise<PagesWritten> {
  // Held here until it is handed to the rendering, which lets it go once the pages to render are spooled.
  let archive: Archive | undefined = handed.take();
  const previous = records?.read() ?? emptyRecord();
  const language = archive.site.language;
  const plan = planSearch(archive.searchParts, language, outputDir, previous.searchParts, withSearch ? spool : undefined);
  const allParts = [...plan.hashes.keys()];
  // What making the pages and the search documents left is garbage, collected before hashing and spooling the pages
  // piles more on it (100,000 articles cold: 1.14 GB of heap in use as the parts were planned, 0.67 GB after).
  const smallIndex = plan.stale.reduce((sum, part) => sum + part.pageCount, 0) <= articlesPerSearchPart;
  if (!smallIndex) collectGarbage();
  const search = (): Promise<number> =>
    !withSearch
      ? Promise.resolve(0)
      : plan.stale.length === 0 && !plan.partsRemoved
        ? Promise.resolve(indexedPageCount(outputDir, allParts) ?? 0)
        : indexSearch(outputDir, language, { all: allParts, build: plan.stale });
  // Pagefind indexes on two cores of its own: beside the rendering when the machine has cores to spare, after it
  // on a machine of two, where both at once take longer than one after the other (10,000 articles: 57 s against 47 s),
  // unless the index has a part or less to build (a day's news), which takes little from the rendering.
  const alongside = smallIndex || availableParallelism() > 2;
  const searched = alongside ? search() : undefined;
  // Its failure is reported once pages are rendered (awaited by the caller), not as an unhandled rejection meanwhile.
  searched?.catch(() => undefined);
  timer?.lap('search parts to index: which changed');

  const pageCount = archive.pages.filter((page) => isHtmlPage(page.url)).length;
  const summary = {
    articleCount: archive.searchParts.reduce((sum, part) => sum + part.pages.length, 0),
    hasFeeds: archive.pages.some((page) => page.kind === 'atom-feed'),
    hasSourcesOpml: archive.pages.some((page) => page.kind === 'sources-opml'),
    pageCount,
    fileCount: archive.pages.length - pageCount,
  };
  const toRender = new HandOver(archive);
  archive = undefined;
  let rendered: RenderResult;
  try {
    rendered = await renderSite(toRender, outputDir, previous.pages, {
      templates,
      pictureCache,
      workers: renderWorkers(alongside && !smallIndex),
      started: renderProcess,
      spool,
      missing,
    });
  } catch (error) {
    await searched?.catch(() => undefined);
    throw error;
  }
  timer?.lap(searched ? 'pages rendered and written, the search index at the same time' : 'pages rendered and written');
  return { summary, rendered: { ...rendered, searchParts: plan.hashes }, search, searched };
}
