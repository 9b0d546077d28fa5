/**
 * A plain-text clipping (an article copied from a news site's page) to its
 * parts: headline, dek, byline and body paragraphs, with the page furniture
 * that copying drags along taken out: photo captions and credits, video
 * promos, ALL-CAPS links to other stories, copyright lines, "Related:" links
 * and the author's bio at the end.
 *
 * Pure text in, parts out; heuristics, each named after what it recognizes.
 */

export interface Clipping {
  /** The headline, when the clipping starts with one. */
  title?: string | undefined;
  /** The line under the headline. */
  dek?: string | undefined;
  /** From "By NAME": the names, and the outlet when the byline gives one. */
  authors: string[];
  outlet?: string | undefined;
  paragraphs: string[];
  /** Photo captions found, without their credits. */
  captions: string[];
  /** The same, each with its credit when it gives one: the first is the lead picture's. */
  photos: { caption: string; credit?: string | undefined }[];
  /** Lines taken out, for `--dry-run` and for tests. */
  removed: string[];
}

/** Agencies and picture desks whose names mark a photo credit. */
const pictureDesks =
  /\b(?:Getty Images?|AP|AFP|Reuters|Bloomberg|EPA|Pool|Shutterstock|Sputnik|Alamy|Xinhua|Anadolu|NurPhoto|SOPA|ZUMA|Images|Photo|Photos|Press|Handout)\b/i;
const credit = {
  /** "(Petar Santini/Bloomberg via Getty Images)" at the end of a caption. */
  inParentheses: /\(([^()]*(?:\/|\bvia\b|\bPhoto\b|\bPool\b)[^()]*)\)\s*$/i,
  /** A line that is only a credit: "Sergei Bulkin/AP", "Photo: Jane Doe". */
  line: /^(?:(?:photo|image|credit|picture)s?\s*(?:by|:)\s*.+|[^/]{2,60}\/[^/]{2,60})$/i,
};
const copyright = /^(?:©|\(c\)|copyright\b)|all rights reserved/i;
const related = /^(?:related|read more|see also|more)\s*:/i;
const byline = /^by\s+(\S.*)$/i;
/** A bio's opening: "Max Bacall is an Associate Editor ...". */
const bioStart = /^((?:[\p{Lu}][\p{L}'’.-]*\s+){1,3}?[\p{Lu}][\p{L}'’.-]*)\s+(?:is|was|has been|covers|writes|reports)\b/u;
const endsSentence = /[.!?…]["'”’)]*$/;

const wordCount = (text: string): number => text.split(/\s+/).filter(Boolean).length;

/** Uppercase, several words long: a link to another story ("ZELENSKYY REACTS TO ..."). */
function isAllCaps(line: string): boolean {
  const letters = line.match(/\p{L}/gu) ?? [];
  const upper = line.match(/\p{Lu}/gu) ?? [];
  return letters.length >= 8 && wordCount(line) >= 3 && upper.length / letters.length >= 0.9;
}

/** Splits a clipping into blocks: paragraphs separated by blank lines, or lines when each line is a paragraph. */
function blocksOf(text: string): string[] {
  const groups = text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((group) =>
      group
        .split('\n')
        .map((line) => line.replace(/\s+/g, ' ').trim())
        .filter(Boolean),
    )
    .filter((group) => group.length > 0);
  // Hard-wrapped text has paragraphs of several lines each; copied web pages have one line per paragraph.
  const lineCount = groups.reduce((sum, group) => sum + group.length, 0);
  const hardWrapped = groups.length > 1 && lineCount / groups.length > 2 && groups.every((group) => group.every((line) => line.length <= 100));
  return hardWrapped ? groups.map((group) => group.join(' ')) : groups.flat();
}

type Role = 'text' | 'furniture' | 'caption';

export function readClipping(text: string): Clipping {
  const blocks = blocksOf(text);
  const roles: Role[] = blocks.map(() => 'text');
  const removed: string[] = [];
  const captions: string[] = [];
  const photos: { caption: string; credit?: string | undefined }[] = [];
  const drop = (index: number, role: Role = 'furniture') => {
    if (roles[index] !== 'text') return;
    roles[index] = role;
    removed.push(blocks[index]!);
  };
  /** The line above a caption or credit, when it reads like a picture's title rather than a paragraph. */
  const dropPictureTitle = (index: number) => {
    const line = blocks[index];
    if (line !== undefined && roles[index] === 'text' && wordCount(line) <= 20 && !/["“”]/.test(line) && !byline.test(line)) drop(index, 'caption');
  };

  blocks.forEach((line, i) => {
    if (roles[i] !== 'text') return;
    if (copyright.test(line) || related.test(line) || (isAllCaps(line) && !byline.test(line))) {
      drop(i);
      return;
    }
    // A video promo: "Some title Video", often followed by the title again and the video's description.
    if (/\sVideo$/.test(line)) {
      drop(i);
      const videoTitle = line.replace(/\s+Video$/, '');
      if (blocks[i + 1] === videoTitle) {
        drop(i + 1);
        if (blocks[i + 2] !== undefined && !byline.test(blocks[i + 2]!)) drop(i + 2);
      }
      return;
    }
    const inParentheses = credit.inParentheses.exec(line);
    if (inParentheses && pictureDesks.test(inParentheses[1]!)) {
      captions.push(line.slice(0, inParentheses.index).trim());
      photos.push({ caption: line.slice(0, inParentheses.index).trim(), credit: inParentheses[1]!.trim() });
      drop(i, 'caption');
      dropPictureTitle(i - 1);
      return;
    }
    if (credit.line.test(line) && wordCount(line) <= 8 && !endsSentence.test(line) && (pictureDesks.test(line) || /\//.test(line))) {
      drop(i, 'caption');
      const above = blocks[i - 1];
      if (above !== undefined && roles[i - 1] === 'text' && wordCount(above) <= 40 && !byline.test(above)) {
        captions.push(above);
        photos.push({ caption: above, credit: line.replace(/^(?:photo|image|credit|picture)s?\s*(?:by|:)\s*/i, '') });
        drop(i - 1, 'caption');
      }
    }
  });

  // The header: headline and dek above the byline, or the first lines when there is no byline.
  const kept = blocks.map((line, i) => ({ line, i })).filter(({ i }) => roles[i] === 'text');
  const bylineAt = kept.findIndex(({ line }, position) => position < 8 && byline.test(line));
  let title: string | undefined;
  let dek: string | undefined;
  let bodyStart = 0;
  let bylineText: string | undefined;
  if (bylineAt >= 0) {
    const above = kept.slice(0, bylineAt).map(({ line }) => line);
    // Above the headline there may be a section label ("France"): only the last two lines count.
    [title, dek] = above.length >= 2 ? above.slice(-2) : [above[0], undefined];
    for (const { line } of kept.slice(0, Math.max(0, bylineAt - 2))) removed.push(line);
    bylineText = byline.exec(kept[bylineAt]!.line)![1];
    bodyStart = bylineAt + 1;
  } else if (kept[0] && isHeadline(kept[0].line)) {
    title = kept[0].line;
    bodyStart = 1;
    const next = kept[1]?.line;
    if (next !== undefined && kept.length > 2 && wordCount(next) <= 35) {
      dek = next;
      bodyStart = 2;
    }
  }

  let paragraphs = kept.slice(bodyStart).map(({ line }) => line);
  // The author's bio closes many pages: "Max Bacall is an Associate Editor ...".
  let authorName: string | undefined;
  while (paragraphs.length > 1) {
    const last = paragraphs.at(-1)!;
    const bio = bioStart.exec(last);
    const named = bio && (!bylineText || bylineText.toLowerCase().startsWith(bio[1]!.toLowerCase()));
    if (!named) break;
    authorName ??= bio[1];
    removed.push(last);
    paragraphs = paragraphs.slice(0, -1);
  }

  const { authors, outlet } = readByline(bylineText, authorName);
  return { title, dek, authors, outlet, paragraphs, captions, photos, removed };
}

/** A first line that is a headline: short, and not a sentence ending in a full stop. */
function isHeadline(line: string): boolean {
  return wordCount(line) <= 25 && !/[.:;,]$/.test(line);
}

/**
 * "Jane Doe, Reuters" and "Jane Doe | Reuters" split where marked, the outlet
 * last: "Jane Doe and John Roe, Reuters" are two authors of Reuters. Unmarked,
 * "Max Bacall Fox News" is Max Bacall of Fox News when the bio names him. A
 * byline in capitals is written as names are ("KATARINA NOVAK" → "Katarina
 * Novak"; short acronyms like "AP" or "BBC" stay).
 */
function readByline(text: string | undefined, nameFromBio: string | undefined): { authors: string[]; outlet?: string } {
  if (!text) return { authors: [] };
  const byline = isShouting(text) ? asNames(text) : text;
  let names = byline;
  let outlet: string | undefined;
  const marked = /^(.+)\s*(?:,|\||\s[-–—]\s)\s*([^,|]+)$/.exec(byline);
  if (marked) {
    [, names = byline, outlet] = marked;
  } else if (nameFromBio && byline.toLowerCase().startsWith(nameFromBio.toLowerCase())) {
    names = byline.slice(0, nameFromBio.length);
    outlet = byline.slice(nameFromBio.length).replace(/^[\s,|–—-]+/, '') || undefined;
  }
  return {
    authors: names
      .split(/\s*,\s*|\s+and\s+|\s*&\s*/)
      .map((name) => name.trim())
      .filter(Boolean),
    ...(outlet?.trim() ? { outlet: outlet.trim() } : {}),
  };
}

/** Letters, and all of them capitals. */
const isShouting = (text: string): boolean => /\p{Lu}{2}/u.test(text) && !/\p{Ll}/u.test(text);

/** Each word with a capital and then small letters, but for acronyms of up to four letters and "and". */
const asNames = (text: string): string =>
  text.replace(/\p{L}+/gu, (word, offset: number) => {
    if (/^AND$/.test(word)) return 'and';
    // Names and outlets like "AP", "BBC", "CNN" stay capitals; so does a lone initial.
    if (word.length <= 1 || (word.length <= 4 && !/[AEIOUY]/.test(word.slice(1)) && text[offset - 1] !== "'")) return word;
    return word[0] + word.slice(1).toLowerCase();
  });
