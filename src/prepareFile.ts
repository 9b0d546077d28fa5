/**
 * The build's step for each content file: read and check it, then sanitize
 * the body. Run by loading on every file, through the cache and on every
 * core, so that the costly part of a build is done once per changed file.
 */
import type { FileResult, FileStep, RevisionsInput } from './load/checkFile.ts';
import { checkFile } from './load/checkFile.ts';
import { sanitizeArticle, type SafeArticle } from './sanitize/sanitizeArticles.ts';
import type { SiteSettings } from './schema/site.ts';

export function prepareFile(file: string, bytes: Uint8Array, site: SiteSettings, inContent?: string, revisions?: RevisionsInput): FileResult<SafeArticle> {
  const checked = checkFile(file, bytes, site, inContent, revisions);
  if (!checked.article) return { problems: checked.problems };
  const { article, problems } = sanitizeArticle(checked.article, site.origin, { blockRemoteImages: site.remoteImages === 'block' });
  return { problems: [...checked.problems, ...problems], article };
}

export const step: FileStep<SafeArticle> = { name: 'build', module: new URL(import.meta.url), run: prepareFile };
