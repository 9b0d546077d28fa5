/**
 * Each command's options, defined once: one table per command gives
 * `parseArgs` its options, `--help` its text, the usage line, "did you mean"
 * for a misspelled flag, and the README's table of options
 * (`npm run readme` writes it; a test fails when the two disagree).
 */
import { closest, distance } from 'fastest-levenshtein';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './errors.ts';

export interface OptionSpec {
  /** Without the dashes: `base-url`. */
  name: string;
  type: 'string' | 'boolean';
  /** What a string option takes, as usage shows it: `URL`, `DIR`. */
  value?: string;
  default?: string | boolean;
  /** May be given more than once; the values come as a list. */
  multiple?: boolean;
  /** Shown in the usage line without brackets. */
  required?: boolean;
  /** One line for `--help` and the README. */
  help: string;
}

export interface CommandSpec {
  name: string;
  /** One line, for the list of commands. */
  summary: string;
  /** What it does, for `--help` and the README: a sentence or two. */
  description: string;
  /** Arguments besides options, as usage shows them (`FILE|URL...`); none when absent. */
  operands?: string;
  options: OptionSpec[];
}

const flag = (option: OptionSpec): string => `--${option.name}${option.value ? ` ${option.value}` : ''}`;

export function usageOf(command: CommandSpec): string {
  const options = command.options.map((option) => (option.required ? flag(option) : `[${flag(option)}]`));
  return ['news-archive', command.name, ...(command.operands ? [command.operands] : []), ...options].join(' ');
}

const withDefault = (option: OptionSpec): string => (typeof option.default === 'string' ? `${option.help} (default: ${option.default})` : option.help);

export function helpOf(command: CommandSpec): string {
  const rows: [string, string][] = [
    ...command.options.map((option): [string, string] => [flag(option), withDefault(option)]),
    ['-h, --help', 'show this help'],
  ];
  const width = Math.max(...rows.map(([name]) => name.length));
  return [`Usage: ${usageOf(command)}`, '', command.description, '', 'Options:', ...rows.map(([name, text]) => `  ${name.padEnd(width)}  ${text}`)].join('\n');
}

/** The README's table of a command's options, as Markdown. */
export function optionTableOf(command: CommandSpec): string {
  const cell = (text: string) => text.replace(/\|/g, '\\|');
  return ['| option | meaning |', '|---|---|', ...command.options.map((option) => `| \`${flag(option)}\` | ${cell(withDefault(option))} |`)].join('\n');
}

export interface ParsedArgs {
  values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  operands: string[];
  help: boolean;
}

/** Parses a command's arguments; a misspelled or unknown flag is a `UsageError` that proposes the nearest one. */
export function parseCommandArgs(command: CommandSpec, args: readonly string[]): ParsedArgs {
  const options: NonNullable<ParseArgsConfig['options']> = { help: { type: 'boolean', short: 'h' } };
  for (const option of command.options) {
    options[option.name] = {
      type: option.type,
      ...(option.multiple ? { multiple: true } : {}),
      ...(option.default === undefined ? {} : { default: option.default }),
    };
  }
  // A first, lenient pass finds unknown flags, so that they are said in our words, with a near miss when there is one.
  const { tokens } = parseArgs({ args: [...args], options, strict: false, allowPositionals: true, tokens: true });
  for (const token of tokens) {
    if (token.kind === 'option' && !(token.name in options)) throw new UsageError(unknownOption(token.rawName, Object.keys(options)));
  }
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: [...args], options, strict: true, allowPositionals: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { help, ...values } = parsed.values;
  if (parsed.positionals.length > 0 && !command.operands && !help) throw new UsageError(`unexpected argument "${parsed.positionals[0]}"`);
  return { values, operands: parsed.positionals, help: help === true };
}

function unknownOption(rawName: string, known: readonly string[]): string {
  const name = rawName.replace(/^-+/, '');
  const nearest = closest(name, [...known]);
  // A near miss: a typo or a missing dash, not any flag at all.
  const near = distance(name, nearest) <= Math.max(2, Math.floor(nearest.length / 3));
  return `unknown option ${rawName}${near ? ` (did you mean --${nearest}?)` : ''}`;
}
