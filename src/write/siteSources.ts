/**
 * Names for new feeds in `content/site.yaml`'s `sources`, written as a person
 * would add them: the file's comments, order and other settings kept (the
 * `yaml` library's document API), a name already given never replaced, and
 * the file written whole or not at all.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Document, isMap, parseDocument } from 'yaml';
import { siteFileName } from '../load/loadSite.ts';
import { writeWhole } from '../writeWhole.ts';

export interface SourceName {
  /** The feed's URL, as articles give it in `source`. */
  url: string;
  name: string;
  /** Followed by `news-archive fetch` (an OPML subscription). */
  follow?: boolean | undefined;
}

/** Adds each name whose feed site.yaml does not name yet; returns those added. */
export function addSourceNames(contentDir: string, names: readonly SourceName[]): SourceName[] {
  if (names.length === 0) return [];
  const file = path.join(contentDir, siteFileName);
  const parsed = parseDocument(existsSync(file) ? readFileSync(file, 'utf8') : '');
  if (parsed.errors.length > 0) return []; // The build reports a site.yaml that does not read; it is not ours to fix.
  const document = parsed.contents === null ? new Document({}) : parsed;
  const sources = document.get('sources');
  if (!isMap(sources)) document.set('sources', document.createNode({}));
  const map = document.get('sources');
  if (!isMap(map)) return [];
  const added = names.filter(({ url }) => !map.has(url));
  for (const { url, name, follow } of added) map.set(url, follow ? document.createNode({ name, follow: true }, { flow: true }) : name);
  if (added.length === 0) return [];
  writeWhole(file, document.toString());
  return added;
}
