/**
 * A hash of the tool's own code: its sources, templates, Eleventy config,
 * manifest and lock file. Anything cached from one build for the next is
 * keyed by it, so a new version (or a local change) never reuses old results.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { packageRoot } from '../paths.ts';

let version: string | undefined;

export function codeVersion(): string {
  if (version) return version;
  const hash = createHash('sha256');
  for (const folder of ['src', 'templates']) {
    const root = path.join(packageRoot, folder);
    for (const file of readdirSync(root, { recursive: true, encoding: 'utf8' }).sort()) {
      const absolute = path.join(root, file);
      try {
        hash.update(file).update(readFileSync(absolute));
      } catch {
        // A folder: its files are listed on their own.
      }
    }
  }
  for (const file of ['.eleventy.ts', 'package.json', 'package-lock.json']) {
    try {
      hash.update(file).update(readFileSync(path.join(packageRoot, file)));
    } catch {
      // An installed package has no lock file; its version is in package.json.
    }
  }
  version = hash.digest('hex');
  return version;
}
