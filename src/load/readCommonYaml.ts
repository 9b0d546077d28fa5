/**
 * Front matter as nearly everyone writes it, read by js-yaml instead of `yaml`.
 *
 * `yaml` builds a whole document (every node with its place in the text) to
 * read a mapping: 0.1 ms a front matter alone and 0.5 ms in a build, a
 * tenth of reading a file (5,000 generated front matters: 550 ms, against
 * 51 ms for js-yaml). A document whose every line is of a few plain kinds
 * reads the same in both, and is read by js-yaml here:
 *
 *     key: a value on its line          (plain, 'quoted' or "quoted", or [a, flow, list])
 *     key:                              (nothing, or a block of list items below it)
 *       - an item on its line
 *     key: |                            (a block of text, `|` or `>`, each with `-` or `+`)
 *       lines indented alike
 *     # a comment, and empty lines
 *
 * Anything else goes to `readYaml.ts`, which reads it with `yaml` as before: a
 * value over several lines (which only a lenient parser may read, with a
 * warning), a nested mapping, an anchor or alias, a tag, a tab, a comment
 * after a value, a duplicate key (js-yaml refuses it), and a plain value that
 * the two schemas might read differently (`1_000` or `0b11`, a number to
 * js-yaml). A value's line is known from the same lines, as `yaml` would say it.
 */
import jsYaml from 'js-yaml';

/** A mapping read from YAML, by either reader. */
export interface YamlMapping {
  data: Record<string, unknown>;
  /** 1-based line in the file of a field (`['tags', 2]`), where known. */
  lineOf(path: readonly PropertyKey[]): number | undefined;
}

// Up to 100 characters: `yaml` refuses a key past 1,024.
const key = String.raw`([A-Za-z][\w-]{0,100})`;
// Double quotes with the escapes everyone uses; single quotes, whose only escape is ''.
const quoted = String.raw`"(?:[^"\\]|\\["\\/nt]|\\u[0-9A-Fa-f]{4})*"|'(?:[^']|'')*'`;
// Not starting with one of YAML's indicators, '.' or '+' (.inf, +1), nor holding '#' or a ':' before a space. Spaces
// inside a value are taken only when more of it follows, so that each character can be read one way alone: a
// hostile line of spaces costs its length, not its length squared.
const plainStart = String.raw`[^\s"'\[\]{},#&*!|>%@\x60?:.+-]`;
const plain = String.raw`${plainStart}(?:[^ #:]|:(?=\S)| +(?=[^ #]))*`;
const flowPlain = String.raw`${plainStart}(?:[^ ,\[\]{}#:]| +(?=[^ ,\[\]{}#:]))*`;
const flowItem = `(?:${quoted}|${flowPlain})`;
const flowList = String.raw`\[ *(?:${flowItem} *(?:, *${flowItem} *)*)?\]`;
const blockIndicator = '[|>][-+]?';

const keyLine = new RegExp(`^${key}:(?: +(${quoted}|${flowList}|${blockIndicator}|${plain}))? *$`);
const listItem = new RegExp(`^( *)- +(${quoted}|${plain}) *$`);

/** A plain value js-yaml may read as a number and `yaml` (YAML 1.2's core schema) as text: digits with `_`, or a `0b`, `0X`... */
const numberOnlyToJsYaml = /^(?:[0-9][0-9_]*_[0-9_]*(?:\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?|0[A-Za-z].*)$/;

const isAgreedPlain = (value: string): boolean => !numberOnlyToJsYaml.test(value.trim());

/** A value's plain scalars, its own or its flow list's, as agreed by both readers (a quoted one always is). */
const plainsAgreed = (value: string): boolean =>
  (value.startsWith('[') ? value.slice(1, -1).split(',') : [value]).every((each) => /^\s*["']/.test(each) || isAgreedPlain(each));

/** Where each key and each item of a block list is, by line (1-based, in the source). */
interface Lines {
  keys: Map<string, number>;
  items: Map<string, number[]>;
}

/** The lines of a document of the kinds above, or undefined for any other. */
function commonLines(source: string): Lines | undefined {
  if (/[\t\r\uFEFF]/.test(source)) return undefined;
  const keys = new Map<string, number>();
  const items = new Map<string, number[]>();
  // After `key:` with nothing: a block of list items may follow, all at the `indent` of the first.
  let openList: { key: string; indent: number | undefined } | undefined;
  // After `key: |`: the block's lines, each at least at the `indent` of the first.
  let openText: { indent: number | undefined } | undefined;
  const lines = source.split('\n');
  for (const [index, line] of lines.entries()) {
    if (line === '') continue;
    if (openText) {
      const indent = openText.indent ?? /^ */.exec(line)![0].length;
      // Text ends at a line less indented; a line of spaces alone is left to `yaml` (its indentation rules).
      if (indent > 0 && line.startsWith(' '.repeat(indent))) {
        if (line.trim() === '') return undefined;
        openText.indent = indent;
        continue;
      }
      openText = undefined;
    }
    if (openList) {
      const item = listItem.exec(line);
      if (item && (openList.indent === undefined || item[1]!.length === openList.indent)) {
        if (!plainsAgreed(item[2]!)) return undefined;
        openList.indent = item[1]!.length;
        items.get(openList.key)!.push(index + 1);
        continue;
      }
      openList = undefined;
    }
    if (line.startsWith('#')) continue;
    const pair = keyLine.exec(line);
    if (!pair) return undefined;
    const [, name, value = ''] = pair;
    keys.set(name!, index + 1);
    if (value === '') {
      openList = { key: name!, indent: undefined };
      items.set(name!, []);
    } else if (/^[|>]/.test(value)) openText = { indent: undefined };
    else if (!plainsAgreed(value)) return undefined;
  }
  return keys.size > 0 ? { keys, items } : undefined;
}

/**
 * The mapping of a document of the common kinds, read by js-yaml, or undefined: then `yaml` reads it. `firstLine`
 * is the file line on which `source` starts.
 */
export function readCommonYaml(source: string, firstLine: number): YamlMapping | undefined {
  const lines = commonLines(source);
  if (!lines) return undefined;
  let data: unknown;
  try {
    data = jsYaml.load(source, { schema: jsYaml.CORE_SCHEMA, json: false });
  } catch {
    return undefined;
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return undefined;
  return {
    data: data as Record<string, unknown>,
    // As `yaml` places a path: a key by its line, a list's item by its own, else the deepest place that exists.
    lineOf(path) {
      if (path.length === 0) return undefined;
      const name = String(path[0]);
      const line = lines.keys.get(name);
      if (line === undefined) return undefined;
      const items = lines.items.get(name);
      if (path.length === 1 || !items || items.length === 0) return line + firstLine - 1;
      const step = path[1];
      const item = typeof step === 'number' ? (items[step] ?? items[0]!) : items[0]!;
      return item + firstLine - 1;
    },
  };
}
