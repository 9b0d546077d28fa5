/**
 * Turns zod's issues into problems people can act on: the field as written in
 * the file, its line, what was expected and what was found. zod's own JSON
 * message never reaches a user.
 */
import { closest, distance } from 'fastest-levenshtein';
import type { z } from 'zod';
import { problem, problemKinds, type Problem, type ProblemKind } from '../problems.ts';

type LineOf = (path: readonly PropertyKey[]) => number | undefined;

/** `tags[2]`, `sources.https://x`: a path as a reader of the file would name it. */
export function fieldName(path: readonly PropertyKey[]): string {
  return path.map((step, index) => (typeof step === 'number' ? `[${step}]` : index === 0 ? String(step) : `.${String(step)}`)).join('');
}

/** A found value, short enough for one line. */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') {
    const shown = value.length > 80 ? `${value.slice(0, 77)}...` : value;
    return JSON.stringify(shown);
  }
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (value !== null && typeof value === 'object') return 'a set of fields';
  return String(value);
}

export function describeIssues(file: string, issues: readonly z.core.$ZodIssue[], lineOf: LineOf, kind: ProblemKind = problemKinds.invalidField): Problem[] {
  return issues.map((issue) => {
    const path = issue.path as PropertyKey[];
    // Unknown keys are named by the message; the value they sit in says nothing more.
    const found = 'input' in issue && issue.input !== undefined && issue.code !== 'unrecognized_keys' ? `, got ${describeValue(issue.input)}` : '';
    return problem(kind, {
      file,
      line: lineOf(path) ?? lineOf(path.slice(0, 1)),
      field: fieldName(path),
      message: `${issue.message}${found}`,
    });
  });
}

/**
 * Warnings for keys the schema does not know, with the likely intended key:
 * a near miss of one of `knownKeys` (one edit in a short key, two in a long
 * one). `alsoKnown` are keys that are understood though not ours (other
 * generators'): never reported.
 */
export function describeUnknownKeys(
  file: string,
  data: Record<string, unknown>,
  knownKeys: readonly string[],
  lineOf: LineOf,
  alsoKnown: readonly string[] = [],
): Problem[] {
  return Object.keys(data)
    .filter((key) => !knownKeys.includes(key) && !alsoKnown.includes(key))
    .map((key) => {
      const guess = closest(key.toLowerCase(), [...knownKeys]);
      const near = guess !== undefined && distance(key.toLowerCase(), guess) <= (guess.length <= 5 ? 1 : 2);
      const suggestion = near ? ` (did you mean "${guess}"?)` : '';
      return problem(problemKinds.unknownField, {
        file,
        line: lineOf([key]),
        field: key,
        message: `is not a known field and is ignored${suggestion}`,
      });
    });
}
