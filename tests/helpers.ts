/** Shared test helpers: temporary content folders, running the CLI, and comparing built sites. */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../src/cli.ts';

export const projectRoot = fileURLToPath(new URL('..', import.meta.url));
export const fixture = (name: string): string => path.join(projectRoot, 'tests', 'fixtures', name);

// One folder per test process holds every temporary folder, removed on exit.
const testRoot = mkdtempSync(path.join(tmpdir(), 'news-archive-test-'));
process.on('exit', () => rmSync(testRoot, { recursive: true, force: true }));

/** A new, empty temporary folder. */
export const tempDir = (): string => mkdtempSync(path.join(testRoot, 'case-'));

/** Every file under a folder, by its path relative to it (sorted), with its bytes. */
export function filesOf(root: string): Map<string, Buffer> {
  const files = readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)))
    .sort();
  return new Map(files.map((file) => [file, readFileSync(path.join(root, file))]));
}

/** Two folders hold the same files, byte for byte; a failure names the files that differ. */
export function assertSameFiles(actual: string, expected: string): void {
  const [a, b] = [filesOf(actual), filesOf(expected)];
  assert.deepEqual([...a.keys()], [...b.keys()], 'the same files');
  const differing = [...a].filter(([file, bytes]) => !bytes.equals(b.get(file)!)).map(([file]) => file);
  assert.deepEqual(differing, [], 'the same bytes');
}

/** Writes files (path → text or bytes) under a new temporary folder and returns it. */
export function writeTree(files: Record<string, string | Uint8Array>, root = tempDir()): string {
  for (const [name, data] of Object.entries(files)) {
    const target = path.join(root, name);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, data);
  }
  return root;
}

/** A minimal valid article file. */
export function article(fields: Record<string, string>, body = '<p>Body text.</p>'): string {
  const lines = Object.entries(fields).map(([key, value]) => `${key}: ${value}`);
  return `---\n${lines.join('\n')}\n---\n${body}\n`;
}

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in this process, as if in `cwd`, capturing what it prints. */
export async function runCli(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}): Promise<CliRun> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await main(args, {
    cwd: options.cwd ?? tempDir(),
    stdout: (line) => stdout.push(line),
    stderr: (line) => stderr.push(line),
    env: options.env ?? {},
  });
  return { code, stdout: stdout.join('\n'), stderr: stderr.join('\n') };
}

/** Runs the installed `news-archive` command as a separate process, as a user would. */
export function runBin(args: string[], options: { cwd: string; env?: Record<string, string> }): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [path.join(projectRoot, 'bin', 'news-archive.js'), ...args],
      { cwd: options.cwd, env: { ...process.env, ...options.env } },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}
