// A test reporter that ends the run with one line, `N passed, N failed`
// (and `, N skipped` when some were), after the dot reporter's dots and
// failures. Counts tests, not the suites that group them.

/** @param {AsyncIterable<{ type: string, data: { details?: { type?: string }, skip?: unknown, todo?: unknown } }>} events */
export default async function* summary(events) {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  for await (const event of events) {
    if (event.data?.details?.type === 'suite') continue;
    if (event.type === 'test:pass') {
      if (event.data.skip || event.data.todo) skipped += 1;
      else passed += 1;
    } else if (event.type === 'test:fail') {
      failed += 1;
    }
  }
  yield `${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}\n`;
}
