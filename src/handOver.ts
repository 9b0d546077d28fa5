/**
 * A value handed to the one function that takes it, which then alone holds
 * it: once that function returns, the garbage collector can free the value,
 * while the caller, still running, would otherwise keep it alive (the Archive
 * of a large site, which the search stage no longer needs).
 */
export class HandOver<T> {
  #value: T | undefined;

  constructor(value: T) {
    this.#value = value;
  }

  /** The value, once: a second take is a mistake of the code, not of the input. */
  take(): T {
    const value = this.#value;
    if (value === undefined) throw new Error('a handed-over value was taken twice');
    this.#value = undefined;
    return value;
  }
}

/** The value itself, or taken from its hand-over. */
export const received = <T extends object>(value: T | HandOver<T>): T => (value instanceof HandOver ? value.take() : value);

/** The hand-over itself, or one made for the value. */
export const handedOver = <T extends object>(value: T | HandOver<T>): HandOver<T> => (value instanceof HandOver ? value : new HandOver(value));
