/**
 * Reads `site.yaml` from the content folder. A missing file means defaults;
 * a bad value is a problem, and the default stands in for it so that the
 * rest of the settings still apply.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { problem, problemKinds, type Problem } from '../problems.ts';
import { unknownPlaceholders } from './otherGenerators.ts';
import { defaultSiteSettings, knownSiteKeys, siteSchema, staticRootsOf, type SiteSettings } from '../schema/site.ts';
import { en } from '../strings/en.ts';
import { tableFor } from '../strings/words.ts';
import { describeIssues, describeUnknownKeys } from './describeIssues.ts';
import { decodeText } from './readFrontMatter.ts';
import { readYamlMapping } from './readYaml.ts';
import { append } from '../append.ts';

export const siteFileName = 'site.yaml';

export interface LoadedSite {
  site: SiteSettings;
  problems: Problem[];
}

export function loadSite(contentDir: string, displayPath: (absolute: string) => string): LoadedSite {
  const own = loadSiteFile(contentDir, displayPath);
  const jekyll = jekyllConfigOf(contentDir, displayPath);
  // Where the site came from, as a Jekyll site's config says it (`url` and `baseurl`), unless site.yaml says.
  const loaded = own.site.origin === undefined && jekyll.origin !== undefined ? { ...own, site: { ...own.site, origin: jekyll.origin } } : own;
  const untranslated = untranslatedProblem(loaded.site, displayPath(path.join(contentDir, siteFileName)));
  if (untranslated) loaded.problems.push(untranslated);
  const permalink = loaded.site.permalink ?? jekyll.permalink;
  if (permalink === undefined) return loaded;
  const unknown = unknownPlaceholders(permalink);
  if (unknown.length > 0) {
    const from = loaded.site.permalink === undefined ? '_config.yml' : siteFileName;
    loaded.problems.push(
      problem(problemKinds.unkeptAddress, {
        file: displayPath(path.join(contentDir, from)),
        field: 'permalink',
        message: `"${permalink}" uses ${unknown.join(', ')}, which cannot be filled in here, so posts get no redirect from the addresses it gave them`,
      }),
    );
    return loaded;
  }
  return { ...loaded, site: { ...loaded.site, permalink } };
}

/** A language with no table of words, unless `strings:` gives every one. */
function untranslatedProblem(site: SiteSettings, file: string): Problem | undefined {
  if (tableFor(site.language) !== undefined) return undefined;
  const missing = Object.keys(en).filter((key) => !Object.hasOwn(site.strings, key)).length;
  if (missing === 0) return undefined;
  return problem(problemKinds.untranslatedLanguage, {
    file,
    field: 'language',
    message: `there are no built-in words for "${site.language}": ${missing} of the ${Object.keys(en).length} words of the pages are English, as strings: does not give them`,
  });
}

/**
 * What a Jekyll site's `_config.yml` says, when the content folder is one: its `permalink`, which its posts' old
 * addresses follow, and its address (`url`, with `baseurl` below it: `https://user.github.io` and `/harbour`), which
 * its links were written against.
 */
function jekyllConfigOf(contentDir: string, displayPath: (absolute: string) => string): { permalink?: string | undefined; origin?: string | undefined } {
  const config = path.join(contentDir, '_config.yml');
  if (!existsSync(config)) return {};
  const decoded = decodeText(displayPath(config), readFileSync(config));
  if (!decoded.ok) return {};
  const yaml = readYamlMapping(displayPath(config), decoded.text.replace(/^\uFEFF/, ''));
  // A config that does not read is Jekyll's to report; its defaults stand.
  if (!yaml.ok) return {};
  const { permalink, url, baseurl } = yaml.value.data;
  const text = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);
  const site = text(url);
  const below = text(baseurl)?.replace(/^\/*/, '/').replace(/\/*$/, '/') ?? '/';
  const origin = site && /^https?:\/\//i.test(site) && URL.canParse(below, site) ? new URL(below, site).href : undefined;
  return { permalink: text(permalink), origin };
}

function loadSiteFile(contentDir: string, displayPath: (absolute: string) => string): LoadedSite {
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
  if (parsed.success) return withStaticFolders(parsed.data, contentDir, problems, file, lineOf(['staticFolders']));

  append(problems, describeIssues(file, parsed.error.issues, lineOf, problemKinds.invalidSiteSettings));
  const badKeys = new Set(parsed.error.issues.map((issue) => String(issue.path[0])));
  const usable = Object.fromEntries(Object.entries(data).filter(([key]) => !badKeys.has(key)));
  return withStaticFolders(siteSchema.parse(usable), contentDir, problems, file, lineOf(['staticFolders']));
}

/** Folders of pictures that are not there are a problem naming each; the rest are used. */
function withStaticFolders(site: SiteSettings, contentDir: string, problems: Problem[], file: string, line: number | undefined): LoadedSite {
  const isFolder = (folder: string) => {
    try {
      return statSync(path.resolve(contentDir, folder)).isDirectory();
    } catch {
      return false;
    }
  };
  const missing = site.staticFolders.filter((folder) => !isFolder(folder));
  for (const folder of missing) {
    problems.push(
      problem(problemKinds.invalidSiteSettings, {
        file,
        line,
        field: 'staticFolders',
        message: `expected a folder (relative to the content folder, like ../static), got "${folder}", which is not one`,
      }),
    );
  }
  return { site: { ...site, staticFolders: site.staticFolders.filter((folder) => !missing.includes(folder)) }, problems };
}

/** The folders of pictures site.yaml names (`staticFolders`), absolute, those that are there. */
export const staticFoldersOf = (contentDir: string): string[] => staticRootsOf(loadSite(contentDir, (absolute) => absolute).site, contentDir);
