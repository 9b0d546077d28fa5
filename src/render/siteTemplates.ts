/**
 * A site's own look without a fork: its folder may hold `templates/` (files with the names of the
 * tool's templates, partials in `templates/_includes/` included) and `assets/` (stylesheets,
 * images, added to the tool's or replacing one of the same name), as Hugo and Eleventy let a site
 * override a theme. The tool's templates are copied with the site's over them into one folder,
 * which Eleventy renders from; an upgrade of the tool changes what the site did not override.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { codeVersion } from '../cache/codeVersion.ts';
import { templatesDir } from '../paths.ts';

export interface Templates {
  /** The folder Eleventy renders from. */
  dir: string;
  /** Of the site's own templates and assets: empty when there are none. Page hashes include it. */
  hash: string;
  /** The site's own files among them: path in `dir` (`list.njk`, `_includes/note.njk`) → the site's file, for errors. */
  siteFiles: ReadonlyMap<string, string>;
}

export const toolTemplates: Templates = { dir: templatesDir, hash: '', siteFiles: new Map() };

/** The site's folders that may override the tool's, and where each goes: `templates/` over all of them, `assets/` over `templates/assets/`. */
export const overrideFoldersOf = (siteFolder: string): [from: string, to: string][] => [
  [path.join(siteFolder, 'templates'), '.'],
  [path.join(siteFolder, 'assets'), 'assets'],
];

const overridesOf = (siteFolder: string): [from: string, to: string][] =>
  overrideFoldersOf(siteFolder).filter(([folder]) => existsSync(folder) && statSync(folder).isDirectory() && !sameFolder(folder, templatesDir));

// Working on the tool itself, its own templates/ is no override.
const sameFolder = (a: string, b: string): boolean => realpathSync(a) === realpathSync(b);

/** The site's files, by their path in the merged folder; a later folder's file replaces an earlier one's. */
function siteFilesOf(overrides: readonly [string, string][]): Map<string, string> {
  const files = new Map<string, string>();
  for (const [folder, to] of overrides) {
    for (const file of readdirSync(folder, { recursive: true, encoding: 'utf8' }).sort()) {
      const absolute = path.join(folder, file);
      if (statSync(absolute).isFile()) files.set(path.posix.join(to, file.split(path.sep).join('/')), absolute);
    }
  }
  return files;
}

function hashOf(siteFiles: ReadonlyMap<string, string>): string {
  const hash = createHash('sha256').update(codeVersion());
  for (const [name, absolute] of [...siteFiles].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) hash.update(`${name}\0`).update(readFileSync(absolute));
  return hash.digest('hex').slice(0, 32);
}

/** The templates a build of the site in `siteFolder` renders with. */
export function templatesFor(siteFolder: string): Templates {
  const overrides = overridesOf(siteFolder);
  if (overrides.length === 0) return toolTemplates;
  const siteFiles = siteFilesOf(overrides);
  const hash = hashOf(siteFiles);
  // One folder per version of the tool and of the site's templates: made once, then reused.
  const dir = path.join(tmpdir(), `news-archive-templates-${hash}`);
  if (!existsSync(dir)) {
    const making = `${dir}.${process.pid}`;
    rmSync(making, { recursive: true, force: true });
    mkdirSync(making, { recursive: true });
    cpSync(templatesDir, making, { recursive: true });
    // Its .11ty.ts templates are ES modules, as in the tool's package.
    writeFileSync(path.join(making, 'package.json'), '{ "type": "module" }\n');
    for (const [folder, to] of overrides) cpSync(folder, path.join(making, to), { recursive: true, force: true, dereference: true });
    try {
      renameSync(making, dir);
    } catch {
      rmSync(making, { recursive: true, force: true }); // Another build made it first.
    }
  }
  return { dir, hash, siteFiles };
}
