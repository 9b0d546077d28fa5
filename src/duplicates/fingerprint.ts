/**
 * A text's fingerprint for finding copies: the set of its five-word runs
 * ("shingles"), hashed. Two captures of one article share nearly all of them
 * whatever their markup; two reports of one event, in their own words, few.
 */
import { decodeHTML } from 'entities';

/** Words in a run; five is the usual choice for near-duplicate detection of prose. */
const shingleSize = 5;

export interface Fingerprint {
  /** Hashed shingles, sorted, no repeats: the smallest are a sample that copies share. */
  shingles: Uint32Array;
}

/** Anchor shingles per text: its smallest hashes, a sample that copies share. */
const anchorsPerText = 16;

/**
 * What finding candidate copies needs of a fingerprint: its anchors and how
 * many shingles it has. Small (a few dozen bytes), so that loading makes it
 * once per changed file and keeps it with the file's cached record, and a
 * check fingerprints in full only the texts of candidate copies.
 */
export interface Sketch {
  anchors: Uint32Array;
  shingleCount: number;
}

export const sketchOf = ({ shingles }: Fingerprint): Sketch => ({ anchors: shingles.slice(0, anchorsPerText), shingleCount: shingles.length });

/**
 * The words of a body, HTML or Markdown, without its markup: good enough to
 * compare texts (not to display them), and much cheaper than parsing.
 */
export function plainWords(body: string): string[] {
  const stripped = body
    .replace(/<(script|style)[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/\]\([^)]*\)/g, ' ')
    .replace(/\bhttps?:\/\/\S+/g, ' ');
  const text = stripped.includes('&') ? decodeHTML(stripped) : stripped;
  return (
    text
      .normalize('NFKC')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu) ?? []
  );
}

export function fingerprint(body: string): Fingerprint {
  // Each word is hashed once; a shingle's hash combines its words' hashes in order.
  const plain = plainWords(body);
  const words = new Uint32Array(plain.length);
  for (let i = 0; i < plain.length; i++) words[i] = hash(plain[i]!);
  const count = words.length === 0 ? 0 : Math.max(1, words.length - shingleSize + 1);
  const hashes = new Uint32Array(count);
  for (let i = 0; i < count; i++) hashes[i] = combine(words, i, Math.min(i + shingleSize, words.length));
  hashes.sort();
  return { shingles: uniqueSorted(hashes) };
}

function combine(words: Uint32Array, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ words[i]!, 0x01000193) ^ (h >>> 15);
  return h >>> 0;
}

function uniqueSorted(sorted: Uint32Array): Uint32Array {
  let length = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[length++] = sorted[i]!;
  return sorted.slice(0, length);
}

/**
 * How much of the shorter text the longer one contains (0 to 1): a capture
 * that lost its last paragraphs, or gained a caption, still scores high.
 */
export function overlap(a: Fingerprint, b: Fingerprint): number {
  const smaller = Math.min(a.shingles.length, b.shingles.length);
  if (smaller === 0) return 0;
  // Both lists are sorted: one merge-like walk counts what they share.
  let shared = 0;
  for (let i = 0, j = 0; i < a.shingles.length && j < b.shingles.length; ) {
    const x = a.shingles[i]!;
    const y = b.shingles[j]!;
    if (x === y) {
      shared += 1;
      i += 1;
      j += 1;
    } else if (x < y) i += 1;
    else j += 1;
  }
  return shared / smaller;
}

/** FNV-1a, 32 bits: fast, and collisions only blur a similarity by a hair. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
