/**
 * The `news-archive` command line. Exit codes: 0 done, 1 content has errors,
 * 2 the command was called wrongly.
 */
import path from 'node:path';
import { parseShard } from './archive/shards.ts';
import { buildSite } from './buildSite.ts';
import { checkSite } from './checkSite.ts';
import { helpOf, parseCommandArgs, type CommandSpec, type OptionSpec, type ParsedArgs } from './commandLine.ts';
import { describeError, UsageError } from './errors.ts';
import { countOf } from './format.ts';
import { isError, type Problem } from './problems.ts';
import { formatAnnotation, formatProblem, summarize } from './report.ts';
import { httpUrl } from './schema/fields.ts';
import { StageTimer, type StageTime } from './stageTimes.ts';
import { initSite } from './write/initSite.ts';
import { mergeShards } from './render/mergeShards.ts';

interface Command extends CommandSpec {
  run(values: ParsedArgs['values'], out: Context, operands: string[]): Promise<number> | number;
}

/** Where the command runs: its folder, environment and output streams. */
export interface Context {
  cwd: string;
  stdout: (line: string) => void;
  stderr: (line: string) => void;
  env: Record<string, string | undefined>;
}

const contentOption: OptionSpec = { name: 'content', type: 'string', value: 'DIR', default: 'content', help: 'the content folder' };

/** `--timeout SECONDS`, a positive number, or a usage error naming the flag. */
function timeoutOf(values: Record<string, unknown>): number {
  const timeout = Number(values.timeout);
  if (!(timeout > 0)) throw new UsageError(`--timeout: expected a number of seconds, got ${JSON.stringify(values.timeout)}`);
  return timeout;
}

/** `build --timings`: a stage a line, with its wall time, CPU time and the cores it kept busy. */
function stageTable(times: readonly StageTime[]): string[] {
  const width = Math.max(...times.map((time) => time.stage.length));
  const total = {
    stage: 'the whole build',
    seconds: times.reduce((sum, time) => sum + time.seconds, 0),
    cpuSeconds: times.reduce((sum, time) => sum + time.cpuSeconds, 0),
  };
  return [
    `${'stage'.padEnd(width)}    wall     CPU  cores busy`,
    ...[...times, total].map(
      (time) =>
        `${time.stage.padEnd(width)} ${time.seconds.toFixed(1).padStart(6)} s ${time.cpuSeconds.toFixed(1).padStart(6)} s ${(time.seconds > 0 ? time.cpuSeconds / time.seconds : 0).toFixed(2).padStart(6)}`,
    ),
  ];
}

export const commands: Record<string, Command> = {
  build: {
    name: 'build',
    summary: 'build the site from the content folder',
    description: 'Checks all content, then builds the site; after the first build, writes only what changed.',
    options: [
      contentOption,
      { name: 'output', type: 'string', value: 'DIR', default: '_site', help: 'where the site is written; must not overlap the content folder' },
      {
        name: 'base-url',
        type: 'string',
        value: 'URL',
        help: 'where the site will be published, e.g. https://news.example.org/; adds feeds, the sitemap and canonical URLs (overrides baseUrl in site.yaml)',
      },
      { name: 'skip-invalid', type: 'boolean', default: false, help: 'build the valid articles even when others have errors; the problems are still printed' },
      {
        name: 'no-cache',
        type: 'boolean',
        default: false,
        help: 'read every article and write every page afresh, without using or keeping .cache/news-archive/',
      },
      { name: 'timings', type: 'boolean', default: false, help: 'print the time each stage took, its CPU time and how many cores it kept busy' },
      {
        name: 'shard',
        type: 'string',
        value: 'K/N',
        help: 'build only part K of N of the site (its share of the years; the first also the pages across years), for N machines at once; merge joins the parts',
      },
    ],
    async run(values, out) {
      const started = performance.now();
      const timer = values.timings ? new StageTimer() : undefined;
      const shard = values.shard === undefined ? undefined : parseShard(String(values.shard));
      const baseUrl = values['base-url'] === undefined ? undefined : parseBaseUrl(String(values['base-url']));
      const result = await buildSite({
        cwd: out.cwd,
        contentDir: String(values.content),
        outputDir: String(values.output),
        baseUrl,
        skipInvalid: Boolean(values['skip-invalid']),
        cacheDir: values['no-cache'] ? false : undefined,
        timer,
        shard,
      });
      if (timer) for (const line of stageTable(timer.times)) out.stderr(line);
      reportProblems(result.problems, out, out.stderr);
      const summary = summarize(result.problems, result.contentFileCount);
      if (!result.built) {
        out.stderr(
          result.problems.some(isError) && !values['skip-invalid']
            ? `${summary}: nothing was built. Fix the errors, or build the rest with --skip-invalid.`
            : result.contentFileCount === 0
              ? `${summary}: nothing was built, as no file of the content folder is read (an empty site is never a success). See the warnings above.`
              : `${summary}: nothing was built, as none of them is an article to publish (an empty site is never a success). Fix the errors above, or set draft: false.`,
        );
        return 1;
      }
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      const sharded = shard !== undefined && shard.count > 1;
      const otherFiles = [...(result.hasFeeds ? ['feeds', 'sitemap'] : []), ...(result.hasSourcesOpml ? ['sources.opml'] : []), 'robots.txt'];
      out.stderr(
        `Built ${result.articleCount} of ${countOf(result.contentFileCount, 'article file')} into ${String(values.output)}/` +
          (sharded ? ` (part ${shard.number} of ${shard.count}; news-archive merge joins the parts)` : '') +
          ` in ${seconds} s: ` +
          `${countOf(result.pageCount, 'page')}, ${countOf(result.fileCount, 'other file')}${result.fileCount > 0 || !sharded ? ` (${otherFiles.join(', ')})` : ''}, ` +
          `${countOf(result.searchPageCount, 'page')} in the search index` +
          (result.problems.length > 0 ? ` (${summary})` : '') +
          (result.renderedCount < result.pageCount + result.fileCount || result.removedCount > 0
            ? `; only what changed was written: ${countOf(result.renderedCount, 'file')} written, ${countOf(result.removedCount, 'file')} of removed pages deleted`
            : ''),
      );
      // Feeds and the sitemap list across years: the first shard's.
      if (!result.hasFeeds && (shard?.number ?? 1) === 1) {
        out.stderr('note: no feeds and no sitemap were written, as they need absolute URLs: set baseUrl in site.yaml or pass --base-url https://your.site/');
      }
      // Built despite errors only when --skip-invalid asked for it.
      return 0;
    },
  },
  check: {
    name: 'check',
    summary: 'validate all content without building; exit 1 on any error',
    description: 'Checks all content without building; exit 1 on any error. Warns about duplicate articles.',
    options: [
      contentOption,
      { name: 'no-cache', type: 'boolean', default: false, help: 'read every article afresh, without using or keeping .cache/news-archive/' },
      {
        name: 'links',
        type: 'boolean',
        default: false,
        help: 'also ask whether each article’s original is still at its address (HEAD, then GET; one request at a time per host): the network is used only then',
      },
      { name: 'timeout', type: 'string', value: 'SECONDS', default: '20', help: 'with --links, how long to wait for each original' },
    ],
    async run(values, out) {
      const timeout = timeoutOf(values);
      const { problems, fileCount } = await checkSite({
        cwd: out.cwd,
        contentDir: String(values.content),
        noCache: Boolean(values['no-cache']),
        links: values.links ? { timeoutSeconds: timeout } : undefined,
      });
      reportProblems(problems, out, out.stdout);
      out.stdout(summarize(problems, fileCount));
      return problems.some(isError) ? 1 : 0;
    },
  },
  init: {
    name: 'init',
    summary: 'start an archive: site settings, a first article, .gitignore and a CI workflow',
    description:
      'Writes a ready site into DIR (default: the working folder): content/site.yaml with every setting commented, a first article, a .gitignore for the output and the cache, and the GitHub Actions workflow of docs/ci.md. Writes nothing if any of these files exists.',
    operands: '[DIR]',
    options: [],
    run(_values, out, operands) {
      if (operands.length > 1) throw new UsageError(`init takes one folder, got ${operands.length}`);
      const today = new Date().toISOString().slice(0, 10);
      const result = initSite({ cwd: out.cwd, dir: operands[0], today });
      for (const file of result.written) out.stdout(`Wrote ${file}`);
      out.stdout(`\nNext:\n${result.next.map((command) => `  ${command}`).join('\n')}`);
      return 0;
    },
  },
  new: {
    name: 'new',
    summary: 'write a new article file, dated now unless --date is given',
    description:
      'Writes a new article file at content/YYYY/MM/SLUG.md (dated now, in the site’s time zone, unless --date says otherwise), and prints its path and URL. Never overwrites a file, never prompts.',
    options: [
      { name: 'title', type: 'string', value: 'TITLE', required: true, help: 'the headline (required)' },
      { name: 'date', type: 'string', value: 'DATE', help: 'e.g. 2026-01-06 or 2026-01-06T14:30:00+02:00 (default: now, in the site’s time zone)' },
      { name: 'link', type: 'string', value: 'URL', help: 'the original article' },
      { name: 'source', type: 'string', value: 'URL', help: 'the feed it came from' },
      { name: 'tags', type: 'string', value: 'a,b', help: 'tags, separated by commas' },
      { name: 'categories', type: 'string', value: 'a,b', help: 'categories, separated by commas' },
      { name: 'author', type: 'string', value: 'NAME', multiple: true, help: 'an author; repeat for more' },
      { name: 'description', type: 'string', value: 'TEXT', help: 'the dek' },
      { name: 'slug', type: 'string', value: 'SLUG', help: 'the last part of the URL (default: from the title)' },
      { name: 'draft', type: 'boolean', default: false, help: 'leave it out of the built site until draft: false' },
      contentOption,
    ],
    async run(values, out) {
      if (typeof values.title !== 'string' || values.title.trim() === '') throw new UsageError('--title is required');
      const { newArticle } = await import('./write/newArticle.ts');
      const result = await newArticle({
        cwd: out.cwd,
        contentDir: String(values.content),
        fields: {
          title: values.title,
          date: optionalString(values.date),
          link: optionalString(values.link),
          source: optionalString(values.source),
          tags: commaList(values.tags),
          categories: commaList(values.categories),
          authors: (values.author as string[] | undefined) ?? [],
          description: optionalString(values.description),
          slug: optionalString(values.slug),
          draft: Boolean(values.draft),
        },
      });
      if (!result.planned) {
        reportProblems(result.problems, out, out.stderr);
        return 1;
      }
      const url = (result.baseUrl?.replace(/\/+$/, '') ?? '') + result.planned.article.url;
      out.stdout(`Wrote ${result.planned.shownPath}`);
      out.stdout(`Its page will be ${url}${values.draft ? ' once draft is set to false' : ''}. Write the body below the front matter, in Markdown or HTML.`);
      return 0;
    },
  },
  import: {
    name: 'import',
    summary: 'turn text clippings, article files and RSS/Atom/JSON feeds (files or URLs) into article files',
    description:
      'Turns text clippings, article files and RSS/Atom/JSON feeds (files or URLs) into article files; articles the archive already has are skipped.',
    operands: 'FILE|URL...',
    options: [
      { name: 'date', type: 'string', value: 'DATE', help: 'the date of a clipping, or of feed items without one' },
      { name: 'link', type: 'string', value: 'URL', help: 'the original article of a clipping' },
      { name: 'source', type: 'string', value: 'URL', help: 'the feed the articles came from (for feed files, overrides the feed’s own URL)' },
      { name: 'title', type: 'string', value: 'TITLE', help: 'the headline of a clipping that has none' },
      { name: 'image', type: 'string', value: 'URL', help: 'the lead image of a clipping, kept by the archive like every picture' },
      { name: 'tags', type: 'string', value: 'a,b', help: 'tags to add to every imported article' },
      { name: 'dry-run', type: 'boolean', default: false, help: 'say what would be written, write nothing' },
      { name: 'keep-duplicates', type: 'boolean', default: false, help: 'import articles even when the archive already has them' },
      {
        name: 'remote-pictures',
        type: 'boolean',
        default: false,
        help: 'leave pictures at their addresses: keep no copies in content/media/ (they are kept by default)',
      },
      { name: 'timeout', type: 'string', value: 'SECONDS', default: '20', help: 'how long to wait for a feed URL, and for each picture' },
      contentOption,
    ],
    async run(values, out, inputs) {
      if (inputs.length === 0) throw new UsageError('give at least one file or feed URL to import');
      const timeout = timeoutOf(values);
      const dryRun = Boolean(values['dry-run']);
      const { importArticles } = await import('./import/importArticles.ts');
      const result = await importArticles({
        cwd: out.cwd,
        contentDir: String(values.content),
        inputs,
        date: optionalString(values.date),
        link: optionalString(values.link),
        source: optionalString(values.source),
        title: optionalString(values.title),
        image: optionalString(values.image),
        remotePictures: Boolean(values['remote-pictures']),
        tags: commaList(values.tags),
        dryRun,
        keepDuplicates: Boolean(values['keep-duplicates']),
        timeoutSeconds: timeout,
      });
      if (result.problems.length > 0) {
        reportProblems(result.problems, out, out.stderr);
        out.stderr(`${summarize(result.problems, inputs.length, 'input')}: nothing was written.`);
        return 1;
      }
      for (const plan of result.planned) out.stdout(`${dryRun ? 'would write' : 'wrote'} ${plan.shownPath}  (${plan.article.url})`);
      for (const skip of result.skipped) out.stdout(`skipped "${skip.title}" from ${skip.input}: ${skip.reason}`);
      if (result.warnings.length > 0) reportProblems(result.warnings, out, out.stderr);
      if (result.keptPictures > 0) {
        out.stdout(`${dryRun ? 'would keep' : 'kept'} ${countOf(result.keptPictures, 'picture')} in ${String(values.content)}/media/`);
      }
      for (const { url, name, follow } of result.namedSources) {
        out.stdout(
          follow
            ? `${dryRun ? 'would follow' : 'following'} ${url} "${name}" (site.yaml; news-archive fetch imports its new items)`
            : `${dryRun ? 'would name' : 'named'} the source ${url} "${name}" in site.yaml (its feed's title; change it there)`,
        );
      }
      out.stdout(
        `${dryRun ? 'Dry run: would import' : 'Imported'} ${countOf(result.planned.length, 'article')}` +
          (result.skipped.length > 0 ? `, skipped ${countOf(result.skipped.length, 'article')} already in the archive` : '') +
          (dryRun ? '; nothing was written.' : '.'),
      );
      return 0;
    },
  },
  fetch: {
    name: 'fetch',
    summary: 'fetch every feed site.yaml follows and import its new items',
    description:
      'Fetches every feed that site.yaml follows (sources with follow: true) politely — conditional requests remembered in content/.feeds.json, a timeout and a size cap, a few feeds at once and one per host, Retry-After respected — and imports their new items as import does. An item its feed changed since it was archived becomes the article’s new version, the earlier one kept beside it (STORY.revisions.yaml). A feed that fails is reported; exit 1 only when every feed failed.',
    options: [
      { name: 'dry-run', type: 'boolean', default: false, help: 'fetch and say what would be imported; write nothing' },
      { name: 'timeout', type: 'string', value: 'SECONDS', default: '20', help: 'how long to wait for each feed' },
      contentOption,
    ],
    async run(values, out) {
      const timeout = timeoutOf(values);
      const dryRun = Boolean(values['dry-run']);
      const { fetchFeeds } = await import('./import/fetchFeeds.ts');
      const result = await fetchFeeds({ cwd: out.cwd, contentDir: String(values.content), dryRun, timeoutSeconds: timeout });
      // Before "follows no feed": a mistake in site.yaml may be why.
      if (result.problems.length > 0) reportProblems(result.problems, out, out.stderr);
      if (result.feeds.length === 0) {
        throw new UsageError(
          'site.yaml follows no feed: give a source follow: true, like `https://feeds.example.com/world: { name: Example World, follow: true }`',
        );
      }
      for (const plan of result.imported?.planned ?? []) out.stdout(`${dryRun ? 'would write' : 'wrote'} ${plan.shownPath}  (${plan.article.url})`);
      for (const plan of result.imported?.revised ?? []) {
        out.stdout(
          `${dryRun ? 'would revise' : 'revised'} ${plan.shownPath}  (${plan.article.url}): its feed changed it; the earlier version is kept in ${path.basename(plan.revisionsPath)}`,
        );
      }
      const count = (status: string) => result.feeds.filter((feed) => feed.status === status).length;
      const added = result.feeds.reduce((sum, feed) => sum + feed.added, 0);
      const revised = result.feeds.reduce((sum, feed) => sum + feed.revised, 0);
      const waiting = count('waiting');
      out.stdout(
        `${countOf(result.feeds.length, 'feed')}: ${countOf(added, `${dryRun ? 'article to import' : 'new article'}`, dryRun ? 'articles to import' : 'new articles')}` +
          (revised > 0 ? `, ${revised} ${dryRun ? 'to revise' : 'revised'}` : '') +
          `, ${count('unchanged')} unchanged (304), ${count('failed')} failed` +
          (waiting > 0 ? `, ${waiting} waiting (Retry-After)` : '') +
          (dryRun ? '; nothing was written.' : ''),
      );
      return count('failed') === result.feeds.length ? 1 : 0;
    },
  },
  images: {
    name: 'images',
    summary: 'keep copies of the pictures of articles already in the archive, in content/media/',
    description:
      'Fetches every remote lead image and body image of the articles in the content folder once, stores it under content/media/ by the hash of its bytes, and rewrites each article to point at the copy, keeping the original address (image_source:, data-source). Run it again at any time: kept pictures are not fetched again, and failed ones are tried again.',
    options: [
      { name: 'dry-run', type: 'boolean', default: false, help: 'fetch and check, say what would change, store and write nothing' },
      { name: 'timeout', type: 'string', value: 'SECONDS', default: '20', help: 'how long to wait for each picture' },
      contentOption,
    ],
    async run(values, out) {
      const timeout = timeoutOf(values);
      const dryRun = Boolean(values['dry-run']);
      const { keepArchivePictures } = await import('./import/keepArchivePictures.ts');
      const result = await keepArchivePictures({ cwd: out.cwd, contentDir: String(values.content), dryRun, timeoutSeconds: timeout });
      if (result.problems.length > 0) reportProblems(result.problems, out, out.stderr);
      for (const file of result.rewritten) out.stdout(`${dryRun ? 'would rewrite' : 'rewrote'} ${file}`);
      out.stdout(
        `${dryRun ? 'Dry run: would keep' : 'Kept'} ${countOf(result.kept, 'picture')} in ${countOf(result.rewritten.length, 'article')}` +
          (result.problems.length > 0 ? `; ${countOf(result.problems.length, 'picture')} could not be kept and stay at their addresses` : '') +
          (dryRun ? '; nothing was written.' : '.'),
      );
      return 0;
    },
  },
  merge: {
    name: 'merge',
    summary: 'join the outputs of build --shard into one site',
    description:
      'Joins the output folders of build --shard K/N, built on N machines from the same content, into the site one build makes, byte for byte; a file that two shards hold differently is an error, and then nothing is written.',
    operands: 'DIR...',
    options: [{ name: 'output', type: 'string', value: 'DIR', default: '_site', help: 'where the merged site is written: a new or empty folder' }],
    run(values, out, operands) {
      const started = performance.now();
      const output = String(values.output);
      const { fileCount } = mergeShards(operands, output, out.cwd);
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      out.stderr(`Merged ${countOf(operands.length, 'shard')} into ${output}/ in ${seconds} s: ${countOf(fileCount, 'file')}`);
      return 0;
    },
  },
  serve: {
    name: 'serve',
    summary: 'preview the site, drafts included, on localhost; rebuilds when content or templates change',
    description:
      'Builds a preview (drafts shown, marked “Draft”), serves it on localhost with Eleventy’s dev server, and when an article, site.yaml or a template changes, builds again (writing only the pages the change touches) and reloads the browser.',
    options: [
      contentOption,
      {
        name: 'output',
        type: 'string',
        value: 'DIR',
        default: '_preview',
        help: 'where the preview is written, apart from the built site, since it shows drafts',
      },
      { name: 'port', type: 'string', value: 'PORT', default: '8080', help: 'the port on localhost' },
    ],
    async run(values, out) {
      const port = Number(values.port);
      if (!Number.isInteger(port) || port < 1 || port > 65535)
        throw new UsageError(`--port: expected a port number from 1 to 65535, got ${JSON.stringify(values.port)}`);
      // Loaded when used: Eleventy's server and watcher take a while to load, and other commands need none of it.
      const { serveSite } = await import('./serve/serveSite.ts');
      const server = await serveSite({
        cwd: out.cwd,
        contentDir: String(values.content),
        outputDir: String(values.output),
        port,
        onBuild: ({ articleCount, fileCount, problems, seconds }) => {
          reportProblems(problems, out, out.stderr);
          out.stderr(
            `Built ${countOf(articleCount, 'article')} in ${seconds.toFixed(1)} s${problems.length > 0 ? ` (${summarize(problems, fileCount)}; articles with errors are left out)` : ''}`,
          );
        },
        onError: (error) => out.stderr(`The preview could not be rebuilt: ${error.message}`),
      });
      out.stderr(
        `Serving ${server.url} with drafts shown, from ${String(values.output)}/. Editing an article, site.yaml or a template rebuilds it. Ctrl+C stops.`,
      );
      await new Promise<void>((resolve) => {
        for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.once(signal, resolve);
        // Run through npx or npm run, a kill of their process may not reach this one: it stops once its parent is gone.
        const parent = process.ppid;
        setInterval(() => process.ppid !== parent && resolve(), 1000).unref();
      });
      await server.close();
      return 0;
    },
  },
};

const optionalString = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value : undefined);
const commaList = (value: unknown): string[] =>
  typeof value === 'string'
    ? value
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean)
    : [];

/** Prints each problem on one line, then each kind's hint once; annotations under GitHub Actions. */
function reportProblems(problems: readonly Problem[], out: Context, print: (line: string) => void): void {
  for (const p of problems) print(formatProblem(p));
  const hints = new Map(problems.filter((p) => p.hint).map((p) => [p.code, p.hint]));
  if (hints.size > 0) {
    print('');
    for (const [code, hint] of hints) print(`hint [${code}]: ${hint}`);
  }
  if (out.env.GITHUB_ACTIONS === 'true') for (const p of problems) out.stdout(formatAnnotation(p));
}

function parseBaseUrl(value: string): string {
  const parsed = httpUrl.safeParse(value);
  if (!parsed.success) throw new UsageError(`--base-url: expected an absolute http(s) URL like https://news.example.org/, got ${JSON.stringify(value)}`);
  return parsed.data;
}

function mainHelp(): string {
  const width = Math.max(...Object.keys(commands).map((name) => name.length));
  return [
    'news-archive: a static site generator for archives of news articles',
    '',
    'Usage: news-archive <command> [options]',
    '',
    'Commands:',
    ...Object.entries(commands).map(([name, command]) => `  ${name.padEnd(width)}  ${command.summary}`),
    '',
    'Run `news-archive <command> --help` for the options of a command.',
  ].join('\n');
}

export async function main(args: readonly string[], out: Context): Promise<number> {
  const [name, ...rest] = args;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    (name === undefined ? out.stderr : out.stdout)(mainHelp());
    return name === undefined ? 2 : 0;
  }
  const command = commands[name];
  if (!command) {
    out.stderr(`news-archive: unknown command "${name}"\n\n${mainHelp()}`);
    return 2;
  }
  try {
    const { values, operands, help } = parseCommandArgs(command, rest);
    if (help) {
      out.stdout(helpOf(command));
      return 0;
    }
    return await command.run(values, out, operands);
  } catch (error) {
    if (error instanceof UsageError) {
      out.stderr(`news-archive ${name}: ${error.message}\n\n${helpOf(command)}`);
      return 2;
    }
    // Anything else (a folder that cannot be written, Pagefind that cannot start, a bug): one line
    // that says what went wrong; the stack trace only when asked for.
    const debug = Boolean(out.env.NEWS_ARCHIVE_DEBUG);
    const [what, ...causes] = describeError(error);
    out.stderr(`news-archive ${name}: ${what}`);
    for (const line of debug ? describeError(error, { withStacks: true }) : causes) out.stderr(line);
    if (!debug) out.stderr('(set NEWS_ARCHIVE_DEBUG=1 to see where)');
    return 1;
  }
}
