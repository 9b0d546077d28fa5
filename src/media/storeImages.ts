/**
 * Pictures kept by the archive: each fetched once (a timeout, a size cap, an
 * `image/*` answer), its bytes checked to be a picture (sharp reads them; SVG,
 * which can hold script, is refused), and stored in the content folder by the
 * hash of its bytes (`content/media/ab/cdef….jpg`), so the same picture twice
 * is stored once. A file appears whole or not at all.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { writeWhole } from '../writeWhole.ts';

/** Raster formats browsers show, as sharp names them, with the extension they are stored under. */
const storedFormats: Readonly<Record<string, string>> = { jpeg: 'jpg', png: 'png', webp: 'webp', gif: 'gif', avif: 'avif', heif: 'avif' };

export interface ImageLimits {
  /** Seconds to wait for the whole picture. */
  timeoutSeconds: number;
  /** Bytes beyond which a picture is refused. */
  maxBytes: number;
}

export const defaultImageLimits: ImageLimits = { timeoutSeconds: 20, maxBytes: 15 * 1024 * 1024 };

/** A stored picture: its path in the content folder and its root-relative URL on the site. */
export interface StoredImage {
  /** `media/ab/cdef….jpg`. */
  file: string;
  /** `/media/ab/cdef….jpg`: how articles point at it. */
  url: string;
}

export type Fetched = { bytes: Buffer } | { error: string };

/** The picture at `url`, or why not. */
export async function fetchImage(url: string, limits: ImageLimits = defaultImageLimits): Promise<Fetched> {
  let response: Response;
  const timeout = AbortSignal.timeout(limits.timeoutSeconds * 1000);
  try {
    response = await fetch(url, { signal: timeout, redirect: 'follow', headers: { accept: 'image/avif, image/webp, image/png, image/jpeg, image/gif;q=0.9' } });
  } catch (error) {
    return {
      error:
        (error as Error).name === 'TimeoutError' ? `got no answer within ${limits.timeoutSeconds} s` : `could not be fetched (${(error as Error).message})`,
    };
  }
  if (!response.ok) return { error: `could not be fetched: the server answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}` };
  const type = response.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase() ?? '';
  if (!type.startsWith('image/') || type === 'image/svg+xml') {
    await response.body?.cancel();
    return { error: `is not a picture the archive keeps (the server says ${type || 'nothing'} of it)` };
  }
  const declared = Number(response.headers.get('content-length') ?? '0');
  if (declared > limits.maxBytes) {
    await response.body?.cancel();
    return { error: `is ${megabytes(declared)}, more than the ${megabytes(limits.maxBytes)} a picture may be` };
  }
  let bytes: Buffer | undefined;
  try {
    bytes = await cappedBody(response, limits.maxBytes);
  } catch (error) {
    return {
      error: (error as Error).name === 'TimeoutError' ? `did not arrive whole within ${limits.timeoutSeconds} s` : `broke off (${(error as Error).message})`,
    };
  }
  return bytes === undefined ? { error: `is more than the ${megabytes(limits.maxBytes)} a picture may be` } : { bytes };
}

/** A response's body, or undefined once it grows past `maxBytes` (the rest is not read); throws when the body breaks off. */
export async function cappedBody(response: Response, maxBytes: number): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of response.body ?? []) {
    size += chunk.byteLength;
    if (size > maxBytes) {
      await response.body?.cancel().catch(() => {});
      return undefined;
    }
    chunks.push(Buffer.from(chunk));
  }
  return Buffer.concat(chunks);
}

const megabytes = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MB`;

/** What the bytes are, read from the bytes themselves; undefined for anything but a raster picture. */
export async function imageFormatOf(bytes: Buffer): Promise<string | undefined> {
  try {
    const { format } = await sharp(bytes, { failOn: 'error' }).metadata();
    return format !== undefined ? storedFormats[format] : undefined;
  } catch {
    return undefined;
  }
}

/** The picture as stored in the content folder, written now unless the same bytes are there already; or why not. */
export async function storeImage(contentDir: string, bytes: Buffer, { dryRun = false } = {}): Promise<StoredImage | { error: string }> {
  const extension = await imageFormatOf(bytes);
  if (extension === undefined) return { error: 'is not a picture: its bytes are no JPEG, PNG, WebP, GIF or AVIF' };
  const hash = createHash('sha256').update(bytes).digest('hex');
  const file = `media/${hash.slice(0, 2)}/${hash.slice(2, 34)}.${extension}`;
  const target = path.join(contentDir, ...file.split('/'));
  if (!dryRun && !existsSync(target)) writeWhole(target, bytes);
  return { file, url: `/${file}` };
}
