/**
 * Worker processes running the tool's modules, for work whose memory must
 * go back to the system when it is done: a worker thread's heap is freed
 * into this process, which keeps it (at 10,000 articles the build held
 * 300 MB more after rendering in threads than before, with 34 MB of it in
 * use), while a process's memory is the system's again when it exits.
 * Messages are copied as between threads (the structured clone algorithm).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

/** A process running `module` (a URL, as from `moduleBeside('./x', import.meta.url)`); it talks with `process.send` and `process.on('message')`. */
export const startProcess = (module: URL): ChildProcess =>
  fork(fileURLToPath(new URL('./processEntry.js', import.meta.url)), [module.href], {
    serialization: 'advanced',
    // Not this process's own flags (a test runner's, say): the worker runs the module and nothing else.
    execArgv: [],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });

/** Stops the process and waits until it is gone. */
export async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill();
  await exited;
}

/** Sends `message` and waits for the one answer, rejecting when the process fails or stops first. */
export function ask<Answer>(child: ChildProcess, message: unknown, what: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const failed = (error: Error) => settle(() => reject(error));
    const stopped = (code: number | null, signal: string | null) => settle(() => reject(new Error(`${what} stopped (${signal ?? `exit code ${code}`})`)));
    const answered = (answer: Answer) => settle(() => resolve(answer));
    const settle = (then: () => void) => {
      child.off('message', answered).off('error', failed).off('exit', stopped);
      then();
    };
    child.once('message', answered).once('error', failed).once('exit', stopped);
    child.send(message as Parameters<ChildProcess['send']>[0], (error) => error && failed(error));
  });
}
