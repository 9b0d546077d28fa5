/**
 * Where the tool's own files are, wherever it is run from: the templates and
 * Eleventy config ship with the package, while content and output are the
 * user's and relative to the working folder.
 */
import { fileURLToPath } from 'node:url';

export const packageRoot = fileURLToPath(new URL('..', import.meta.url));
export const templatesDir = fileURLToPath(new URL('../templates/', import.meta.url));
export const eleventyConfigPath = fileURLToPath(new URL('../.eleventy.ts', import.meta.url));
