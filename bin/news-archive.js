#!/usr/bin/env node
// Runs the tool: in a checkout, its TypeScript sources, which tsx compiles as they load; installed, the
// JavaScript they were compiled to when it was packed (`lib/`, shipped without the sources), which loads
// without a TypeScript loader. A `lib/` left in a checkout is never run in place of what is being edited.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// A build makes millions of objects that live for a stage or two, and the engine's young generation (16 MB by
// default) fills a thousand times in a day's news at 100,000 articles: 11.7 s of collecting in a 48 s build.
// At 64 MB it fills a quarter as often (a day's news: 52-53 s to 44-46 s at 100,000 articles, 4.5-4.8 s to
// 4.4-4.5 s at 10,000). It is 64 MB from the start, not grown to from 1 MB and shrunk again between stages:
// a day's news at 10,000 articles collects 25 times instead of 47 (4.6-5.3 s against 4.9-6.1 s in alternating
// runs), at 100,000 222 times instead of 250, and 5.3 s of collecting the young generation instead of
// 6.7-7.6 s (39.9-41.7 s against 49.9-56.2 s). The size can only be given as the process starts: a build
// starts the tool again with it, once, unless it was given one.
const youngGeneration = '--max-semi-space-size';
const given = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)].some((flag) => flag.startsWith(youngGeneration));
if (process.argv[2] === 'build' && !given) {
  const flags = [`${youngGeneration}=64`, '--min-semi-space-size=64'];
  const child = spawn(process.execPath, [...process.execArgv, ...flags, fileURLToPath(import.meta.url), ...process.argv.slice(2)], {
    stdio: 'inherit',
  });
  // Ctrl-C reaches both processes (one group); a signal sent to this one alone is passed on. The build ended by
  // one, this process ends by it too, its own handlers gone.
  const signals = /** @type {const} */ (['SIGINT', 'SIGTERM', 'SIGHUP']);
  const forward = (/** @type {NodeJS.Signals} */ signal) => child.kill(signal);
  for (const signal of signals) process.on(signal, forward);
  child.on('exit', (code, signal) => {
    if (signal === null) process.exit(code ?? 1);
    for (const name of signals) process.off(name, forward);
    process.kill(process.pid, signal);
  });
} else await run();

async function run() {
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
}
