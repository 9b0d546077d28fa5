/**
 * Errors that keep their cause when they cross a worker thread, and the
 * chain of causes as people read it. Eleventy's "Problem writing templates"
 * report is the model: the outermost message first, then each cause,
 * numbered; stack traces only when asked for (`NEWS_ARCHIVE_DEBUG=1`).
 */

/** A mistake in how the tool was called: said with the command's help, exit 2, no stack trace. */
export class UsageError extends Error {}

/** An error as a thread can send it: structured-clone safe, cause and all. */
export interface SentError {
  name: string;
  message: string;
  stack?: string | undefined;
  cause?: SentError | undefined;
}

/** How deep a chain of causes is followed: a cycle (`a.cause = a`) must not loop. */
const maxDepth = 10;

/** What an error says caused it: `cause`, or Eleventy's `originalError`. */
const causeOf = (error: unknown): unknown =>
  error instanceof Error ? (error.cause ?? (error as Error & { originalError?: unknown }).originalError) : undefined;

export function sendableError(error: unknown, depth = 0): SentError {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error) };
  return {
    name: error.name,
    message: error.message,
    stack: error.stack,
    cause: causeOf(error) === undefined || depth >= maxDepth ? undefined : sendableError(causeOf(error), depth + 1),
  };
}

/** The error again, on this side: same message, name and stack, its cause an error too. */
export function receivedError(sent: SentError): Error {
  const error = new Error(sent.message, sent.cause ? { cause: receivedError(sent.cause) } : undefined);
  error.name = sent.name;
  if (sent.stack !== undefined) error.stack = sent.stack;
  return error;
}

/** The error and its causes, outermost first. */
export function causesOf(error: unknown): unknown[] {
  const chain: unknown[] = [];
  for (let current: unknown = error; current !== undefined && chain.length < maxDepth && !chain.includes(current); ) {
    chain.push(current);
    current = causeOf(current);
  }
  return chain;
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** Characters of a message said in full: Eleventy's "Having trouble writing to" names every file of a template, 250 KB at 100,000 articles. */
const longestMessage = 600;

const shortened = (message: string): string =>
  message.length <= longestMessage
    ? message
    : `${message.slice(0, longestMessage)}… (${message.length - longestMessage} more characters: NEWS_ARCHIVE_DEBUG=1 shows them)`;

/**
 * Lines that say what failed: the message, then `caused by:` each cause
 * whose message says more. With `withStacks`, the whole chain numbered, each
 * with its stack trace.
 */
export function describeError(error: unknown, { withStacks = false } = {}): string[] {
  const chain = causesOf(error);
  if (!withStacks) {
    const lines = [shortened(messageOf(error))];
    for (const cause of chain.slice(1)) if (!messageOf(error).includes(messageOf(cause))) lines.push(`  caused by: ${shortened(messageOf(cause))}`);
    return lines;
  }
  return chain.map((cause, index) => {
    const stack = cause instanceof Error && cause.stack ? cause.stack : messageOf(cause);
    return `${index + 1}. ${index === 0 ? '' : 'caused by: '}${stack.replace(/\n/g, '\n   ')}`;
  });
}
