/**
 * The pictures of articles being imported, kept by the archive: each remote
 * lead image and body image is fetched once (`media/storeImages.ts`), stored
 * by hash, and the article points at the copy, keeping the original address
 * for credit (`image_source:`, `data-source`). A picture that cannot be kept
 * stays at its address and is reported; the article is imported all the same.
 */
import { decodeHTML } from 'entities';
import { fetchImage, storeImage, type ImageLimits } from '../media/storeImages.ts';
import { problem, problemKinds, type Problem } from '../problems.ts';
import type { ArticleDraft } from '../write/articleFile.ts';

const isRemote = (url: string | undefined): url is string => url !== undefined && /^https?:\/\//i.test(url);

/** `<img ... src="https://…">` in an HTML body: the address as written (quotes and all), and the address. */
const bodyImages = /<img\b[^>]*?\ssrc\s*=\s*(["'])(https?:\/\/[^"']+)\1/gi;
/** `![text](https://…)` in a Markdown body. */
const markdownImages = /!\[([^\]\n]*)\]\((https?:\/\/[^)\s]+)\)/g;

export interface KeptPictures {
  draft: ArticleDraft;
  /** Pictures that stay where they are, and why. */
  problems: Problem[];
  /** Pictures now in the archive (or that would be, in a dry run). */
  kept: number;
}

/** One fetch per address across an import: the same picture in two articles is fetched and stored once. */
export class PictureKeeper {
  readonly #contentDir: string;
  readonly #limits: ImageLimits;
  readonly #dryRun: boolean;
  readonly #done = new Map<string, Promise<{ url: string } | { error: string }>>();

  constructor(contentDir: string, limits: ImageLimits, { dryRun = false } = {}) {
    this.#contentDir = contentDir;
    this.#limits = limits;
    this.#dryRun = dryRun;
  }

  /** The archive's copy of a picture, or why there is none. */
  keep(address: string): Promise<{ url: string } | { error: string }> {
    let done = this.#done.get(address);
    if (!done) {
      done = (async () => {
        const fetched = await fetchImage(address, this.#limits);
        if ('error' in fetched) return fetched;
        const stored = await storeImage(this.#contentDir, fetched.bytes, { dryRun: this.#dryRun });
        return 'error' in stored ? stored : { url: stored.url };
      })();
      this.#done.set(address, done);
    }
    return done;
  }

  /** The draft with its pictures kept; `input` names it in problems. */
  async keepPicturesOf(draft: ArticleDraft, input: string): Promise<KeptPictures> {
    const problems: Problem[] = [];
    let kept = 0;
    const attempt = async (address: string): Promise<string | undefined> => {
      const result = await this.keep(address);
      if ('error' in result) {
        problems.push(
          problem(problemKinds.unkeptPicture, {
            file: input,
            message: `${JSON.stringify(draft.title)}: the picture ${address} ${result.error}: it is shown from its address`,
          }),
        );
        return undefined;
      }
      kept += 1;
      return result.url;
    };

    const next: ArticleDraft = { ...draft };
    const leadImage = isRemote(draft.image) ? await attempt(draft.image) : undefined;
    // Addresses as written in the HTML (`&amp;` and all), fetched as they read.
    const written = [...new Set([...draft.body.matchAll(bodyImages), ...draft.body.matchAll(markdownImages)].map((match) => match[2]!))];
    const locals = new Map<string, string>();
    for (const address of written) {
      const local = await attempt(decodeHTML(address));
      if (local) locals.set(address, local);
    }
    const withCopies = (body: string): string =>
      locals.size === 0
        ? body
        : body
            .replace(bodyImages, (whole, quote: string, address: string) => {
              const local = locals.get(address);
              return local ? whole.replace(`${quote}${address}${quote}`, `${quote}${local}${quote} data-source=${quote}${address}${quote}`) : whole;
            })
            // Markdown has no place for the source: an HTML comment beside the picture keeps it in the file.
            .replace(markdownImages, (whole, text: string, address: string) => {
              const local = locals.get(address);
              return local ? `![${text}](${local})<!-- picture from ${address} -->` : whole;
            });
    if (draft.text !== undefined) {
      // An article file is kept as written but for its pictures' addresses.
      let text = withCopies(draft.text);
      if (leadImage && draft.image) {
        const line = new RegExp(`^image:[ \\t]*(["']?)${escapeRegExp(draft.image)}\\1[ \\t]*$`, 'm');
        text = text.replace(line, `image: ${leadImage}\nimage_source: ${JSON.stringify(draft.image)}`);
      }
      next.text = text;
    } else {
      if (leadImage) Object.assign(next, { image: leadImage, imageSource: draft.image });
      next.body = withCopies(draft.body);
    }
    return { draft: next, problems, kept };
  }
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
