/**
 * docs/templates.md, written from the code: which template renders which
 * kind of page, the page objects each receives (the interfaces of
 * `src/archive/pages.ts` and `src/strings/words.ts`, with their comments),
 * the filters and macros, and every key of the site's words with its
 * English text. `npm run readme` writes it; a test fails when it differs.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { en } from '../src/strings/en.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');

interface Member {
  name: string;
  optional: boolean;
  type: string;
  doc: string;
}

interface Declaration {
  name: string;
  extendsName?: string | undefined;
  doc: string;
  members: Member[];
}

/** A `/** … *\/` comment as one line of prose. */
const prose = (comment: string): string =>
  comment
    .trim()
    .replace(/^\/\*\*|\*\/$/g, '')
    .split('\n')
    .map((line) => line.replace(/^\s*\* ?/, '').trim())
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();

/**
 * The interfaces of a module as biome formats them: `export interface X extends Y {`, one member
 * per statement, each after its doc comment; a member's type may span lines (an object type).
 */
function interfacesOf(source: string): Declaration[] {
  const declarations: Declaration[] = [];
  const pattern = /(\/\*\*(?:(?!\*\/)[\s\S])*\*\/\s*)?(?:export )?interface (\w+)(?: extends (\w+))? \{\n/g;
  for (let match = pattern.exec(source); match; match = pattern.exec(source)) {
    let depth = 1;
    let index = pattern.lastIndex;
    while (depth > 0 && index < source.length) {
      if (source[index] === '{') depth += 1;
      if (source[index] === '}') depth -= 1;
      index += 1;
    }
    declarations.push({
      name: match[2]!,
      extendsName: match[3],
      doc: match[1] ? prose(match[1]) : '',
      members: membersOf(source.slice(pattern.lastIndex, index - 1)),
    });
  }
  return declarations;
}

function membersOf(body: string): Member[] {
  const members: Member[] = [];
  let doc = '';
  let rest = body;
  for (;;) {
    rest = rest.replace(/^\s+/, '');
    if (rest === '') return members;
    if (rest.startsWith('/**')) {
      const end = rest.indexOf('*/') + 2;
      doc = prose(rest.slice(0, end));
      rest = rest.slice(end);
      continue;
    }
    if (rest.startsWith('//')) {
      rest = rest.slice(rest.indexOf('\n') + 1);
      continue;
    }
    const head = /^(?:readonly )?(\w+)(\??):\s*/.exec(rest);
    if (!head) throw new Error(`templateDocs: cannot read the member at "${rest.slice(0, 60)}"`);
    let depth = 0;
    let index = head[0].length;
    while (index < rest.length && !(depth === 0 && rest[index] === ';')) {
      if ('{(<['.includes(rest[index]!)) depth += 1;
      if ('})>]'.includes(rest[index]!) && rest[index - 1] !== '=') depth -= 1;
      index += 1;
    }
    const type = rest
      .slice(head[0].length, index)
      .replace(/\s+/g, ' ')
      .replace(/\| undefined$/, '')
      // Templates receive a body as its HTML: the process that renders reads it from the cache first (`withBodies`).
      .replace(/\bBodyHtml\b/, 'string')
      .trim();
    members.push({ name: head[1]!, optional: head[2] === '?', type, doc });
    doc = '';
    rest = rest.slice(index + 1);
  }
}

/** Which template paginates over which kind: `data: archive.pages.<kind>` in its front matter, or the kind an .11ty.ts template reads. */
function templatesByKind(): [string, string][] {
  const folder = path.join(root, 'templates');
  return readdirSync(folder)
    .filter((file) => /\.(njk|11ty\.ts)$/.test(file))
    .sort()
    .flatMap((file): [string, string][] => {
      const text = readFileSync(path.join(folder, file), 'utf8');
      const kind = /archive\.pages\.([\w-]+)/.exec(text)?.[1] ?? /pages\[['"]([\w-]+)['"]\]/.exec(text)?.[1];
      return kind ? [[kind, file]] : [];
    });
}

const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function declarationSection(declaration: Declaration): string {
  const lines = [`### \`${declaration.name}\`${declaration.extendsName ? ` (and everything of \`${declaration.extendsName}\`)` : ''}`, ''];
  if (declaration.doc) lines.push(declaration.doc, '');
  lines.push('| field | type | what it is |', '|---|---|---|');
  for (const member of declaration.members) {
    lines.push(`| \`${member.name}\`${member.optional ? ' (may be absent)' : ''} | \`${cell(member.type)}\` | ${cell(member.doc)} |`);
  }
  return lines.join('\n');
}

function wordsSection(): string {
  const lines = ['| key | English | fills in |', '|---|---|---|'];
  for (const [key, message] of Object.entries(en)) {
    const text =
      typeof message === 'string'
        ? message
        : Object.entries(message)
            .map(([form, words]) => `${form}: ${words}`)
            .join(' · ');
    const names = [...new Set([...JSON.stringify(message).matchAll(/\{(\w+)\}/g)].map((match) => `{${match[1]}}`))].join(', ');
    lines.push(`| \`${key}\` | ${cell(text)} | ${names} |`);
  }
  return lines.join('\n');
}

export function templateDocs(): string {
  const pages = interfacesOf(read('src/archive/pages.ts'));
  const words = interfacesOf(read('src/strings/words.ts'));
  const byName = new Map([...pages, ...words].map((declaration) => [declaration.name, declaration]));
  const kinds = templatesByKind();
  const pageTypes = /export type Page =([^;]+);/
    .exec(read('src/archive/pages.ts'))![1]!
    .split('|')
    .map((name) => name.trim());
  const kindsOf = (type: string): string[] =>
    [...(byName.get(type)?.members.find((member) => member.name === 'kind')?.type ?? '').matchAll(/'([\w-]+)'/g)].map((match) => match[1]!);
  // What a template receives: the page as the Archive holds it, or with what the rendering adds (`RenderedArticlePage`).
  const receivedType = (kind: string): string => {
    const type = pageTypes.find((name) => kindsOf(name).includes(kind));
    if (type === undefined) return '?';
    return byName.has(`Rendered${type}`) ? `Rendered${type}` : type;
  };
  return [
    '# Templates and the data they receive',
    '',
    '<!-- Written by `npm run readme` from src/archive/pages.ts, src/strings/ and templates/: edit those, not this file. -->',
    '',
    'A site overrides a template by putting a file of the same name in its own `templates/` folder',
    '(partials in `templates/_includes/`), and adds or replaces stylesheets and pictures in its own',
    '`assets/` (see "Make it look like yours" in the README). Every template receives `archive`:',
    '`archive.site` (the `SiteView` below, the same on every page) and `archive.pages`, the pages of',
    'each kind; a template paginates over one kind, one page at a time, as `p`. Values are',
    'escaped when printed; only `p.article.html`, the sanitized body, is printed with `| safe`.',
    'Printing a value a page does not have fails the build with the template’s name and line; test',
    'an optional one with `{% if %}` first.',
    '',
    '## Which template renders which page',
    '',
    '| template | renders pages of kind | `p` is a |',
    '|---|---|---|',
    ...kinds.map(([kind, file]) => `| \`${file}\` | \`${kind}\` | \`${receivedType(kind)}\` |`),
    '',
    '## Filters and macros',
    '',
    '| in a template | gives |',
    '|---|---|',
    '| `{{ url \\| relativeUrl(p) }}` | a root-relative URL of the site (`/tags/`) as a link relative to the page, so the site works from any folder; an absolute URL as it is |',
    '| `{{ "key" \\| t }}`, `{{ "pageOf" \\| t({ page: 2, count: 9 }) }}` | a word of the site in its language (the keys are below); numbers written as the language writes them, `count` choosing the form by number; an unknown key fails the build |',
    '| `{% import "words.njk" as words %}` then `{{ words.say(p.messages.byline, p) }}` | a sentence made as `MessagePart`s (text, links, dates), each part escaped |',
    '| `<h1{{ words.lang(a) }}>` | `lang` and `dir` of an article’s own text, when its language is not the site’s |',
    '',
    '## The page objects',
    '',
    ...[...pages, ...words.filter((declaration) => ['SiteWords', 'MessagePart'].includes(declaration.name))].flatMap((declaration) => [
      declarationSection(declaration),
      '',
    ]),
    '## The site’s words',
    '',
    'Every word of the pages, by key, as `{{ "key" | t }}` prints it and `strings:` in `site.yaml`',
    'replaces it. Tables ship for English, German, French, Spanish, Ukrainian and Arabic',
    '(`src/strings/`); a message that counts something has a form for each plural category its',
    'language uses (`Intl.PluralRules`: zero, one, two, few, many, other).',
    '',
    wordsSection(),
    '',
  ].join('\n');
}
