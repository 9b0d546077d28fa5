/** Counts for people, the same on every machine: "1 article", "10,500 pages". */
export const countOf = (n: number, noun: string, pluralNoun = `${noun}s`): string => `${n.toLocaleString('en-US')} ${n === 1 ? noun : pluralNoun}`;
