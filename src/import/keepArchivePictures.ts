/**
 * `news-archive images`: the pictures of articles already in the archive,
 * kept as `import` keeps those it writes (`keepPictures.ts`): each remote
 * lead image and HTML body image fetched once, stored by hash, and the file
 * rewritten in place (whole or not at all) to point at the copy. It can be
 * run again at any time: a picture already kept is no longer remote, and one
 * that failed is tried again.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { findContentFiles } from '../load/findContentFiles.ts';
import { assertContentFolder, pathShownFrom } from '../load/loadContent.ts';
import { loadSite } from '../load/loadSite.ts';
import { readArticle } from '../load/readArticle.ts';
import { defaultImageLimits } from '../media/storeImages.ts';
import type { Problem } from '../problems.ts';
import { writeWhole } from '../writeWhole.ts';
import { PictureKeeper } from './keepPictures.ts';
import { append } from '../append.ts';

export interface ArchivePicturesOptions {
  cwd: string;
  contentDir: string;
  dryRun?: boolean | undefined;
  timeoutSeconds?: number | undefined;
  maxPictureBytes?: number | undefined;
}

export interface ArchivePicturesResult {
  /** Files that point at the archive's copies now (or would, in a dry run). */
  rewritten: string[];
  kept: number;
  /** Pictures that stay at their addresses, and why. */
  problems: Problem[];
}

export async function keepArchivePictures(options: ArchivePicturesOptions): Promise<ArchivePicturesResult> {
  const contentDir = path.resolve(options.cwd, options.contentDir);
  assertContentFolder(contentDir, options.contentDir);
  const shown = pathShownFrom(options.cwd);
  const { site } = loadSite(contentDir, shown);
  const keeper = new PictureKeeper(
    contentDir,
    { timeoutSeconds: options.timeoutSeconds ?? defaultImageLimits.timeoutSeconds, maxBytes: options.maxPictureBytes ?? defaultImageLimits.maxBytes },
    { dryRun: options.dryRun },
  );
  const result: ArchivePicturesResult = { rewritten: [], kept: 0, problems: [] };
  for (const file of findContentFiles(contentDir, shown).files) {
    const text = readFileSync(file, 'utf8');
    // Only what can be remote: a quick look before reading the file as an article.
    if (!/https?:\/\//i.test(text)) continue;
    const { article } = readArticle(shown(file), text, site);
    if (!article) continue; // `check` and `build` report files that do not read.
    const kept = await keeper.keepPicturesOf({ title: article.title, date: article.date.iso, image: article.image, body: article.body, text }, shown(file));
    result.kept += kept.kept;
    append(result.problems, kept.problems);
    if (kept.kept === 0 || kept.draft.text === undefined || kept.draft.text === text) continue;
    result.rewritten.push(shown(file));
    if (!options.dryRun) writeWhole(file, kept.draft.text);
  }
  return result;
}
