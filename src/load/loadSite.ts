/**
 * Reads `site.yaml` from the content folder. A missing file means defaults;
 * a bad value is a problem, and the default stands in for it so that the
 * rest of the settings still apply.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { problemKinds, type Problem } from '../problems.ts';
import { defaultSiteSettings, knownSiteKeys, siteSchema, type SiteSettings } from '../schema/site.ts';
import { describeIssues, describeUnknownKeys } from './describeIssues.ts';
import { decodeText } from './readFrontMatter.ts';
import { readYamlMapping } from './readYaml.ts';

export const siteFileName = 'site.yaml';

export interface LoadedSite {
  site: SiteSettings;
  problems: Problem[];
}

export function loadSite(contentDir: string, displayPath: (absolute: string) => string): LoadedSite {
  const absolute = path.join(contentDir, siteFileName);
  if (!existsSync(absolute)) return { site: defaultSiteSettings, problems: [] };
  const file = displayPath(absolute);

  const decoded = decodeText(file, readFileSync(absolute));
  if (!decoded.ok) return { site: defaultSiteSettings, problems: [decoded.problem] };
  const yaml = readYamlMapping(file, decoded.text.replace(/^\uFEFF/, ''));
  if (!yaml.ok) return { site: defaultSiteSettings, problems: yaml.problems };

  const { data, lineOf } = yaml.value;
  const problems = [...(yaml.warnings ?? []), ...describeUnknownKeys(file, data, knownSiteKeys, lineOf)];
  const parsed = siteSchema.safeParse(data, { reportInput: true });
  if (parsed.success) return { site: parsed.data, problems };

  problems.push(...describeIssues(file, parsed.error.issues, lineOf, problemKinds.invalidSiteSettings));
  const badKeys = new Set(parsed.error.issues.map((issue) => String(issue.path[0])));
  const usable = Object.fromEntries(Object.entries(data).filter(([key]) => !badKeys.has(key)));
  return { site: siteSchema.parse(usable), problems };
}
