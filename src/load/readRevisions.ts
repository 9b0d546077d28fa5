/**
 * A revisions file's text to the article's earlier versions (`schema/revisions.ts`),
 * with every problem found, named by the revisions file, its field and line.
 * Pure, like `readArticle.ts`: the loader reads it beside its article.
 */
import { toSiteDate, type SiteDate } from '../dates.ts';
import { isError, problem, problemKinds, type Problem } from '../problems.ts';
import { knownRevisionKeys, revisionSchema, revisionsSchema } from '../schema/revisions.ts';
import type { ReadingSettings } from '../schema/site.ts';
import { describeIssues, describeUnknownKeys } from './describeIssues.ts';
import { decodeText } from './readFrontMatter.ts';
import { readYamlMapping } from './readYaml.ts';

/** An earlier version of an article, as loaded: body not yet sanitized. */
export interface Revision {
  /** When the next version replaced it, on the site's calendar. */
  replaced: SiteDate;
  title: string;
  description?: string | undefined;
  /** HTML or Markdown, unsafe until sanitized. */
  body: string;
}

export interface ReadRevisionsResult {
  /** Absent when the file has errors. */
  revisions?: Revision[] | undefined;
  problems: Problem[];
}

const versionKeys = Object.keys(revisionSchema.shape);

export function readRevisions(file: string, bytes: Uint8Array, site: ReadingSettings): ReadRevisionsResult {
  const decoded = decodeText(file, bytes);
  if (!decoded.ok) return { problems: [decoded.problem] };
  const yaml = readYamlMapping(file, decoded.text);
  if (!yaml.ok) return { problems: yaml.problems };
  const { data, lineOf } = yaml.value;
  const problems = [...(yaml.warnings ?? []), ...describeUnknownKeys(file, data, knownRevisionKeys, lineOf)];
  // A misspelt key of a version (`titel:`) is said, as in an article's front matter.
  if (Array.isArray(data.versions)) {
    data.versions.forEach((version: unknown, index) => {
      if (version === null || typeof version !== 'object' || Array.isArray(version)) return;
      const prefixed = (path: readonly PropertyKey[]) => lineOf(['versions', index, ...path]);
      for (const unknown of describeUnknownKeys(file, version as Record<string, unknown>, versionKeys, prefixed)) {
        problems.push({ ...unknown, field: `versions[${index}].${unknown.field}` });
      }
    });
  }
  const parsed = revisionsSchema.safeParse(data, { reportInput: true });
  if (!parsed.success) return { problems: [...problems, ...describeIssues(file, parsed.error.issues, lineOf)] };
  const revisions = parsed.data.versions.map((version) => ({ ...version, replaced: toSiteDate(version.replaced, site.timezone) }));
  // Oldest first: each replaced before the next.
  revisions.forEach((revision, index) => {
    const next = revisions[index + 1];
    if (next && next.replaced.epochMs < revision.replaced.epochMs) {
      problems.push(
        problem(problemKinds.invalidField, {
          file,
          line: lineOf(['versions', index + 1, 'replaced']),
          field: `versions[${index + 1}].replaced`,
          message: `expected a time after the version before it (${revision.replaced.iso}), got ${next.replaced.iso}: versions are listed oldest first`,
        }),
      );
    }
  });
  return problems.some(isError) ? { problems } : { revisions, problems };
}
