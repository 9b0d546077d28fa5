/**
 * Templates that write JSON or plain text are TypeScript (`templates/*.11ty.ts`, and a site's own), which
 * Eleventy imports as it renders. Run from its sources, the tool is loaded through tsx, which loads them too;
 * compiled (`lib/`), the tool registers tsx for them once, before the first Eleventy of the process.
 */
import { runsCompiled } from '../paths.ts';

let registered: Promise<void> | undefined;

export const loadTypeScriptTemplates = (): Promise<void> =>
  (registered ??= runsCompiled ? import('tsx/esm/api').then(({ register }) => void register()) : Promise.resolve());
