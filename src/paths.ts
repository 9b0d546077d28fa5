/**
 * Where the tool's own files are, wherever it is run from: the templates and
 * Eleventy config ship with the package, while content and output are the
 * user's and relative to the working folder. The tool runs from its
 * TypeScript sources (`src/`, through tsx) in a checkout, and from the
 * JavaScript they compile to (`lib/`, made when it is packed) once installed:
 * this module sits at the top of either, and names modules as they are there.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const packageRoot = fileURLToPath(new URL('..', import.meta.url));
/** `src/` or `lib/`: the folder the running code is in. */
export const codeRoot = fileURLToPath(new URL('.', import.meta.url));
export const templatesDir = fileURLToPath(new URL('../templates/', import.meta.url));

/** `.ts` when the tool runs from its sources, `.js` compiled. */
export const moduleExtension = path.extname(fileURLToPath(import.meta.url));

/** True when the tool runs from JavaScript compiled from its sources, which tsx does not load. */
export const runsCompiled = moduleExtension === '.js';

/** A module of the tool beside `base` (an `import.meta.url`), by its name without extension: `moduleBeside('./loadWorker', import.meta.url)`. */
export const moduleBeside = (name: string, base: string): URL => new URL(`${name}${moduleExtension}`, base);

export const eleventyConfigPath = fileURLToPath(moduleBeside('./render/eleventyConfig', import.meta.url));
