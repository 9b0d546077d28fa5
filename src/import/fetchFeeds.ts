/**
 * `news-archive fetch`: every feed `site.yaml` follows (`sources`, with
 * `follow: true`), fetched politely and imported as `import` imports a feed.
 * Politely: a clear User-Agent; conditional requests (`ETag`,
 * `If-Modified-Since`) remembered per feed in `content/.feeds.json`, which is
 * committed with the articles; a timeout and a size cap per feed; at most a
 * few feeds at once and one request at a time per host; `Retry-After` and
 * 429/503 respected, the feed left alone until then; permanent redirects
 * recorded. A feed that fails is reported and the others are still imported.
 * An item its feed changed since it was archived becomes a new version of
 * its article, the earlier one kept beside it (`write/reviseArticle.ts`).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathShownFrom } from '../load/loadContent.ts';
import { loadSite } from '../load/loadSite.ts';
import { isError, problem, problemKinds, type Problem } from '../problems.ts';
import { followedFeeds } from '../schema/site.ts';
import { cappedBody } from '../media/storeImages.ts';
import { writeWhole } from '../writeWhole.ts';
import { importArticles, loadArchive, type ImportResult } from './importArticles.ts';
import { perHost } from './perHost.ts';
import { userAgent } from './userAgent.ts';
import { append } from '../append.ts';

/** What is remembered of a feed between fetches. */
export interface FeedState {
  etag?: string | undefined;
  lastModified?: string | undefined;
  /** Where a permanent redirect said the feed is now. */
  movedTo?: string | undefined;
  /** ISO time before which the server asked not to be asked again. */
  retryAfter?: string | undefined;
  /** ISO time of the last answer that brought the feed (a 304 changes nothing). */
  fetched?: string | undefined;
}

export const stateFileName = '.feeds.json';

export interface FetchOptions {
  cwd: string;
  contentDir: string;
  /** Seconds per feed. */
  timeoutSeconds?: number | undefined;
  /** Feeds fetched at once (never two of one host). */
  concurrency?: number | undefined;
  /** Bytes beyond which a feed is refused. */
  maxFeedBytes?: number | undefined;
  dryRun?: boolean | undefined;
  /** The time now, for `Retry-After`; tests give it. */
  now?: Date | undefined;
}

export interface FeedOutcome {
  url: string;
  status: 'new' | 'unchanged' | 'failed' | 'waiting';
  /** Articles written (or that would be, in a dry run). */
  added: number;
  /** Articles the feed changed, now at their new version (or that would be). */
  revised: number;
}

export interface FetchResult {
  feeds: FeedOutcome[];
  /** Failed feeds, and problems of what was imported. */
  problems: Problem[];
  imported?: ImportResult | undefined;
}

const feedArchiver = userAgent('feed archiver');
const defaultMaxFeedBytes = 10 * 1024 * 1024;
const maxRedirects = 5;

export async function fetchFeeds(options: FetchOptions): Promise<FetchResult> {
  const contentDir = path.resolve(options.cwd, options.contentDir);
  const loadedSite = existsSync(contentDir) ? loadSite(contentDir, pathShownFrom(options.cwd)) : undefined;
  const follows = loadedSite ? followedFeeds(loadedSite.site) : [];
  const statePath = path.join(contentDir, stateFileName);
  const state: Record<string, FeedState> = existsSync(statePath) ? (JSON.parse(readFileSync(statePath, 'utf8')) as Record<string, FeedState>) : {};
  const now = options.now ?? new Date();

  const texts = new Map<string, string>();
  const outcomes = new Map<string, FeedOutcome>();
  // A site.yaml with a mistake is said, as `build` says it: a misspelt `follow` would otherwise follow nothing without a word.
  const problems: Problem[] = [...(loadedSite?.problems ?? [])];

  const fetchOne = async (url: string): Promise<void> => {
    const known = state[url] ?? {};
    if (known.retryAfter && Date.parse(known.retryAfter) > now.getTime()) {
      outcomes.set(url, { url, status: 'waiting', added: 0, revised: 0 });
      return;
    }
    const answer = await politeGet(known.movedTo ?? url, known, options.timeoutSeconds ?? 20, options.maxFeedBytes ?? defaultMaxFeedBytes, now);
    state[url] = { ...known, ...answer.state };
    if ('error' in answer) {
      outcomes.set(url, { url, status: 'failed', added: 0, revised: 0 });
      problems.push(problem(problemKinds.unreadableInput, { file: url, message: answer.error }));
    } else if (answer.text === undefined) {
      outcomes.set(url, { url, status: 'unchanged', added: 0, revised: 0 });
    } else {
      texts.set(url, answer.text);
      outcomes.set(url, { url, status: 'new', added: 0, revised: 0 });
    }
  };

  // At most a few feeds at once, and one at a time per host.
  await perHost(
    follows,
    (feed) => feed.url,
    options.concurrency ?? 4,
    (feed) => fetchOne(feed.url),
  );

  // What came, imported as `import` imports a feed (already archived items are skipped), each with its tags.
  let imported: ImportResult | undefined;
  const fresh = follows.filter((feed) => texts.has(feed.url));
  // Read once for every feed: each import adds what it wrote, so that the next feed finds it (the same story in two feeds).
  const archive = fresh.length > 0 ? await loadArchive(options.cwd, options.contentDir, { dryRun: options.dryRun }) : undefined;
  for (const feed of fresh) {
    const result = await importArticles({
      archive,
      cwd: options.cwd,
      contentDir: options.contentDir,
      inputs: [feed.url],
      texts,
      tags: feed.tags,
      dryRun: options.dryRun,
      timeoutSeconds: options.timeoutSeconds,
      revisedAt: now.toISOString(),
    });
    if (archive && (result.written || options.dryRun)) {
      const revisedFiles = new Map(result.revised.map((plan) => [plan.article.file, plan.article]));
      archive.articles = [...archive.articles.map((article) => revisedFiles.get(article.file) ?? article), ...result.planned.map((plan) => plan.article)];
    }
    const outcome = outcomes.get(feed.url)!;
    outcome.added = result.written || options.dryRun ? result.planned.length : 0;
    outcome.revised = result.written || options.dryRun ? result.revised.length : 0;
    // A feed that came but cannot be read (malformed, items without dates) failed too.
    if (result.problems.some(isError)) outcome.status = 'failed';
    append(problems, [...result.problems, ...result.warnings]);
    imported = imported
      ? {
          ...result,
          planned: [...imported.planned, ...result.planned],
          revised: [...imported.revised, ...result.revised],
          skipped: [...imported.skipped, ...result.skipped],
          keptPictures: imported.keptPictures + result.keptPictures,
        }
      : result;
  }
  if (!options.dryRun) writeWhole(statePath, `${JSON.stringify(state, null, 2)}\n`);
  return { feeds: follows.map((feed) => outcomes.get(feed.url)!), problems, imported };
}

type Answer = { text?: string | undefined; state: FeedState } | { error: string; state: FeedState };

/** One feed, asked politely: conditionally, with a timeout and a cap, following redirects by hand to learn the permanent ones. */
async function politeGet(url: string, known: FeedState, timeoutSeconds: number, maxBytes: number, now: Date): Promise<Answer> {
  const headers: Record<string, string> = {
    'user-agent': feedArchiver,
    accept: 'application/atom+xml, application/rss+xml, application/feed+json, application/xml;q=0.9, */*;q=0.8',
    'accept-encoding': 'gzip, deflate, br',
  };
  if (known.etag) headers['if-none-match'] = known.etag;
  if (known.lastModified) headers['if-modified-since'] = known.lastModified;
  let address = url;
  let movedTo: string | undefined;
  const signal = AbortSignal.timeout(timeoutSeconds * 1000);
  try {
    for (let hop = 0; ; hop++) {
      const response = await fetch(address, { headers, signal, redirect: 'manual' });
      const location = response.headers.get('location');
      if ([301, 302, 303, 307, 308].includes(response.status) && location && hop < maxRedirects) {
        address = new URL(location, address).href;
        // Only a permanent move changes where the feed is asked for next time.
        if (response.status === 301 || response.status === 308) movedTo = address;
        await response.body?.cancel();
        continue;
      }
      const state: FeedState = { ...(movedTo ? { movedTo } : {}), retryAfter: undefined };
      // Nothing new: the state stays as it was, so that a scheduled run that found nothing has nothing to commit.
      if (response.status === 304) return { state };
      if (response.status === 429 || response.status === 503) {
        await response.body?.cancel();
        const wait = retryAfterOf(response.headers.get('retry-after'), now);
        return {
          error: `the server of ${new URL(address).host} answered ${response.status} (asked to wait until ${wait.toISOString()}): it is left alone until then`,
          state: { ...state, retryAfter: wait.toISOString() },
        };
      }
      if (!response.ok) {
        await response.body?.cancel();
        const what =
          response.status === 404 || response.status === 410 ? 'the feed is gone from its address: find its new one, or set follow: false' : 'try again later';
        return { error: `${new URL(address).host} answered ${response.status} ${response.statusText}: ${what}`, state };
      }
      const text = (await cappedBody(response, maxBytes))?.toString('utf8');
      if (text === undefined) return { error: `is larger than ${Math.round(maxBytes / 1024 / 1024)} MB: not read`, state };
      return {
        text,
        state: {
          ...state,
          etag: response.headers.get('etag') ?? undefined,
          lastModified: response.headers.get('last-modified') ?? undefined,
          fetched: now.toISOString(),
        },
      };
    }
  } catch (error) {
    const reason = (error as Error).name === 'TimeoutError' ? `no answer within ${timeoutSeconds} s` : (error as Error).message;
    return { error: `could not be fetched from ${URL.canParse(address) ? new URL(address).host : address}: ${reason}; try again later`, state: {} };
  }
}

/** `Retry-After` in seconds or as a date; without one, an hour. */
function retryAfterOf(header: string | null, now: Date): Date {
  const seconds = Number(header);
  if (header && Number.isFinite(seconds)) return new Date(now.getTime() + seconds * 1000);
  const date = header ? Date.parse(header) : Number.NaN;
  return Number.isNaN(date) ? new Date(now.getTime() + 3600_000) : new Date(date);
}
