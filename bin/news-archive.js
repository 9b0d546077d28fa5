#!/usr/bin/env node
// Runs the tool: in a checkout, its TypeScript sources, which tsx compiles as they load; installed, the
// JavaScript they were compiled to when it was packed (`lib/`, shipped without the sources), which loads
// without a TypeScript loader. A `lib/` left in a checkout is never run in place of what is being edited.
import { existsSync } from 'node:fs';

const sources = new URL('../src/cli.ts', import.meta.url);
// By a URL made at run time, which the type-check does not follow into a `lib/` left in the checkout.
const compiled = new URL('../lib/cli.js', import.meta.url);
const fromSources = async () => {
  (await import('tsx/esm/api')).register();
  return import(sources.href);
};
// Output piped into a program that stops reading (`| head`) is not an error of ours.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (/** @type {NodeJS.ErrnoException} */ error) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}
/** @type {{ main: typeof import('../src/cli.ts').main }} */
const { main } = existsSync(sources) ? await fromSources() : await import(compiled.href);
/** @param {NodeJS.WriteStream} stream */
const print = (stream) => (/** @type {string} */ line) => stream.write(`${line}\n`);
process.exitCode = await main(process.argv.slice(2), {
  cwd: process.cwd(),
  stdout: print(process.stdout),
  stderr: print(process.stderr),
  env: process.env,
});
