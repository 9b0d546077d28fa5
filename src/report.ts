/**
 * How problems are printed: one line each, `file:line: field: message [code]`,
 * the form editors and CI logs turn into links; under GitHub Actions also as
 * workflow annotations, so they show on the pull request.
 */
import { countOf } from './format.ts';
import type { Problem } from './problems.ts';

/** `content/x.md:3: warning: tittle: is not a known field ... [unknown-field]` */
export function formatProblem(p: Problem): string {
  const place = p.line === undefined ? p.file : `${p.file}:${p.line}`;
  const severity = p.severity === 'warning' ? 'warning: ' : '';
  const field = p.field ? `${p.field}: ` : '';
  return `${place}: ${severity}${field}${oneLine(p.message)} [${p.code}]`;
}

/** A GitHub Actions workflow command for the problem. */
export function formatAnnotation(p: Problem): string {
  const properties = [`file=${escapeProperty(p.file)}`];
  if (p.line !== undefined) properties.push(`line=${p.line}`);
  properties.push(`title=${escapeProperty(p.code)}`);
  const field = p.field ? `${p.field}: ` : '';
  const hint = p.hint ? `\n${p.hint}` : '';
  return `::${p.severity} ${properties.join(',')}::${escapeData(`${field}${p.message}${hint}`)}`;
}

export function summarize(problems: readonly Problem[], fileCount: number, noun = 'article file'): string {
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  return `${countOf(errors, 'error')}, ${countOf(warnings, 'warning')} in ${countOf(fileCount, noun)}`;
}

/** Content may hold terminal escapes and bidi overrides; a report shows neither. */
const withoutControls = (text: string): string => text.replace(/[\u0000-\u0009\u000b-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, '\uFFFD');

const oneLine = (text: string): string => withoutControls(text.replace(/[\r\n]+/g, ' '));

// As @actions/core escapes workflow commands (packages/core/src/command.ts).
const escapeData = (text: string): string => withoutControls(text.replace(/\r/g, '')).replace(/%/g, '%25').replace(/\n/g, '%0A');
const escapeProperty = (text: string): string => escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
