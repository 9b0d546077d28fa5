#!/usr/bin/env node
// Runs the TypeScript sources directly: tsx compiles them as they load.
import { register } from 'tsx/esm/api';

register();
// Output piped into a program that stops reading (`| head`) is not an error of ours.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (/** @type {NodeJS.ErrnoException} */ error) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}
const { main } = await import('../src/cli.ts');
/** @param {NodeJS.WriteStream} stream */
const print = (stream) => (/** @type {string} */ line) => stream.write(`${line}\n`);
process.exitCode = await main(process.argv.slice(2), {
  cwd: process.cwd(),
  stdout: print(process.stdout),
  stderr: print(process.stderr),
  env: process.env,
});
