/**
 * A full garbage collection, now. V8 collects lazily and keeps the heap it
 * grew to: a thread that renders share after share of a large site, each
 * share garbage once written, held five times what it used (at 30,000
 * articles, 800 MB for 150 MB of live data). Collecting after each share
 * keeps it at what it uses. `gc` is exposed the way Jest exposes it between
 * test files: by the V8 flag, then from a fresh context.
 *
 * `compact`: when little outlives the stage. A collection frees only the
 * pages of the heap where nothing lives, and what lives on is strewn over
 * all of them; compacting moves it together and gives the rest back to the
 * system (100,000 articles: the build's process held 1.45 GB instead of
 * 3.0 GB while the search index was built). It needs as much memory again as
 * what lives, for a moment: before the pages render, with the Archive alive,
 * the process went from 3.6 GB to 5.1 GB.
 *
 * `young`: the young generation only, in a millisecond or two. A buffer made
 * and dropped (a `v8.serialize` written to a file) holds its memory outside
 * the heap until its object is collected; when little else is made meanwhile,
 * nothing collects the young generation, and they pile up.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let collect: ((options?: { type: 'minor' | 'major' }) => void) | undefined;

export function collectGarbage({ compact = false, young = false } = {}): void {
  if (!collect) {
    setFlagsFromString('--expose-gc');
    collect = runInNewContext('gc') as (options?: { type: 'minor' | 'major' }) => void;
  }
  if (young) {
    collect({ type: 'minor' });
    return;
  }
  if (!compact) {
    collect();
    return;
  }
  setFlagsFromString('--compact-on-every-full-gc');
  try {
    collect();
  } finally {
    setFlagsFromString('--no-compact-on-every-full-gc');
  }
}
