/**
 * Relating articles is the costliest part of indexing (about 3 s at 10,000
 * articles) and depends only on the articles' texts, dates, tags and links:
 * a build whose articles did not change reads the last result from the cache
 * instead. One result is kept, the last one.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { writeCacheFile } from '../cacheFile.ts';
import { codeVersion } from '../codeVersion.ts';
import { relateArticles, type RelatableArticle, type Relations, type RelateOptions } from './relateArticles.ts';

export function cachedRelateArticles(cacheRoot: string): (articles: readonly RelatableArticle[], options: RelateOptions) => Relations {
  const folder = path.join(cacheRoot, 'relations');
  return (articles, options) => {
    const hash = createHash('sha256').update(codeVersion()).update(JSON.stringify(options));
    for (const article of articles) hash.update(JSON.stringify(article));
    const file = path.join(folder, hash.digest('hex'));
    try {
      return deserialize(readFileSync(file)) as Relations;
    } catch {
      // Not cached, or unreadable: computed afresh.
    }
    const relations = relateArticles(articles, options);
    for (const old of listFiles(folder)) rmSync(path.join(folder, old), { force: true });
    writeCacheFile(file, serialize(relations));
    return relations;
  };
}

function listFiles(folder: string): string[] {
  try {
    return readdirSync(folder);
  } catch {
    return [];
  }
}
