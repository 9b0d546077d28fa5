/**
 * A text's fingerprint for finding copies: the set of its five-word runs
 * ("shingles"), hashed. Two captures of one article share nearly all of them
 * whatever their markup; two reports of one event, in their own words, few.
 */
import { decodeHTML } from 'entities';

/** Words in a run; five is the usual choice for near-duplicate detection of prose. */
const shingleSize = 5;

export interface Fingerprint {
  /** Hashed shingles, no repeats. */
  shingles: Set<number>;
}

/**
 * The words of a body, HTML or Markdown, without its markup: good enough to
 * compare texts (not to display them), and much cheaper than parsing.
 */
export function plainWords(body: string): string[] {
  const text = decodeHTML(
    body
      .replace(/<(script|style)[\s\S]*?<\/\1\s*>/gi, ' ')
      .replace(/<[^>]*>/g, ' ')
      .replace(/\]\([^)]*\)/g, ' ')
      .replace(/\bhttps?:\/\/\S+/g, ' '),
  );
  return text.normalize('NFKC').toLowerCase().match(/[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu) ?? [];
}

export function fingerprint(body: string): Fingerprint {
  const words = plainWords(body);
  const shingles = new Set<number>();
  if (words.length > 0 && words.length < shingleSize) shingles.add(hash(words.join(' ')));
  for (let i = 0; i + shingleSize <= words.length; i++) shingles.add(hash(words.slice(i, i + shingleSize).join(' ')));
  return { shingles };
}

/**
 * How much of the shorter text the longer one contains (0 to 1): a capture
 * that lost its last paragraphs, or gained a caption, still scores high.
 */
export function overlap(a: Fingerprint, b: Fingerprint): number {
  const [small, large] = a.shingles.size <= b.shingles.size ? [a.shingles, b.shingles] : [b.shingles, a.shingles];
  if (small.size === 0) return 0;
  let shared = 0;
  for (const shingle of small) if (large.has(shingle)) shared += 1;
  return shared / small.size;
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
