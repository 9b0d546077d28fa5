/** `npm run readme`: writes the README's generated sections (see readmeSections.ts) and docs/templates.md (templateDocs.ts). */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readmeSections, withSections } from './readmeSections.ts';
import { templateDocs } from './templateDocs.ts';

const file = fileURLToPath(new URL('../README.md', import.meta.url));
const { text, missing } = withSections(readFileSync(file, 'utf8'), readmeSections());
if (missing.length > 0) {
  console.error(`README.md has no markers for: ${missing.join(', ')}`);
  process.exitCode = 1;
} else {
  writeFileSync(file, text);
}
writeFileSync(fileURLToPath(new URL('../docs/templates.md', import.meta.url)), templateDocs());
