/**
 * The parts of the README that the code defines: each command's usage and
 * options (from the CLI's tables) and the problem codes (from
 * `src/problems.ts`). Each lies between two markers in README.md;
 * `npm run readme` writes them, and a test fails when they differ.
 */
import { commands } from '../src/cli.ts';
import { optionTableOf, usageOf } from '../src/commandLine.ts';
import { problemKinds } from '../src/problems.ts';

export function readmeSections(): Map<string, string> {
  const sections = new Map<string, string>();
  sections.set(
    'commands',
    [
      '| command | does |',
      '|---|---|',
      ...Object.values(commands).map(
        (command) =>
          `| \`${usageOf(command)
            .replace(/^news-archive /, '')
            .replace(/\|/g, '\\|')}\` | ${command.description} |`,
      ),
    ].join('\n'),
  );
  for (const command of Object.values(commands)) {
    if (command.options.length > 0) sections.set(`options of ${command.name}`, `Options of \`${command.name}\`:\n\n${optionTableOf(command)}`);
  }
  sections.set(
    'problem codes',
    [
      '| code | severity | meaning |',
      '|---|---|---|',
      ...Object.values(problemKinds).map((kind) => `| \`${kind.code}\` | ${kind.severity} | ${kind.meaning} |`),
    ].join('\n'),
  );
  return sections;
}

const begin = (name: string) => `<!-- begin generated: ${name} (npm run readme) -->`;
const end = (name: string) => `<!-- end generated: ${name} -->`;

/** The README with each section's text between its markers; the names of sections whose markers are missing. */
export function withSections(readme: string, sections: ReadonlyMap<string, string>): { text: string; missing: string[] } {
  let text = readme;
  const missing: string[] = [];
  for (const [name, body] of sections) {
    const from = text.indexOf(begin(name));
    const to = text.indexOf(end(name));
    if (from === -1 || to < from) {
      missing.push(name);
      continue;
    }
    text = `${text.slice(0, from)}${begin(name)}\n${body}\n${text.slice(to)}`;
  }
  return { text, missing };
}
