/**
 * Builds parts of the search index in a worker thread. Pagefind runs one
 * backend process per JavaScript realm and that process indexes on one
 * core, so each worker, with a Pagefind of its own, is one more core at work.
 */
import { parentPort } from 'node:worker_threads';
import * as pagefind from 'pagefind';
import { sendableError, type SentError } from '../errors.ts';
import { readSpooledDocuments, type SpooledPart } from './documentSpool.ts';

/** A part to build: where its articles' search documents are, in URL order, and where its files go. */
export interface SearchJob {
  part: SpooledPart;
  outputPath: string;
  /** ISO 639-1, as Pagefind stems by it. */
  language: string;
}

export type SearchJobResult = { name: string; error?: undefined } | { name: string; error: SentError };

async function build({ part, outputPath, language }: SearchJob): Promise<void> {
  const documents = readSpooledDocuments(part);
  const { index, errors } = await pagefind.createIndex({ forceLanguage: language });
  if (!index) throw new Error(`the search index could not be created: ${errors.join('; ')}`);
  // Sent all at once, in URL order: Pagefind numbers pages in the order they arrive, which makes its files the same on every machine.
  const added = await Promise.all(documents.map((document) => index.addHTMLFile(document)));
  const addErrors = added.flatMap((result) => result.errors);
  if (addErrors.length > 0) throw new Error(`the search index could not read the articles: ${addErrors.join('; ')}`);
  const written = await index.writeFiles({ outputPath });
  if (written.errors.length > 0) throw new Error(`the search index could not be written: ${written.errors.join('; ')}`);
  await index.deleteIndex();
}

parentPort!.on('message', (job: SearchJob | 'close') => {
  if (job === 'close') {
    void pagefind.close().finally(() => parentPort!.close());
    return;
  }
  build(job).then(
    () => parentPort!.postMessage({ name: job.part.name } satisfies SearchJobResult),
    (error: unknown) => parentPort!.postMessage({ name: job.part.name, error: sendableError(error) } satisfies SearchJobResult),
  );
});
