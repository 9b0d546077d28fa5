/**
 * The `news-archive` command line. Exit codes: 0 done, 1 content has errors,
 * 2 the command was called wrongly.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { buildSite, UsageError } from './buildSite.ts';
import { countOf } from './format.ts';
import { loadContent } from './load/loadContent.ts';
import { isError, type Problem } from './problems.ts';
import { formatAnnotation, formatProblem, summarize } from './report.ts';
import { httpUrl } from './schema/fields.ts';

type Options = NonNullable<ParseArgsConfig['options']>;

interface Command {
  summary: string;
  usage: string;
  options: Options;
  optionHelp: [string, string][];
  run(values: Record<string, unknown>, out: Context): Promise<number> | number;
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
    usage: 'news-archive build [--content DIR] [--output DIR] [--base-url URL] [--skip-invalid]',
    options: {
      ...contentOption,
      output: { type: 'string', default: '_site' },
      'base-url': { type: 'string' },
      'skip-invalid': { type: 'boolean', default: false },
      ...helpOption,
    },
    optionHelp: [
      ['--content DIR', 'the content folder (default: content)'],
      ['--output DIR', 'where the site is written (default: _site)'],
      ['--base-url URL', 'where the site will be published, e.g. https://news.example.org/ (overrides baseUrl in site.yaml)'],
      ['--skip-invalid', 'build the valid articles even when others have errors; the problems are still printed'],
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
          (result.problems.length > 0 ? ` (${summary})` : ''),
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
    run(values, out) {
      const content = loadContent(String(values.content), out.cwd);
      reportProblems(content.problems, out, out.stdout);
      out.stdout(summarize(content.problems, content.fileCount));
      return content.problems.some(isError) ? 1 : 0;
    },
  },
};

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
    if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
    return await command.run(values, out);
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      out.stderr(`news-archive ${name}: ${(error as Error).message}\n\n${commandHelp(command)}`);
      return 2;
    }
    throw error;
  }
}
