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

/**
 * Messages to a process that answers each one, in the order they came: several can be under way at once, so
 * that the next is sent (and copied, which takes the sender a while) while the process works on one.
 */
export class Exchange<Answer> {
  private readonly waiting: { resolve: (answer: Answer) => void; reject: (error: Error) => void }[] = [];
  private failure: Error | undefined;
  private readonly child: ChildProcess;

  constructor(child: ChildProcess, what: string) {
    this.child = child;
    child.on('message', (answer: Answer) => this.waiting.shift()?.resolve(answer));
    child.once('error', (error) => this.fail(error));
    child.once('exit', (code, signal) => this.fail(new Error(`${what} stopped (${signal ?? `exit code ${code}`})`)));
  }

  /** Sends `message`; resolves with its answer, or rejects when the process fails or stops first. */
  ask(message: unknown): Promise<Answer> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.waiting.push({ resolve, reject });
      this.child.send(message as Parameters<ChildProcess['send']>[0], (error) => error && this.fail(error));
    });
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const waiting of this.waiting.splice(0)) waiting.reject(this.failure);
  }
}
