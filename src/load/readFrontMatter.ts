/**
 * Splits a content file into its front matter (YAML, never code) and body.
 *
 * gray-matter finds the delimiters and the declared language; `readYaml`
 * reads the YAML. gray-matter's `js`/`javascript` engines would `eval` the
 * front matter (CVE-2022-25863), so any language but YAML is refused before
 * parsing, and every engine but YAML is replaced by one that refuses, in
 * case the two checks ever disagree.
 */
import matter from 'gray-matter';
import { problem, problemKinds, type Problem } from '../problems.ts';
import { readYamlMapping, type YamlMapping } from './readYaml.ts';

export interface FrontMatter extends YamlMapping {
  body: string;
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

/** Reads the front matter and body of a content file's text. */
export function readFrontMatter(file: string, rawText: string): FrontMatterResult {
  const text = rawText.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (text.trim() === '') {
    return failure(problem(problemKinds.emptyFile, { file, message: 'is empty' }));
  }
  if (!/^---[^\n-]*(\n|$)/.test(text)) {
    return failure(
      problem(problemKinds.missingFrontMatter, {
        file,
        line: 1,
        message: 'has no front matter: expected the first line to be ---',
      }),
    );
  }
  const language = matter.language(text).name.trim();
  if (language !== '' && !/^ya?ml$/i.test(language)) return failure(refusedLanguage(file, language));
  if (!/\n---[ \t]*(\n|$)/.test(text)) {
    return failure(
      problem(problemKinds.unclosedFrontMatter, {
        file,
        line: 1,
        message: 'front matter is not closed: expected a line --- after it',
      }),
    );
  }

  let yamlSource = '';
  let body: string;
  try {
    body = matter(text, {
      language: 'yaml',
      engines: {
        yaml: {
          parse(source: string) {
            yamlSource = source;
            return {};
          },
        },
        yml: refuse('yml'),
        js: refuse('js'),
        javascript: refuse('javascript'),
        json: refuse('json'),
        coffee: refuse('coffee'),
      } as never,
    }).content;
  } catch (error) {
    if (error instanceof RefusedLanguage) return failure(refusedLanguage(file, error.message));
    throw error;
  }

  // gray-matter hands over the YAML from the end of the `---` line, so its
  // first line is the file's first line.
  const yaml = readYamlMapping(file, yamlSource, 1);
  if (!yaml.ok) return yaml;
  return { ok: true, value: { ...yaml.value, body: body.replace(/^\n/, '') } };
}

const refusedLanguage = (file: string, language: string): Problem =>
  problem(problemKinds.frontMatterLanguage, {
    file,
    line: 1,
    message: `front matter in "${language}" is refused: expected YAML`,
  });
