/** The README says what the code does: its generated tables match the code, and its folder table names every part of src/. */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { readmeSections, withSections } from '../scripts/readmeSections.ts';
import { templateDocs } from '../scripts/templateDocs.ts';
import { projectRoot } from './helpers.ts';

const readme = readFileSync(path.join(projectRoot, 'README.md'), 'utf8');

test('the commands, their options and the problem codes in the README are those of the code (npm run readme writes them)', () => {
  const { text, missing } = withSections(readme, readmeSections());
  assert.deepEqual(missing, [], 'every generated section has its markers');
  assert.equal(text, readme, 'run `npm run readme` after changing an option or a problem code');
});

test('docs/templates.md describes the page objects, the filters and the words as the code has them (npm run readme writes it)', () => {
  const docs = readFileSync(path.join(projectRoot, 'docs/templates.md'), 'utf8');
  assert.equal(docs, templateDocs(), 'run `npm run readme` after changing a page object, a template or a word');
  // What an override most needs is there: the article page's fields and the words' keys.
  for (const name of ['`ArticlePage`', '`p.article.html`', '`readingTime`', '`messages`', '| `latestNews` |']) assert.ok(docs.includes(name), name);
});

test('the folder table names every folder and top-level module of src/, and nothing that is not there', () => {
  const table = readme.slice(readme.indexOf('| folder | holds |'));
  const rows = table.slice(0, table.indexOf('\n\n')).split('\n').slice(2);
  const named = rows.flatMap((row) => [...row.split('|')[1]!.matchAll(/`([^`]+)`/g)].map((match) => match[1]!));
  for (const name of named) assert.ok(existsSync(path.join(projectRoot, name)), `${name} is in the README's folder table but not in the project`);
  const parts = readdirSync(path.join(projectRoot, 'src'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() || /\.(ts|js)$/.test(entry.name))
    .filter((entry) => !entry.name.endsWith('.d.ts'))
    .map((entry) => `src/${entry.name}${entry.isDirectory() ? '/' : ''}`);
  assert.deepEqual(
    parts.filter((part) => !named.includes(part)),
    [],
    'every part of src/ is in the folder table',
  );
});
