/** How the tool names itself to the servers it asks: its name, its version, what it is doing, and where to read about it. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { packageRoot } from '../paths.ts';

const version = (JSON.parse(readFileSync(path.join(packageRoot, 'package.json'), 'utf8')) as { version: string }).version;

/** `news-archive/0.1.0 (feed archiver; +https://www.npmjs.com/package/news-archive)`. */
export const userAgent = (doing: string): string => `news-archive/${version} (${doing}; +https://www.npmjs.com/package/news-archive)`;
