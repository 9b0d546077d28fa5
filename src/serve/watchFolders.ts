/**
 * Every change under some folders, however an editor saves: written in place, renamed over the
 * old file (as most editors save), copied, added, deleted. Node's recursive `fs.watch` on Linux
 * follows each file by its inode, so after one save by renaming it missed every later save of
 * that file; a watch on each folder sees every change of its entries, whatever their inode.
 */
import { existsSync, readdirSync, watch, type FSWatcher } from 'node:fs';
import path from 'node:path';

/** Folders never watched: dependencies and version control, which are not content or templates. */
const unwatched = new Set(['node_modules', '.git']);

export interface FolderWatch {
  close(): void;
}

export function watchFolders(roots: readonly string[], onChange: () => void): FolderWatch {
  const watchers = new Map<string, FSWatcher>();
  const add = (folder: string) => {
    if (watchers.has(folder)) return;
    let watcher: FSWatcher;
    try {
      watcher = watch(folder, () => {
        refresh(folder);
        onChange();
      });
    } catch {
      return; // Gone already, or not readable: nothing to watch.
    }
    watcher.on('error', () => forget(folder));
    watchers.set(folder, watcher);
    for (const child of subfolders(folder)) add(child);
  };
  const forget = (folder: string) => {
    watchers.get(folder)?.close();
    watchers.delete(folder);
  };
  // A folder made or removed inside a watched one: watched from now on, or no longer.
  const refresh = (folder: string) => {
    for (const watched of watchers.keys()) if (!existsSync(watched)) forget(watched);
    for (const child of subfolders(folder)) add(child);
  };
  for (const root of roots) add(root);
  return {
    close() {
      for (const folder of [...watchers.keys()]) forget(folder);
    },
  };
}

function subfolders(folder: string): string[] {
  try {
    return readdirSync(folder, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && !unwatched.has(entry.name))
      .map((entry) => path.join(folder, entry.name));
  } catch {
    return [];
  }
}
