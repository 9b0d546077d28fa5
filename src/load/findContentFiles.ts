/**
 * Finds the article files of a content folder: every `*.md` below it, except
 * in files and folders whose names start with `_` or `.` (drafts folders,
 * editor and VCS litter). Symbolic links are followed only to files inside
 * the content folder, so an article can never read a file from elsewhere.
 */
import { readdirSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { compareStrings, problem, problemKinds, type Problem } from '../problems.ts';

export interface ContentFiles {
  /** Absolute paths, in a stable order. */
  files: string[];
  problems: Problem[];
}

const isHidden = (name: string): boolean => name.startsWith('_') || name.startsWith('.');

export function findContentFiles(contentDir: string, displayPath: (absolute: string) => string): ContentFiles {
  const start = path.resolve(contentDir);
  const root = realpathSync(start);
  const files: string[] = [];
  const problems: Problem[] = [];

  const walk = (dir: string): void => {
    const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => compareStrings(a.name, b.name));
    for (const entry of entries) {
      if (isHidden(entry.name)) continue;
      const absolute = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        walk(absolute);
      } else if (entry.isFile() && entry.name.endsWith('.md')) {
        files.push(absolute);
      } else if (entry.isSymbolicLink() && entry.name.endsWith('.md')) {
        const target = safeRealpath(absolute);
        const inside = target !== undefined && target.startsWith(root + path.sep);
        if (inside && statSync(target).isFile()) {
          files.push(absolute);
        } else {
          problems.push(
            problem(problemKinds.unreadableFile, {
              file: displayPath(absolute),
              message: inside ? 'is a link to something that is not a file' : 'is a link to a file outside the content folder, which is not read',
              hint: 'Copy the article into the content folder instead of linking to it.',
            }),
          );
        }
      }
    }
  };
  walk(start);
  return { files, problems };
}

function safeRealpath(file: string): string | undefined {
  try {
    return realpathSync(file);
  } catch {
    return undefined;
  }
}
