/**
 * Splits a content file into its front matter (data, never code) and body,
 * in the three forms other generators write: YAML between `---` lines
 * (Jekyll, Hugo, Eleventy; `---json` for JSON), TOML between `+++` lines
 * (Hugo, Zola), and a JSON object at the top of the file (Hugo).
 *
 * gray-matter finds the `---` delimiters and the declared language; `readYaml`
 * reads the YAML. gray-matter's `js`/`javascript` engines would `eval` the
 * front matter (CVE-2022-25863), so any language but YAML and JSON is refused
 * before parsing, and every engine is replaced by one that only captures the
 * text or refuses, in case the two checks ever disagree. TOML is read by
 * smol-toml and JSON by `JSON.parse`, which never run anything.
 */
import matter from 'gray-matter';
import { parse as parseToml, TomlDate, TomlError } from 'smol-toml';
import { problem, problemKinds, shortened, type Problem } from '../problems.ts';
import { readYamlMapping, topLevelKeyLines, type YamlMapping } from './readYaml.ts';

export interface FrontMatter extends YamlMapping {
  body: string;
  /** What reading it found that is worth saying, though it was read (YAML read leniently). */
  warnings: Problem[];
  /** How it was written: TOML and JSON are other generators' (Hugo, Zola). */
  syntax: 'yaml' | 'toml' | 'json';
}

export type FrontMatterResult = { ok: true; value: FrontMatter } | { ok: false; problems: Problem[] };

class RefusedLanguage extends Error {}

const refuse = (language: string) => ({
  parse(): never {
    throw new RefusedLanguage(language);
  },
});

const failure = (problem: Problem): FrontMatterResult => ({ ok: false, problems: [problem] });

/** Decodes strict UTF-8: a file that is not text is a problem, not mojibake. */
export function decodeText(file: string, bytes: Uint8Array): { ok: true; text: string } | { ok: false; problem: Problem } {
  if (bytes.includes(0)) {
    return {
      ok: false,
      problem: problem(problemKinds.invalidEncoding, { file, message: 'is a binary file, not text: it contains NUL bytes' }),
    };
  }
  try {
    // Drops a UTF-8 byte-order mark, as editors on Windows write one.
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    const lossy = new TextDecoder('utf-8').decode(bytes);
    const line = lossy.slice(0, lossy.indexOf('\uFFFD')).split('\n').length;
    return { ok: false, problem: problem(problemKinds.invalidEncoding, { file, line, message: 'is not valid UTF-8' }) };
  }
}

/**
 * An article file's text: UTF-8, or, when it is not (a file of an old archive, saved by an editor of its day),
 * read as Windows-1252, the most common encoding of such files, with a warning that shows how its first such bytes
 * read. A binary file stays an error.
 */
export function decodeArticleText(
  file: string,
  bytes: Uint8Array,
): { ok: true; text: string; warning?: Problem | undefined } | { ok: false; problem: Problem } {
  const decoded = decodeText(file, bytes);
  if (decoded.ok || bytes.includes(0)) return decoded;
  const text = new TextDecoder('windows-1252').decode(bytes);
  // Where UTF-8 reading first failed, as `decodeText` found it: the same line in both readings, as the bytes before
  // it are ASCII or valid UTF-8.
  const line = decoded.problem.line ?? 1;
  const sample = shortened((text.split('\n')[line - 1] ?? '').trim(), 60);
  return {
    ok: true,
    text,
    warning: problem(problemKinds.legacyEncoding, {
      file,
      line,
      message: `is not valid UTF-8: read as Windows-1252, where this line reads ${JSON.stringify(sample)}`,
    }),
  };
}

/** Reads the front matter and body of a content file's text. */
export function readFrontMatter(file: string, rawText: string): FrontMatterResult {
  const text = rawText.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (text.trim() === '') {
    return failure(problem(problemKinds.emptyFile, { file, message: 'is empty' }));
  }
  if (/^\+\+\+[ \t]*\n/.test(text)) return readTomlFrontMatter(file, text);
  if (/^\{[ \t]*\n/.test(text)) return readJsonObjectFrontMatter(file, text);
  if (!/^---[^\n-]*(\n|$)/.test(text)) {
    return failure(
      problem(problemKinds.missingFrontMatter, {
        file,
        line: 1,
        message: 'has no front matter: expected the first line to be --- (YAML), +++ (TOML) or { (JSON)',
      }),
    );
  }
  const language = matter.language(text).name.trim().toLowerCase();
  if (language !== '' && !/^(?:ya?ml|json)$/.test(language)) return failure(refusedLanguage(file, language));
  if (!/\n---[ \t]*(\n|$)/.test(text)) {
    return failure(
      problem(problemKinds.unclosedFrontMatter, {
        file,
        line: 1,
        message: 'front matter is not closed: expected a line --- after it',
      }),
    );
  }

  let captured = '';
  const capture = {
    parse(source: string) {
      captured = source;
      return {};
    },
  };
  let body: string;
  try {
    body = matter(text, {
      language: 'yaml',
      engines: { yaml: capture, yml: capture, json: capture, js: refuse('js'), javascript: refuse('javascript'), coffee: refuse('coffee') } as never,
    }).content;
  } catch (error) {
    if (error instanceof RefusedLanguage) return failure(refusedLanguage(file, error.message));
    throw error;
  }

  body = body.replace(/^\n/, '');
  // gray-matter hands over the front matter from the end of the `---` line, so its first line is the file's first line.
  if (language === 'json') return fromJson(file, captured.trim() === '' ? '{}' : captured, body, 2);
  const yaml = readYamlMapping(file, captured, 1);
  if (!yaml.ok) return yaml;
  return { ok: true, value: { ...yaml.value, body, warnings: yaml.warnings ?? [], syntax: 'yaml' } };
}

/** Hugo's and Zola's TOML front matter, between `+++` lines. */
function readTomlFrontMatter(file: string, text: string): FrontMatterResult {
  const close = /\n\+\+\+[ \t]*(?:\n|$)/.exec(text);
  if (!close) {
    return failure(
      problem(problemKinds.unclosedFrontMatter, {
        file,
        line: 1,
        message: 'TOML front matter is not closed: expected a line +++ after it',
        hint: 'End TOML front matter with a line that holds only `+++`.',
      }),
    );
  }
  const source = text.slice(text.indexOf('\n') + 1, close.index + 1);
  const body = text.slice(close.index + close[0].length).replace(/^\n/, '');
  let data: Record<string, unknown>;
  try {
    data = plainToml(parseToml(source)) as Record<string, unknown>;
  } catch (error) {
    const line = error instanceof TomlError ? error.line + 1 : 1;
    const message = (error as Error).message.split('\n')[0]!.replace(/^Invalid TOML document: /, '');
    return failure(problem(problemKinds.tomlSyntax, { file, line, message: `is not valid TOML: ${message}` }));
  }
  // The TOML starts on the line after `+++`; a key is written bare or quoted, then `=`.
  const lineOf = topLevelKeyLines(source, 2, (line, key) => {
    const start = line.trimStart();
    return [key, `"${key}"`].some((written) => start.startsWith(written) && start.slice(written.length).trimStart().startsWith('='));
  });
  return { ok: true, value: { data, lineOf, body, warnings: [], syntax: 'toml' } };
}

/** TOML's dates as the text they were written as (`2026-03-26`, `2026-03-26T10:00:00+02:00`), the rest as it is. */
function plainToml(value: unknown): unknown {
  if (value instanceof TomlDate) return value.toISOString();
  if (Array.isArray(value)) return value.map(plainToml);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, plainToml(item)]));
  return value;
}

/** Hugo's JSON front matter: an object at the top of the file, its closing brace alone on a line. */
function readJsonObjectFrontMatter(file: string, text: string): FrontMatterResult {
  for (const close of text.matchAll(/\n\}[ \t]*(?:\n|$)/g)) {
    const source = text.slice(0, close.index + 2);
    try {
      JSON.parse(source);
    } catch {
      continue;
    }
    return fromJson(file, source, text.slice(close.index + close[0].length).replace(/^\n/, ''), 1);
  }
  return failure(
    problem(problemKinds.jsonSyntax, { file, line: 1, message: 'is not valid JSON front matter: expected an object whose closing } is alone on a line' }),
  );
}

function fromJson(file: string, source: string, body: string, firstLine: number): FrontMatterResult {
  let data: unknown;
  try {
    data = JSON.parse(source);
  } catch (error) {
    return failure(problem(problemKinds.jsonSyntax, { file, line: firstLine, message: `is not valid JSON: ${(error as Error).message}` }));
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return failure(problem(problemKinds.jsonSyntax, { file, line: firstLine, message: 'expected an object of fields in the JSON front matter' }));
  }
  const lineOf = topLevelKeyLines(source, firstLine, (line, key) => line.trimStart().startsWith(`${JSON.stringify(key)}:`));
  return { ok: true, value: { data: data as Record<string, unknown>, lineOf, body, warnings: [], syntax: 'json' } };
}

const refusedLanguage = (file: string, language: string): Problem =>
  problem(problemKinds.frontMatterLanguage, {
    file,
    line: 1,
    message: `front matter in "${language}" is refused: expected YAML, TOML or JSON`,
  });
