/**
 * Politeness to servers, for `fetch` and `check --links`: work on many
 * addresses with a few hosts at once and one request at a time per host.
 */

/** Runs `work` on every item: at most `concurrency` hosts at once, each host's items one after another, in order. */
export async function perHost<T>(items: readonly T[], urlOf: (item: T) => string, concurrency: number, work: (item: T) => Promise<void>): Promise<void> {
  const byHost = new Map<string, T[]>();
  for (const item of items) {
    const url = urlOf(item);
    const host = URL.canParse(url) ? new URL(url).host : url;
    byHost.set(host, [...(byHost.get(host) ?? []), item]);
  }
  const hosts = [...byHost.values()];
  const workers = Array.from({ length: Math.max(1, concurrency) }, async () => {
    for (let group = hosts.shift(); group; group = hosts.shift()) {
      for (const item of group) await work(item);
    }
  });
  await Promise.all(workers);
}
