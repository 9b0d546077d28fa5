/**
 * `news-archive import`: clippings, article files and feeds (files or URLs)
 * to article files in the content folder. Everything is read and checked
 * first; if any input has an error nothing is written. Articles the archive
 * already holds (`duplicates/findDuplicates.ts`: the same link, or the same title and text) are
 * skipped and reported, so importing a feed again adds only its new items.
 * With `revisedAt` (`fetch`), an item its feed changed since it was archived
 * (the same link, from the same feed, another headline, dek or text) is kept
 * as a new version of the article, its earlier one kept beside it
 * (`write/reviseArticle.ts`).
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { comparableOf, DuplicateIndex, describeDuplicate } from '../duplicates/findDuplicates.ts';
import { withoutTracking } from '../duplicates/normalizeLink.ts';
import { loadContent, pathShownFrom, type LoadedContent } from '../load/loadContent.ts';
import { BuildCache, defaultCacheDir } from '../cache/buildCache.ts';
import type { Sketch } from '../duplicates/fingerprint.ts';
import { step as archivedStep } from './archivedFile.ts';
import type { Article } from '../load/readArticle.ts';
import { detectFormat } from '../schema/article.ts';
import { sanitizeBody } from '../sanitize/sanitizeBody.ts';
import { planRevision, writeRevision, type RevisionPlan } from '../write/reviseArticle.ts';
import { defaultSiteSettings, sourceNameOf } from '../schema/site.ts';
import { decodeText } from '../load/readFrontMatter.ts';
import { readArticle } from '../load/readArticle.ts';
import { problem, problemKinds, type Problem } from '../problems.ts';
import type { SiteSettings } from '../schema/site.ts';
import { articleFileText, planArticle, writeNewFile, type ArticleDraft, type PlannedArticle } from '../write/articleFile.ts';
import { defaultImageLimits } from '../media/storeImages.ts';
import { PictureKeeper } from './keepPictures.ts';
import { addSourceNames, type SourceName } from '../write/siteSources.ts';
import { readClipping } from './readClipping.ts';
import { outletOf, readFeed } from './readFeed.ts';
import { decodeHTMLStrict } from 'entities';
import { parseOpml } from 'feedsmith';
import { append } from '../append.ts';

export interface ImportOptions {
  cwd: string;
  contentDir: string;
  /** Files or http(s) URLs of feeds. */
  inputs: string[];
  /** For what the inputs do not say. */
  date?: string | undefined;
  link?: string | undefined;
  source?: string | undefined;
  title?: string | undefined;
  tags?: string[] | undefined;
  /** Plan and report, write nothing. */
  dryRun?: boolean | undefined;
  /** Import articles even when the archive already has them. */
  keepDuplicates?: boolean | undefined;
  /** Seconds to wait for a feed URL, and for each picture. */
  timeoutSeconds?: number | undefined;
  /** A clipping's lead image, by its address. */
  image?: string | undefined;
  /** Leave pictures at their addresses instead of keeping copies in the archive. */
  remotePictures?: boolean | undefined;
  /** Bytes beyond which a picture is not kept. */
  maxPictureBytes?: number | undefined;
  /** Feeds already fetched (`fetch`), by URL: read from here instead of fetched again. */
  texts?: ReadonlyMap<string, string> | undefined;
  /** Keep what a feed changed in an article it brought before, as a new version replaced at this ISO time (`fetch`). */
  revisedAt?: string | undefined;
  /** The archive as its caller loaded it (`fetch`, once for all its feeds): not read again. */
  archive?: ArchiveContent | undefined;
}

/** What importing needs of the archive: its settings, and its articles as written (with the sketch of each body, when loaded so). */
export type ArchiveContent = Pick<LoadedContent<Article & { sketch?: Sketch | undefined }>, 'site' | 'articles'>;

/**
 * The archive as `importArticles` reads it, through the build cache in `cwd` (read only, for a dry run,
 * which writes nothing): an archive that does not exist yet is empty.
 */
export async function loadArchive(cwd: string, contentDir: string, { dryRun = false } = {}): Promise<ArchiveContent> {
  if (!existsSync(path.resolve(cwd, contentDir))) return { site: defaultSiteSettings, articles: [] };
  const cache = new BuildCache(path.resolve(cwd, defaultCacheDir), { readOnly: dryRun });
  return loadContent(contentDir, cwd, { step: archivedStep, cache });
}

export interface SkippedArticle {
  input: string;
  title: string;
  /** Why: "the same article as content/...". */
  reason: string;
}

export interface ImportResult {
  problems: Problem[];
  /** Written, or to be written with `dryRun`. */
  planned: PlannedArticle[];
  /** Articles their feed changed, with their earlier version kept (or that would be, in a dry run). */
  revised: RevisionPlan[];
  skipped: SkippedArticle[];
  /** Feeds named in site.yaml's `sources` by their own title, as they were new to it (or would be, in a dry run). */
  namedSources: SourceName[];
  /** Pictures the archive now keeps a copy of (or would, in a dry run: they are fetched, not stored). */
  keptPictures: number;
  /** What could not be kept: pictures that stay at their addresses, new versions not written beside the old. */
  warnings: Problem[];
  written: boolean;
}

export async function importArticles(options: ImportOptions): Promise<ImportResult> {
  const contentDir = path.resolve(options.cwd, options.contentDir);
  const shownPath = pathShownFrom(options.cwd);
  // Importing into a new archive makes its content folder; a dry run writes nothing, and finds an empty archive.
  if (!options.dryRun) mkdirSync(contentDir, { recursive: true });
  const existing = options.archive ?? (await loadArchive(options.cwd, options.contentDir, { dryRun: options.dryRun }));
  const site = existing.site;

  const duplicates = new DuplicateIndex();
  const takenUrls = new Set<string>();
  const archived = new Map<string, Article>(existing.articles.map((article) => [article.file, article]));
  for (const article of existing.articles) {
    duplicates.add(comparableOf(article, article.body));
    takenUrls.add(article.url);
  }
  const takenFiles = new Set<string>();

  const problems: Problem[] = [];
  const planned: PlannedArticle[] = [];
  const skipped: SkippedArticle[] = [];
  // Each new version with the draft and input it came from, and the article as archived, for its pictures.
  const revised: { plan: RevisionPlan; draft: ArticleDraft; input: string; earlier: Article }[] = [];
  const revisionProblems: Problem[] = [];
  const namedSources: SourceName[] = [];
  // Each plan's draft and input, for its pictures once it is known to be written.
  const draftOf = new Map<PlannedArticle, { draft: ArticleDraft; input: string }>();

  for (const input of options.inputs) {
    const read = await draftsOf(input, options, site);
    if ('problems' in read) {
      append(problems, read.problems);
      continue;
    }
    // A feed new to the archive is named by its own title; a name the user gave is never replaced.
    for (const named of [...(read.sourceName ? [read.sourceName] : []), ...(read.subscriptions ?? [])]) {
      if (!isNamed(named.url, site) && !namedSources.some(({ url }) => url === named.url)) namedSources.push(named);
    }
    const inputProblems: Problem[] = [];
    const inputPlans: PlannedArticle[] = [];
    for (const draft of read.drafts) {
      const plan = planArticle(draft, contentDir, site, shownPath, (file, url) => takenFiles.has(file) || takenUrls.has(url) || existsSync(file));
      if (!plan.planned) {
        // The loader's problems name a provisional file; the input is what the user knows.
        inputProblems.push(
          ...plan.problems.map((p) => ({ ...p, file: shownInput(input, options.cwd), message: `${JSON.stringify(draft.title)}: ${p.message}` })),
        );
        continue;
      }
      const candidate = comparableOf({ ...plan.planned.article, file: plan.planned.shownPath }, plan.planned.article.body);
      const [duplicate] = duplicates.match(candidate);
      if (duplicate && !options.keepDuplicates) {
        const earlier = archived.get(duplicate.first);
        const revision =
          options.revisedAt !== undefined && duplicate.reason === 'link' && earlier && isNewVersion(earlier, draft)
            ? planRevision(earlier, path.resolve(options.cwd, earlier.file), draft, options.revisedAt, site)
            : undefined;
        if (revision && 'plan' in revision && !revised.some(({ plan }) => plan.articlePath === revision.plan.articlePath)) {
          revised.push({ plan: revision.plan, draft, input: shownInput(input, options.cwd), earlier: earlier! });
          continue;
        }
        if (revision && 'error' in revision) {
          revisionProblems.push(
            problem(problemKinds.unkeptRevision, { file: earlier!.file, message: `${JSON.stringify(draft.title)} changed in its feed, but ${revision.error}` }),
          );
        }
        skipped.push({ input: shownInput(input, options.cwd), title: draft.title, reason: describeDuplicate(duplicate) });
        continue;
      }
      duplicates.add(candidate);
      takenFiles.add(plan.planned.path);
      takenUrls.add(plan.planned.article.url);
      inputPlans.push(plan.planned);
      draftOf.set(plan.planned, { draft, input: shownInput(input, options.cwd) });
    }
    append(problems, inputProblems);
    if (inputProblems.length === 0) append(planned, inputPlans);
  }

  const revisions = (): RevisionPlan[] => revised.map(({ plan }) => plan);
  if (problems.length > 0)
    return { problems, planned, revised: revisions(), skipped, namedSources, keptPictures: 0, warnings: revisionProblems, written: false };

  // The pictures of what will be written: stored first, so that no article ever points at a copy that is not there.
  let keptPictures = 0;
  const warnings: Problem[] = [...revisionProblems];
  if (!options.remotePictures) {
    const keeper = new PictureKeeper(
      contentDir,
      { timeoutSeconds: options.timeoutSeconds ?? defaultImageLimits.timeoutSeconds, maxBytes: options.maxPictureBytes ?? defaultImageLimits.maxBytes },
      { dryRun: options.dryRun },
    );
    for (const plan of planned) {
      const { draft, input } = draftOf.get(plan)!;
      const kept = await keeper.keepPicturesOf(draft, input);
      keptPictures += kept.kept;
      append(warnings, kept.problems);
      if (kept.kept > 0) plan.text = kept.draft.text ?? articleFileText({ ...kept.draft, slug: plan.article.slug });
    }
    for (const revision of revised) {
      const kept = await keeper.keepPicturesOf({ title: revision.draft.title, date: revision.draft.date, body: revision.draft.body }, revision.input);
      keptPictures += kept.kept;
      append(warnings, kept.problems);
      if (kept.kept === 0) continue;
      const withCopies = planRevision(revision.earlier, revision.plan.articlePath, { ...revision.draft, body: kept.draft.body }, options.revisedAt!, site);
      if ('plan' in withCopies) revision.plan = withCopies.plan;
    }
  }
  if (options.dryRun) return { problems, planned, revised: revisions(), skipped, namedSources, keptPictures, warnings, written: false };
  for (const plan of planned) {
    if (!writeNewFile(plan.path, plan.text)) {
      throw new Error(`${plan.shownPath} appeared while importing; it was left as it is`);
    }
  }
  for (const { plan } of revised) writeRevision(plan);
  return { problems, planned, revised: revisions(), skipped, namedSources: addSourceNames(contentDir, namedSources), keptPictures, warnings, written: true };
}

/** How a headline or dek compares: its characters, as the loader decodes them, and its words. */
const comparableText = (text: string | undefined): string =>
  decodeHTMLStrict(text ?? '')
    .replace(/\s+/g, ' ')
    .trim();
/** What a reader sees of a body. */
const visibleTextOf = (body: string, link: string | undefined): string => sanitizeBody(body, { format: detectFormat(body), link }).text.replace(/\s+/g, ' ');

/**
 * Whether a feed's item is a new version of the article it brought before: from the same feed, with another
 * headline, dek or text as a reader sees them (the archive's copies of its pictures are no change).
 */
function isNewVersion(earlier: Article, draft: ArticleDraft): boolean {
  const feed = draft.source && URL.canParse(draft.source) ? new URL(draft.source).href : undefined;
  if (feed === undefined || earlier.source !== feed) return false;
  return (
    comparableText(earlier.title) !== comparableText(draft.title) ||
    comparableText(earlier.description) !== comparableText(draft.description) ||
    visibleTextOf(earlier.body, earlier.link) !== visibleTextOf(draft.body, draft.link)
  );
}

/** Whether site.yaml names a feed, in the normalized form it reads its keys in. */
const isNamed = (url: string, site: SiteSettings): boolean => sourceNameOf(site, URL.canParse(url) ? new URL(url).href : url) !== undefined;

const isUrl = (input: string): boolean => /^https?:\/\//i.test(input);
const shownInput = (input: string, cwd: string): string => (isUrl(input) ? input : pathShownFrom(cwd)(path.resolve(cwd, input)));

type Drafts = { drafts: ArticleDraft[]; sourceName?: SourceName | undefined; subscriptions?: SourceName[] | undefined } | { problems: Problem[] };

/** One input's articles: what kind of input it is decides how it is read. */
async function draftsOf(input: string, options: ImportOptions, site: SiteSettings): Promise<Drafts> {
  const file = shownInput(input, options.cwd);
  const unreadable = (message: string): Drafts => ({ problems: [problem(problemKinds.unreadableInput, { file, message })] });
  const malformed = (message: string, hint?: string): Drafts => ({
    problems: [problem(problemKinds.malformedInput, { file, message, ...(hint ? { hint } : {}) })],
  });

  let text: string;
  const given = options.texts?.get(input);
  if (given !== undefined) {
    text = given;
  } else if (isUrl(input)) {
    const fetched = await fetchText(input, options.timeoutSeconds ?? 20);
    if ('error' in fetched) return unreadable(fetched.error);
    text = fetched.text;
  } else {
    let bytes: Buffer;
    try {
      bytes = readFileSync(path.resolve(options.cwd, input));
    } catch (error) {
      return unreadable(`could not be read: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
    }
    const decoded = decodeText(file, bytes);
    if (!decoded.ok) return { problems: [decoded.problem] };
    text = decoded.text.replace(/^\uFEFF/, '');
  }

  const kind = kindOf(input, text);
  if (kind === 'empty') return malformed('is empty: expected a feed, an article file or a text clipping');

  if (kind === 'opml') {
    // A feed reader's subscriptions: each feed becomes a source the archive follows; no article is written.
    let outlines: OpmlOutline[];
    try {
      outlines = (parseOpml(text) as { body?: { outlines?: OpmlOutline[] } }).body?.outlines ?? [];
    } catch (error) {
      return malformed(`is not OPML that can be read (${(error as Error).message})`);
    }
    const subscriptions = flattenOutlines(outlines).flatMap((outline) => {
      const url = outline.xmlUrl?.trim();
      return url && /^https?:\/\//i.test(url) && URL.canParse(url)
        ? [{ url: new URL(url).href, name: outletOf(outline.title ?? outline.text) ?? new URL(url).hostname, follow: true }]
        : [];
    });
    if (subscriptions.length === 0) return malformed('is OPML without feeds (outlines with an xmlUrl): there is nothing to follow');
    return { drafts: [], subscriptions };
  }

  if (kind === 'feed') {
    let feed: ReturnType<typeof readFeed>;
    try {
      feed = readFeed(text, { source: options.source ?? (isUrl(input) ? input : undefined), date: options.date });
    } catch (error) {
      return malformed(`is not a feed that can be read (${(error as Error).message}): expected RSS 2.0, RSS 1.0, Atom or JSON Feed`);
    }
    if (feed.items.length === 0) return malformed('is a feed without items: there is nothing to import');
    const incomplete = feed.items.filter((item) => !item.draft);
    if (incomplete.length > 0) {
      const list = incomplete.slice(0, 3).map((item) => `"${item.label}" has no ${item.missing?.join(' and ')}`);
      return malformed(
        `${incomplete.length} of its ${feed.items.length} items cannot become articles: ${list.join('; ')}${incomplete.length > 3 ? '; ...' : ''}`,
        'Give the items a title and a date, or pass --date for items without one.',
      );
    }
    const sourceName = feed.source && feed.outlet ? { url: feed.source, name: feed.outlet } : undefined;
    return { drafts: feed.items.map((item) => withFlags(item.draft!, options, { overrideTitle: false })), sourceName };
  }

  if (kind === 'article') {
    const read = readArticle(file, text, site);
    if (!read.article) return { problems: read.problems };
    // An article file is kept exactly as written; only its place in the content folder is chosen.
    const { article } = read;
    return {
      drafts: [{ title: article.title, date: article.date.iso, slug: article.slug, link: article.link, image: article.image, body: article.body, text }],
    };
  }

  const clipping = readClipping(text);
  if (clipping.paragraphs.length === 0) return malformed('holds no paragraphs of text: expected a clipping of an article');
  const title = options.title ?? clipping.title;
  const missing = [...(title ? [] : ['--title']), ...(options.date ? [] : ['--date'])];
  if (missing.length > 0) {
    return malformed(
      `is a text clipping without ${[...(title ? [] : ['a headline']), ...(options.date ? [] : ['a date'])].join(' or ')}: pass ${missing.join(' and ')}`,
      'A clipping gives its headline, dek, byline and text; its date, link and source come from --date, --link and --source.',
    );
  }
  const source = options.source ?? sourceNamed(clipping.outlet, site);
  return {
    drafts: [
      withFlags(
        {
          title: title!,
          date: options.date!,
          description: clipping.dek,
          image: options.image,
          // The clipping's first photo caption is its lead picture's, when it has one.
          ...(options.image && clipping.photos[0] ? { imageCaption: clipping.photos[0].caption, imageCredit: clipping.photos[0].credit } : {}),
          link: options.link,
          source,
          // The byline's outlet, unless site.yaml already names the feed it is filed under.
          outlet: source !== undefined && isNamed(source, site) ? undefined : clipping.outlet,
          authors: clipping.authors,
          draft: false,
          body: clipping.paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`).join('\n'),
        },
        options,
        { overrideTitle: true },
      ),
    ],
  };
}

/** Flags fill in what an input does not say; `--title` names a single article only. */
function withFlags(draft: ArticleDraft, options: ImportOptions, { overrideTitle }: { overrideTitle: boolean }): ArticleDraft {
  const link = draft.link ?? options.link;
  return {
    ...draft,
    title: overrideTitle && options.title ? options.title : draft.title,
    // Stored without the parameters that only say how a reader arrived (`?utm_source=rss`).
    link: link && withoutTracking(link),
    source: draft.source ?? options.source,
    tags: [...new Set([...(draft.tags ?? []), ...(options.tags ?? [])])],
  };
}

/** The feed URL site.yaml gives a source name ("Fox News"), if any. */
function sourceNamed(outlet: string | undefined, site: SiteSettings): string | undefined {
  if (!outlet) return undefined;
  const wanted = outlet.toLowerCase();
  return Object.entries(site.sources).find(([, entry]) => entry.name?.toLowerCase() === wanted)?.[0];
}

type InputKind = 'feed' | 'opml' | 'article' | 'clipping' | 'empty';

interface OpmlOutline {
  text?: string;
  title?: string;
  xmlUrl?: string;
  outlines?: OpmlOutline[];
}

const flattenOutlines = (outlines: readonly OpmlOutline[]): OpmlOutline[] =>
  outlines.flatMap((outline) => [outline, ...flattenOutlines(outline.outlines ?? [])]);

function kindOf(input: string, text: string): InputKind {
  const start = text.trimStart();
  if (start === '') return 'empty';
  if (start.startsWith('---')) return 'article';
  if (/^(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<opml[\s>]/i.test(start) || /\.opml$/i.test(input)) return 'opml';
  if (/^(?:<\?xml|<rss[\s>]|<feed[\s>]|<rdf:RDF[\s>])/i.test(start)) return 'feed';
  if (start.startsWith('{') && /"version"\s*:\s*"https:\/\/jsonfeed\.org\//.test(start.slice(0, 2000))) return 'feed';
  if (/\.(?:xml|rss|atom|rdf)$/i.test(input) || isUrl(input)) return 'feed';
  return 'clipping';
}

const escapeHtml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

async function fetchText(url: string, timeoutSeconds: number): Promise<{ text: string } | { error: string }> {
  try {
    const response = await fetch(url, {
      signal: AbortSignal.timeout(timeoutSeconds * 1000),
      headers: { accept: 'application/atom+xml, application/rss+xml, application/feed+json, application/xml;q=0.9, */*;q=0.8' },
      redirect: 'follow',
    });
    if (!response.ok) return { error: `could not be fetched: the server answered ${response.status} ${response.statusText}` };
    return { text: await response.text() };
  } catch (error) {
    const reason = (error as Error).name === 'TimeoutError' ? `no answer within ${timeoutSeconds} s` : (error as Error).message;
    return { error: `could not be fetched: ${reason}` };
  }
}
