/**
 * Adds every item to the end of `target`, one by one. `target.push(...items)` passes each item as an argument, and a
 * call holds only so many (120,000 to 150,000 here): a hostile file's 200,000 problems or a list that long overflowed
 * the stack and stopped the whole build.
 */
export function append<T>(target: T[], items: Iterable<T>): void {
  for (const item of items) target.push(item);
}
