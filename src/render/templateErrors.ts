/**
 * A template that fails to render, said as a place to fix: Nunjucks reports
 * its error in the merged templates folder and counts lines after the front
 * matter; a site's own template is named by its own path, with the line and
 * column in that file and the text there.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { causesOf } from '../errors.ts';
import type { Templates } from './siteTemplates.ts';

/**
 * Where Nunjucks says an error is, and what it is: "(/tmp/…/list.njk)\n Template render error: (/tmp/…/list.njk)
 * [Line 2, Column 26]\n  attempted to output null or undefined value". An error a filter throws has no line;
 * one of syntax says "parseIf: expected elif, else, or endif".
 */
function readNunjucksError(message: string): { file: string; line?: string | undefined; column?: string | undefined; problem: string } | undefined {
  const file = /^\(([^()\n]+)\)/.exec(message)?.[1] ?? /Template render error: \(([^()\n]+)\)/.exec(message)?.[1];
  if (file === undefined) return undefined;
  const [, line, column] = /\[Line (\d+), Column (\d+)\]/.exec(message) ?? [];
  const problem = message
    .split('\n')
    .map((text) => text.trim())
    .filter((text) => text !== '' && !/^(?:Template render error: )?\([^()]+\)(?: \[Line \d+, Column \d+\])?$/.test(text))
    .join(' ')
    .replace(/^Error: /, '');
  return { file, line, column, problem };
}

/** An error of one of the site's own templates, for its author; anything else as it was. */
export function describeTemplateError(error: unknown, templates: Templates): unknown {
  for (const cause of causesOf(error)) {
    const found = cause instanceof Error ? readNunjucksError(cause.message) : undefined;
    if (!found) continue;
    const { file: reported, line, column, problem } = found;
    const inFolder = path.relative(templates.dir, path.resolve(templates.dir, reported!));
    const ownFile = templates.siteFiles.get(inFolder.split(path.sep).join('/'));
    if (ownFile === undefined) return error;
    const shown = path.relative(process.cwd(), ownFile).split(path.sep).join('/');
    if (line === undefined) return new Error(`${shown}: ${problem}`);
    const text = readFileSync(ownFile, 'utf8');
    // Eleventy hands Nunjucks a page template without its front matter, so its lines start after it; partials are read whole.
    const fileLine = Number(line) + (inFolder.split(path.sep)[0] === '_includes' ? 0 : frontMatterLines(text));
    const source = text.split(/\r?\n/)[fileLine - 1]?.trim();
    const at = source ? ` in ${source.length > 100 ? `${source.slice(0, 97)}...` : source}` : '';
    const said = /attempted to output null or undefined value/.test(problem)
      ? `prints a value the page does not have${at}: check its name against docs/templates.md, which describes the data of every template, or print it inside {% if %}`
      : `${problem}${at} (docs/templates.md describes the data of every template)`;
    return new Error(`${shown}:${fileLine}:${column}: ${said}`);
  }
  return error;
}

/** Lines of the `---` front matter at the start of a template, both fences included. */
function frontMatterLines(text: string): number {
  const match = /^---\r?\n[\s\S]*?\r?\n---\r?\n/.exec(text);
  return match ? match[0].split(/\r?\n/).length - 1 : 0;
}
