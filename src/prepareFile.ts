/**
 * The build's step for each content file: read and check it, sanitize the
 * body, and sketch its text for finding copies. Run by loading on every
 * file, through the cache and on every core, so that the costly part of a
 * build or check is done once per changed file.
 */
import type { FileResult, FileStep, RevisionsInput } from './load/checkFile.ts';
import { fingerprint, sketchOf, type Sketch } from './duplicates/fingerprint.ts';
import { checkFile } from './load/checkFile.ts';
import { sanitizeArticle, type SafeArticle } from './sanitize/sanitizeArticles.ts';
import type { ReadingSettings } from './schema/site.ts';

/** A sanitized article with the sketch of its text's fingerprint, which `check` finds copies by. */
export type PreparedArticle = SafeArticle & { sketch: Sketch };

export function prepareFile(
  file: string,
  bytes: Uint8Array,
  site: ReadingSettings,
  inContent?: string,
  revisions?: RevisionsInput,
): FileResult<PreparedArticle> {
  const checked = checkFile(file, bytes, site, inContent, revisions);
  if (!checked.article) return { problems: checked.problems };
  const { article, problems } = sanitizeArticle(checked.article, site.origin, { blockRemoteImages: site.remoteImages === 'block' });
  return { problems: [...checked.problems, ...problems], article: { ...article, sketch: sketchOf(fingerprint(article.text)) } };
}

export const step: FileStep<PreparedArticle> = { name: 'build', module: new URL(import.meta.url), run: prepareFile };
