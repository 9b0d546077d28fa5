/**
 * Responsive sizes of the archive's own pictures: each raster picture a page
 * shows is published in up to three narrower widths, in WebP and in its own
 * format, for `srcset`; its width and height are given so that nothing moves
 * while it loads. The sizes are made when the site is built, never fetched,
 * and kept in the build cache: a picture is resized once.
 */
import { copyFileSync, existsSync, mkdirSync, renameSync } from 'node:fs';
import path from 'node:path';
import type sharp from 'sharp';

// Loaded when a picture is first met, not with the build: 40 ms that most builds of a day's news, and archives
// without pictures of their own, do not need.
let sharpModule: Promise<typeof sharp> | undefined;
const loadSharp = (): Promise<typeof sharp> => (sharpModule ??= import('sharp').then((module) => module.default));

/** Widths made of a picture wider than them: a phone, a column, a wide screen. */
export const pictureWidths: readonly number[] = [480, 960, 1600];

/** Formats by extension of a picture that sharp resizes; others (GIF, AVIF) are published as they are. */
const resizable: Readonly<Record<string, { format: 'jpeg' | 'png' | 'webp'; type: string }>> = {
  '.jpg': { format: 'jpeg', type: 'image/jpeg' },
  '.jpeg': { format: 'jpeg', type: 'image/jpeg' },
  '.png': { format: 'png', type: 'image/png' },
  '.webp': { format: 'webp', type: 'image/webp' },
};

/** One published size of a picture. */
export interface Resized {
  url: string;
  width: number;
  format: 'jpeg' | 'png' | 'webp';
}

/** How a page shows a picture of the archive: its size, and its narrower copies by type. */
export interface PictureSizes {
  width: number;
  height: number;
  /** WebP first, then the picture's own format; each narrowest first, the original's width last. */
  sources: { type: string; candidates: { url: string; width: number }[] }[];
}

/** The sizes of the picture at `url` (from the file `source`), and the copies to publish; none for a picture that is not resized. */
export async function sizesOf(url: string, source: string): Promise<{ sizes: PictureSizes; resized: Resized[] } | undefined> {
  const kind = resizable[path.extname(url).toLowerCase()];
  if (!kind) return undefined;
  let metadata: sharp.Metadata;
  try {
    metadata = await (await loadSharp())(source).metadata();
  } catch {
    return undefined; // Not a picture after all: it is published as it is.
  }
  const { width, height } = metadata;
  if (!width || !height) return undefined;
  const widths = pictureWidths.filter((candidate) => candidate < width);
  const stem = url.slice(0, -path.extname(url).length);
  const resized: Resized[] = [];
  const sources: PictureSizes['sources'] = [];
  for (const { format, type } of kind.format === 'webp' ? [kind] : [{ format: 'webp' as const, type: 'image/webp' }, kind]) {
    const candidates = widths.map((candidate) => {
      const copy = { url: `${stem}-${candidate}.${format === 'jpeg' ? 'jpg' : format}`, width: candidate, format };
      resized.push(copy);
      return { url: copy.url, width: candidate };
    });
    // The original itself is the widest of its own format; a WebP of it at full width is made too.
    if (format === kind.format) candidates.push({ url, width });
    else {
      const full = { url: `${stem}-${width}.webp`, width, format };
      resized.push(full);
      candidates.push({ url: full.url, width });
    }
    sources.push({ type, candidates });
  }
  return { sizes: { width, height, sources }, resized };
}

/** Writes one size of a picture to `target`, made once and kept in `cacheDir` under the hash of the original. */
export async function writeResized(source: string, hash: string, width: number, format: Resized['format'], target: string, cacheDir: string): Promise<void> {
  const cached = path.join(cacheDir, `${hash.replace(/[^\w-]/g, '_')}-${width}.${format}`);
  if (!existsSync(cached)) {
    mkdirSync(cacheDir, { recursive: true });
    const temporary = `${cached}.${process.pid}.tmp`;
    await (await loadSharp())(source).resize({ width, withoutEnlargement: true }).toFormat(format).toFile(temporary);
    renameSync(temporary, cached);
  }
  mkdirSync(path.dirname(target), { recursive: true });
  copyFileSync(cached, target);
}
