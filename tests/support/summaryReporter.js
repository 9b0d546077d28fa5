// A test reporter that ends the run with one line, `N passed, N failed`
// (and `, N skipped` when some were), after the dot reporter's dots and
// failures. Counts tests, not the suites that group them, but for a suite
// that failed of itself (its setup threw, so none of its tests ran): that is
// a failure too, or the line would say "0 failed" of a red run.

/** @typedef {{ type: string, data: { details?: { type?: string, error?: { failureType?: string } }, skip?: unknown, todo?: unknown } }} TestEvent */

/** @param {AsyncIterable<TestEvent>} events */
export default async function* summary(events) {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  for await (const event of events) {
    const details = event.data?.details;
    if (details?.type === 'suite') {
      if (event.type === 'test:fail' && details.error?.failureType !== 'subtestsFailed') failed += 1;
      continue;
    }
    if (event.type === 'test:pass') {
      if (event.data.skip || event.data.todo) skipped += 1;
      else passed += 1;
    } else if (event.type === 'test:fail') {
      failed += 1;
    }
  }
  yield `${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}\n`;
}
