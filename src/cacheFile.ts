/**
 * Writing a file of the cache: whole or not at all (a temporary file, then a
 * rename), and never an error, since a cache that cannot be written (a
 * read-only checkout, a full disk) only makes the next build slower.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Writes `data` to `file`, making its folder unless `folderExists`; false when it could not. */
export function writeCacheFile(file: string, data: string | Uint8Array, { folderExists = false } = {}): boolean {
  try {
    if (!folderExists) mkdirSync(path.dirname(file), { recursive: true });
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, data);
    renameSync(temporary, file);
    return true;
  } catch {
    return false;
  }
}
