/**
 * The pipeline flows one way: no module of src/ imports from a later stage,
 * and no two modules import each other, however indirectly. Stages in the
 * order they run; a module may import from its own stage or an earlier one.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { projectRoot } from './helpers.ts';

const src = path.join(projectRoot, 'src');

/** Stage of each folder or top-level module of src/, in the order the pipeline runs. */
const stages: [number, string[]][] = [
  [
    0,
    [
      'dates.ts',
      'slug.ts',
      'format.ts',
      'problems.ts',
      'routes.ts',
      'errors.ts',
      'paths.ts',
      'workerThread.ts',
      'workerEntry.js',
      'workerProcess.ts',
      'processEntry.js',
      'writeWhole.ts',
      'stageTimes.ts',
      'madeOnce.ts',
      'append.ts',
      'collectGarbage.ts',
      'handOver.ts',
      'spool.ts',
      'cache',
      'strings',
    ],
  ],
  [1, ['schema']],
  [2, ['load']],
  [3, ['sanitize']],
  [4, ['duplicates', 'related', 'links', 'media']],
  [5, ['archive']],
  [6, ['search', 'render']],
  [7, ['prepareFile.ts', 'buildContent.ts', 'makeSite.ts', 'buildSite.ts']],
  [8, ['serve', 'import', 'write', 'checkSite.ts', 'report.ts', 'commandLine.ts']],
  [9, ['cli.ts', 'index.ts']],
];
const stageOf = (module: string): number | undefined => stages.find(([, names]) => names.includes(module.split('/')[0]!))?.[0];

const modules = readdirSync(src, { recursive: true, encoding: 'utf8' })
  .filter((file) => /\.(ts|js)$/.test(file))
  .map((file) => file.split(path.sep).join('/'));

/** What a module imports from src/, static and dynamic, as paths relative to src/. */
function importsOf(module: string): string[] {
  const text = readFileSync(path.join(src, module), 'utf8');
  const specifiers = [...text.matchAll(/(?:from\s+|import\s*\(\s*|new URL\(\s*)'(\.{1,2}\/[^']+)'/g)].map((match) => match[1]!);
  return specifiers
    .map((specifier) => path.posix.normalize(path.posix.join(path.posix.dirname(module), specifier)))
    .filter((target) => !target.startsWith('..'));
}

test('every module of src/ belongs to a stage', () => {
  assert.deepEqual(
    modules.filter((module) => stageOf(module) === undefined),
    [],
  );
});

test('no module imports from a later stage of the pipeline', () => {
  const backwards = modules.flatMap((module) =>
    importsOf(module)
      .filter((target) => stageOf(target)! > stageOf(module)!)
      .map((target) => `${module} (stage ${stageOf(module)}) imports ${target} (stage ${stageOf(target)})`),
  );
  assert.deepEqual(backwards, []);
});

test('no import cycle in src/', () => {
  const graph = new Map(modules.map((module) => [module, importsOf(module).filter((target) => modules.includes(target))]));
  const done = new Set<string>();
  const cycles: string[] = [];
  const visit = (module: string, trail: string[]) => {
    if (trail.includes(module)) {
      cycles.push([...trail.slice(trail.indexOf(module)), module].join(' → '));
      return;
    }
    if (done.has(module)) return;
    for (const target of graph.get(module) ?? []) visit(target, [...trail, module]);
    done.add(module);
  };
  for (const module of modules) visit(module, []);
  assert.deepEqual(cycles, []);
});
