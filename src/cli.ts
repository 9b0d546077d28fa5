/**
 * The `news-archive` command line. Exit codes: 0 done, 1 content has errors,
 * 2 the command was called wrongly.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { buildSite, UsageError } from './buildSite.ts';
import { describeError } from './errors.ts';
import { countOf } from './format.ts';
import { checkContent } from './load/loadContent.ts';
import { duplicateWarnings } from './duplicates/findDuplicates.ts';
import { importArticles } from './import/importArticles.ts';
import { isError, sortProblems, type Problem } from './problems.ts';
import { formatAnnotation, formatProblem, summarize } from './report.ts';
import { httpUrl } from './schema/fields.ts';
import { newArticle } from './write/newArticle.ts';

type Options = NonNullable<ParseArgsConfig['options']>;

interface Command {
  summary: string;
  usage: string;
  options: Options;
  optionHelp: [string, string][];
  /** Commands that take arguments besides options (`import FILE...`). */
  takesArguments?: boolean;
  run(values: Record<string, unknown>, out: Context, args: string[]): Promise<number> | number;
}

/** Where the command runs: its folder, environment and output streams. */
export interface Context {
  cwd: string;
  stdout: (line: string) => void;
  stderr: (line: string) => void;
  env: Record<string, string | undefined>;
}

const contentOption: Options = { content: { type: 'string', default: 'content' } };
const helpOption: Options = { help: { type: 'boolean', short: 'h' } };

const commands: Record<string, Command> = {
  build: {
    summary: 'build the site from the content folder',
    usage: 'news-archive build [--content DIR] [--output DIR] [--base-url URL] [--skip-invalid] [--no-cache]',
    options: {
      ...contentOption,
      output: { type: 'string', default: '_site' },
      'base-url': { type: 'string' },
      'skip-invalid': { type: 'boolean', default: false },
      'no-cache': { type: 'boolean', default: false },
      ...helpOption,
    },
    optionHelp: [
      ['--content DIR', 'the content folder (default: content)'],
      ['--output DIR', 'where the site is written (default: _site)'],
      ['--base-url URL', 'where the site will be published, e.g. https://news.example.org/ (overrides baseUrl in site.yaml)'],
      ['--skip-invalid', 'build the valid articles even when others have errors; the problems are still printed'],
      ['--no-cache', 'read every article and write every page afresh, ignoring and keeping no cache in .cache/news-archive'],
    ],
    async run(values, out) {
      const started = performance.now();
      const baseUrl = values['base-url'] === undefined ? undefined : parseBaseUrl(String(values['base-url']));
      const result = await buildSite({
        cwd: out.cwd,
        contentDir: String(values.content),
        outputDir: String(values.output),
        baseUrl,
        skipInvalid: Boolean(values['skip-invalid']),
        cacheDir: values['no-cache'] ? false : undefined,
      });
      reportProblems(result.problems, out, out.stderr);
      const summary = summarize(result.problems, result.contentFileCount);
      if (!result.built) {
        out.stderr(`${summary}: nothing was built. Fix the errors, or build the rest with --skip-invalid.`);
        return 1;
      }
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      out.stderr(
        `Built ${countOf(result.articleCount, 'article')} into ${String(values.output)}/ in ${seconds} s: ` +
          `${countOf(result.pageCount, 'page')}, ${countOf(result.fileCount, 'other file')} (${result.hasFeeds ? 'feeds, sitemap, ' : ''}robots.txt), ` +
          `${countOf(result.searchPageCount, 'page')} in the search index` +
          (result.problems.length > 0 ? ` (${summary})` : '') +
          (result.renderedCount < result.pageCount + result.fileCount || result.removedCount > 0
            ? `; only what changed was written: ${countOf(result.renderedCount, 'file')} written, ${countOf(result.removedCount, 'file')} of removed pages deleted`
            : ''),
      );
      if (!result.hasFeeds) {
        out.stderr(
          'note: no feeds and no sitemap were written, as they need absolute URLs: set baseUrl in site.yaml or pass --base-url https://your.site/',
        );
      }
      // Built despite errors only when --skip-invalid asked for it.
      return 0;
    },
  },
  check: {
    summary: 'validate all content without building; exit 1 on any error',
    usage: 'news-archive check [--content DIR]',
    options: { ...contentOption, ...helpOption },
    optionHelp: [['--content DIR', 'the content folder (default: content)']],
    async run(values, out) {
      const content = await checkContent(String(values.content), out.cwd);
      const problems = sortProblems([...content.problems, ...duplicateWarnings(content.articles)]);
      reportProblems(problems, out, out.stdout);
      out.stdout(summarize(problems, content.fileCount));
      return problems.some(isError) ? 1 : 0;
    },
  },
  new: {
    summary: 'write a new article file, dated now unless --date is given',
    usage: 'news-archive new --title TITLE [--date DATE] [--link URL] [--source URL] [--tags a,b] [--categories a,b] [--author NAME] [--description TEXT] [--slug SLUG] [--draft] [--content DIR]',
    options: {
      ...contentOption,
      title: { type: 'string' },
      date: { type: 'string' },
      link: { type: 'string' },
      source: { type: 'string' },
      tags: { type: 'string' },
      categories: { type: 'string' },
      author: { type: 'string', multiple: true },
      description: { type: 'string' },
      slug: { type: 'string' },
      draft: { type: 'boolean', default: false },
      ...helpOption,
    },
    optionHelp: [
      ['--title TITLE', 'the headline (required)'],
      ['--date DATE', 'e.g. 2026-01-06 or 2026-01-06T14:30:00+02:00 (default: now, in the site’s time zone)'],
      ['--link URL', 'the original article'],
      ['--source URL', 'the feed it came from'],
      ['--tags a,b', 'tags, separated by commas'],
      ['--categories a,b', 'categories, separated by commas'],
      ['--author NAME', 'an author; repeat for more'],
      ['--description TEXT', 'the dek'],
      ['--slug SLUG', 'the last part of the URL (default: from the title)'],
      ['--draft', 'leave it out of the built site until draft: false'],
      ['--content DIR', 'the content folder (default: content)'],
    ],
    async run(values, out) {
      if (typeof values.title !== 'string' || values.title.trim() === '') throw new UsageError('--title is required');
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
    summary: 'turn text clippings, article files and RSS/Atom/JSON feeds (files or URLs) into article files',
    usage: 'news-archive import FILE|URL... [--date DATE] [--link URL] [--source URL] [--title TITLE] [--tags a,b] [--dry-run] [--keep-duplicates] [--timeout SECONDS] [--content DIR]',
    takesArguments: true,
    options: {
      ...contentOption,
      date: { type: 'string' },
      link: { type: 'string' },
      source: { type: 'string' },
      title: { type: 'string' },
      tags: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      'keep-duplicates': { type: 'boolean', default: false },
      timeout: { type: 'string', default: '20' },
      ...helpOption,
    },
    optionHelp: [
      ['--date DATE', 'the date of a clipping, or of feed items without one'],
      ['--link URL', 'the original article of a clipping'],
      ['--source URL', 'the feed the articles came from (for feed files, overrides the feed’s own URL)'],
      ['--title TITLE', 'the headline of a clipping that has none'],
      ['--tags a,b', 'tags to add to every imported article'],
      ['--dry-run', 'say what would be written, write nothing'],
      ['--keep-duplicates', 'import articles even when the archive already has them'],
      ['--timeout SECONDS', 'how long to wait for a feed URL (default: 20)'],
      ['--content DIR', 'the content folder (default: content)'],
    ],
    async run(values, out, inputs) {
      if (inputs.length === 0) throw new UsageError('give at least one file or feed URL to import');
      const timeout = Number(values.timeout);
      if (!(timeout > 0)) throw new UsageError(`--timeout: expected a number of seconds, got ${JSON.stringify(values.timeout)}`);
      const dryRun = Boolean(values['dry-run']);
      const result = await importArticles({
        cwd: out.cwd,
        contentDir: String(values.content),
        inputs,
        date: optionalString(values.date),
        link: optionalString(values.link),
        source: optionalString(values.source),
        title: optionalString(values.title),
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
      out.stdout(
        `${dryRun ? 'Dry run: would import' : 'Imported'} ${countOf(result.planned.length, 'article')}` +
          (result.skipped.length > 0 ? `, skipped ${countOf(result.skipped.length, 'article')} already in the archive` : '') +
          (dryRun ? '; nothing was written.' : '.'),
      );
      return 0;
    },
  },
  serve: {
    summary: 'preview the site, drafts included, on localhost; rebuilds when content or templates change',
    usage: 'news-archive serve [--content DIR] [--output DIR] [--port PORT]',
    options: {
      ...contentOption,
      output: { type: 'string', default: '_preview' },
      port: { type: 'string', default: '8080' },
      ...helpOption,
    },
    optionHelp: [
      ['--content DIR', 'the content folder (default: content)'],
      ['--output DIR', 'where the preview is written (default: _preview, apart from the built site, since it shows drafts)'],
      ['--port PORT', 'the port on localhost (default: 8080)'],
    ],
    async run(values, out) {
      const port = Number(values.port);
      if (!Number.isInteger(port) || port < 1 || port > 65535) throw new UsageError(`--port: expected a port number from 1 to 65535, got ${JSON.stringify(values.port)}`);
      // Loaded when used: Eleventy's server and watcher take a while to load, and other commands need none of it.
      const { serveSite } = await import('./serve/serveSite.ts');
      const server = await serveSite({
        cwd: out.cwd,
        contentDir: String(values.content),
        outputDir: String(values.output),
        port,
        onBuild: ({ articleCount, fileCount, problems, seconds }) => {
          reportProblems(problems, out, out.stderr);
          out.stderr(`Built ${countOf(articleCount, 'article')} in ${seconds.toFixed(1)} s${problems.length > 0 ? ` (${summarize(problems, fileCount)}; articles with errors are left out)` : ''}`);
        },
        onError: (error) => out.stderr(`The preview could not be rebuilt: ${error.message}`),
      });
      out.stderr(`Serving ${server.url} with drafts shown, from ${String(values.output)}/. Editing an article, site.yaml or a template rebuilds it. Ctrl+C stops.`);
      await new Promise<void>((resolve) => {
        process.once('SIGINT', resolve);
        process.once('SIGTERM', resolve);
      });
      await server.close();
      return 0;
    },
  },
};

const optionalString = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value : undefined);
const commaList = (value: unknown): string[] =>
  typeof value === 'string' ? value.split(',').map((item) => item.trim()).filter(Boolean) : [];

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

function commandHelp(command: Command): string {
  const width = Math.max(...command.optionHelp.map(([flag]) => flag.length), '-h, --help'.length);
  return [
    `Usage: ${command.usage}`,
    '',
    command.summary.charAt(0).toUpperCase() + command.summary.slice(1) + '.',
    '',
    'Options:',
    ...command.optionHelp.map(([flag, text]) => `  ${flag.padEnd(width)}  ${text}`),
    `  ${'-h, --help'.padEnd(width)}  show this help`,
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
    const { values, positionals } = parseArgs({ args: [...rest], options: command.options, strict: true, allowPositionals: true });
    if (values.help) {
      out.stdout(commandHelp(command));
      return 0;
    }
    if (positionals.length > 0 && !command.takesArguments) throw new UsageError(`unexpected argument "${positionals[0]}"`);
    return await command.run(values, out, positionals);
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      out.stderr(`news-archive ${name}: ${(error as Error).message}\n\n${commandHelp(command)}`);
      return 2;
    }
    // Anything else (a folder that cannot be written, Pagefind that cannot start, a bug): one line
    // that says what went wrong; the stack trace only when asked for.
    const debug = Boolean(out.env['NEWS_ARCHIVE_DEBUG']);
    const [what, ...causes] = describeError(error);
    out.stderr(`news-archive ${name}: ${what}`);
    for (const line of debug ? describeError(error, { withStacks: true }) : causes) out.stderr(line);
    if (!debug) out.stderr('(set NEWS_ARCHIVE_DEBUG=1 to see where)');
    return 1;
  }
}
