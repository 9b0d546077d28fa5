/**
 * A hash of the tool's own code: its sources (or the JavaScript they were
 * compiled to, installed), templates, manifest and lock file. Anything cached
 * from one build for the next is keyed by it, so a new version (or a local
 * change) never reuses old results.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { codeRoot, packageRoot, templatesDir } from '../paths.ts';

let version: string | undefined;

export function codeVersion(): string {
  if (version) return version;
  const hash = createHash('sha256');
  for (const root of [codeRoot, templatesDir]) {
    for (const file of readdirSync(root, { recursive: true, encoding: 'utf8' }).sort()) {
      const absolute = path.join(root, file);
      try {
        hash.update(file).update(readFileSync(absolute));
      } catch {
        // A folder: its files are listed on their own.
      }
    }
  }
  for (const file of ['package.json', 'package-lock.json']) {
    try {
      hash.update(file).update(readFileSync(path.join(packageRoot, file)));
    } catch {
      // An installed package has no lock file; its version is in package.json.
    }
  }
  version = hash.digest('hex');
  return version;
}
