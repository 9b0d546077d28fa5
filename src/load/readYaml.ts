/**
 * Reads YAML written by people we do not trust: front matter and site.yaml.
 *
 * `yaml` with the YAML 1.2 core schema: dates stay strings (no time-zone
 * surprises), `<<` merge keys are plain keys, `__proto__` is an ordinary own
 * key, duplicate keys are errors, custom tags (`!!js/function`) are errors,
 * and alias bombs are stopped. Each key keeps its line for problem reports.
 * Front matter of the kinds nearly everyone writes is read by js-yaml instead
 * (`readCommonYaml.ts`): the same data, and none of the above can occur in it
 * (no anchors, aliases, tags, `<<` or `__proto__` keys; a duplicate key is
 * left to `yaml`).
 */
import jsYaml from 'js-yaml';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { problem, problemKinds, type Problem } from '../problems.ts';
import { readCommonYaml, type YamlMapping } from './readCommonYaml.ts';
import { append } from '../append.ts';

export type { YamlMapping };

/** A mapping read, with the warnings its reading gave (YAML read leniently), or the problems that kept it from being read. */
/**
 * `lineOf` for front matter read by a parser that keeps no positions (TOML, JSON, lenient YAML): the line
 * on which `startsKey` finds a top-level key, counted from `firstLine`, the file line `source` starts on.
 */
export function topLevelKeyLines(source: string, firstLine: number, startsKey: (line: string, key: string) => boolean): YamlMapping['lineOf'] {
  const lines = source.split('\n');
  return (path) => {
    if (path.length === 0) return undefined;
    const index = lines.findIndex((line) => startsKey(line, String(path[0])));
    return index === -1 ? undefined : index + firstLine;
  };
}

export type YamlResult = { ok: true; value: YamlMapping; warnings?: Problem[] } | { ok: false; problems: Problem[] };

/** Aliases a document may expand; a YAML "billion laughs" needs thousands. */
const maxAliasCount = 100;

/**
 * Parses a YAML mapping. `firstLine` is the file line on which `source`
 * starts (front matter starts after its `---`), so lines point into the file.
 * Front matter of the common kinds is read by js-yaml, ten times as fast, and
 * reads the same (`readCommonYaml.ts`); any other by `yaml`.
 */
export function readYamlMapping(file: string, source: string, firstLine = 1): YamlResult {
  const common = readCommonYaml(source, firstLine);
  return common ? { ok: true, value: common } : readYamlDocument(file, source, firstLine);
}

/** A YAML mapping as `yaml` reads it, with every problem it finds; `repair`: try the value of a broken key line as its whole text. */
export function readYamlDocument(file: string, source: string, firstLine = 1, repair = true): YamlResult {
  const lineCounter = new LineCounter();
  const document = parseDocument(source, { schema: 'core', lineCounter, uniqueKeys: true, prettyErrors: false });
  const lineAt = (offset: number): number => lineCounter.linePos(offset).line + firstLine - 1;

  const problems: Problem[] = [];
  const lines = source.split('\n');
  for (const error of document.errors) {
    const line = lineAt(error.pos[0]);
    problems.push(problem(problemKinds.yamlSyntax, { file, line, message: explainedYamlError(lines[line - firstLine] ?? '', firstSentence(error.message)) }));
  }
  for (const warning of document.warnings) {
    const isTag = warning.code === 'TAG_RESOLVE_FAILED';
    problems.push(
      problem(isTag ? problemKinds.yamlTag : problemKinds.yamlSyntax, {
        file,
        line: lineAt(warning.pos[0]),
        message: isTag ? `uses a YAML tag, which is not allowed: ${firstSentence(warning.message)}` : `is not valid YAML: ${firstSentence(warning.message)}`,
      }),
    );
  }
  if (problems.length > 0) {
    // YAML that only a lenient parser reads (quoted values over several lines, continuation lines not
    // indented) builds with Jekyll and Eleventy, which read it with js-yaml: so it is read the same way, with a warning.
    const lenient = document.warnings.length === 0 ? readLenientYaml(file, source, firstLine, problems[0]!) : undefined;
    const repaired = lenient || !repair ? undefined : readRepairedYaml(file, source, firstLine);
    return lenient ?? repaired ?? { ok: false, problems };
  }

  // A problem with the document as a whole points at its first line.
  const wholeDocument = (message: string, hint?: string): YamlResult => ({
    ok: false,
    problems: [problem(problemKinds.yamlSyntax, { file, line: firstLine, message, ...(hint ? { hint } : {}) })],
  });

  let data: unknown;
  try {
    data = document.toJS({ maxAliasCount });
  } catch (error) {
    return wholeDocument(
      `could not be expanded: ${(error as Error).message}`,
      `Use fewer YAML aliases (*name): at most ${maxAliasCount} expansions are allowed.`,
    );
  }
  if (data === null || data === undefined) data = {};
  if (typeof data !== 'object' || Array.isArray(data)) {
    return wholeDocument(`expected fields (key: value), got ${Array.isArray(data) ? 'a list' : 'a single value'}`);
  }

  return {
    ok: true,
    value: {
      data: data as Record<string, unknown>,
      lineOf(path) {
        const node = nodeAt(document, path);
        return node?.range ? lineAt(node.range[0]) : undefined;
      },
    },
  };
}

/**
 * The node to point at for a field: a top-level key's own line, else the
 * deepest node of the path that exists.
 */
function nodeAt(document: Document, path: readonly PropertyKey[]): Node | undefined {
  let node: unknown = document.contents;
  for (const [depth, step] of path.entries()) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(step));
      if (!pair) return depth === 0 ? undefined : (node as Node);
      node = path.length === 1 ? pair.key : (pair.value ?? pair.key);
    } else if (isSeq(node) && typeof step === 'number') {
      node = node.items[step] ?? node;
    } else {
      break;
    }
  }
  return node as Node | undefined;
}

const firstSentence = (message: string): string => (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '');

/** Nodes a leniently read document may hold, counting every use of an alias: a "billion laughs" needs millions. */
const maxLenientNodes = 10_000;

/**
 * The document as js-yaml (the parser of gray-matter, Jekyll's Ruby aside,
 * and Eleventy) reads it, with the YAML 1.2 core schema: no code, no tags
 * beyond the core ones, dates as strings. Undefined when it cannot read it
 * either, or when it expands too far.
 */
function readLenientYaml(file: string, source: string, firstLine: number, strictProblem: Problem): YamlResult | undefined {
  let data: unknown;
  try {
    data = jsYaml.load(source, { schema: jsYaml.CORE_SCHEMA, json: false });
  } catch {
    return undefined;
  }
  if (data === null || data === undefined) data = {};
  if (typeof data !== 'object' || Array.isArray(data) || nodeCount(data, maxLenientNodes) > maxLenientNodes) return undefined;
  const lineOf = topLevelKeyLines(source, firstLine, (line, key) => line.startsWith(`${key}:`) || line.startsWith(`"${key}":`) || line.startsWith(`'${key}':`));
  return {
    ok: true,
    value: { data: data as Record<string, unknown>, lineOf },
    warnings: [
      problem(problemKinds.lenientYaml, {
        file,
        line: strictProblem.line,
        message: `is YAML that only lenient parsers read, as Jekyll and Eleventy do (${strictProblem.message.replace(/^is not valid YAML: /, '')}); read as they read it`,
      }),
    ],
  };
}

/**
 * A top-level key's value on its own line that YAML cannot read but whose meaning is plain: a value holding `: `
 * (`title: Breaking: floods close the pass`, the commonest mistake in hand-written and converted front matter), or
 * one that opens with a quoted part and goes on after it (`title: "Aroma" To Air Tonight`). Jekyll builds such a
 * post without its front matter, Hugo and Eleventy stop; here each such value is read as the whole text after its
 * key, when that makes the document valid, with a warning naming the line and the value read.
 */
function readRepairedYaml(file: string, source: string, firstLine: number): YamlResult | undefined {
  const lines = source.split('\n');
  const repairs: { line: number; key: string; value: string; why: string }[] = [];
  const repairedLines = lines.map((line, index) => {
    // Linear on any line: no pattern here backtracks over a long run of spaces.
    const match = /^([A-Za-z_][\w-]*):[ \t]+(\S.*)$/.exec(line);
    // A value whose next line goes on, indented, is read by the lenient parser or not at all.
    if (!match || /^[ \t]+\S/.test(lines[index + 1] ?? '')) return line;
    const key = match[1]!;
    const value = match[2]!.trimEnd();
    const why = unreadableValue(value);
    if (why === undefined) return line;
    repairs.push({ line: index + firstLine, key, value, why });
    return `${key}: ${JSON.stringify(value)}`;
  });
  if (repairs.length === 0) return undefined;
  const result = readYamlDocument(file, repairedLines.join('\n'), firstLine, false);
  if (!result.ok) return undefined;
  const warnings = repairs.map(({ line, key, value, why }) =>
    problem(problemKinds.unquotedValue, {
      file,
      line,
      field: key,
      message: `the value of ${key} ${why}, which YAML does not read: read as the whole text after the key, as if written ${key}: ${JSON.stringify(value)}`,
    }),
  );
  return { ...result, warnings: [...(result.warnings ?? []), ...warnings] };
}

/** Why a key line's value is no YAML value though its meaning is plain, or undefined when it is not one of those. */
function unreadableValue(value: string): string | undefined {
  const quoted = /^"(?:[^"\\]|\\.)*"(.*)$/.exec(value) ?? /^'(?:[^']|'')*'(.*)$/.exec(value);
  if (quoted) return quoted[1]!.trim() === '' || /^\s+#/.test(quoted[1]!) ? undefined : 'opens with a quoted part and goes on after it';
  // Flow collections, block scalars, anchors, aliases, tags and the like mean something else; left as they are.
  if (/^[[{|>&*!%@`#]/.test(value)) return undefined;
  return /:\s/.test(value.replace(/\s#.*$/, '')) ? 'holds ": "' : undefined;
}

/** Nodes of a parsed value, aliases counted at every use; stops counting past `limit`. */
function nodeCount(value: unknown, limit: number): number {
  let count = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0 && count <= limit) {
    const node = stack.pop();
    count += 1;
    if (node !== null && typeof node === 'object') append(stack, Array.isArray(node) ? node : Object.values(node));
  }
  return count;
}

/**
 * The mistake everyone makes, said plainly: a value holding `: ` (`title: Colon: in a title`) reads as a
 * second key, which YAML reports as nested mappings; the way out is to quote the value.
 */
function explainedYamlError(lineText: string, parserMessage: string): string {
  // Linear on any line (a lazy `.*?` before `\s*$` took a million spaces times a million steps).
  const pair = /^\s*([\w-]+):[ \t]+(?![ \t"'])(.*)$/.exec(lineText);
  const value = pair?.[2]?.trimEnd();
  if (pair && value !== undefined && /:\s/.test(value) && /nested mappings|implicit map keys|compact mappings/i.test(parserMessage)) {
    return `the value of ${pair[1]} holds ": ", which YAML reads as the start of another key: quote the whole value, like ${pair[1]}: ${JSON.stringify(value)}`;
  }
  return `is not valid YAML: ${parserMessage}`;
}
