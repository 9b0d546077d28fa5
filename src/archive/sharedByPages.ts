/**
 * Objects that many pages hold: an article's summary is in each of its lists,
 * its entry in each of its feeds. They are made once and marked here, so that
 * a page's hash takes each by a digest made once (see `hashPages`) instead of
 * serializing it again with every page.
 */
const shared = new WeakSet<object>();

/** Marks `value` as held by many pages; page data is never changed once made. */
export function sharedByPages<T extends object>(value: T): T {
  shared.add(value);
  return value;
}

export const isSharedByPages = (value: object): boolean => shared.has(value);
