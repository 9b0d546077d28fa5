/** What `make` gave for `key` the first time it was asked for, kept in `made`: a Map, or a WeakMap keyed by objects. */
export function madeOnce<K, V>(made: { get(key: K): V | undefined; set(key: K, value: V): unknown }, key: K, make: () => V): V {
  let value = made.get(key);
  if (value === undefined) {
    value = make();
    made.set(key, value);
  }
  return value;
}
