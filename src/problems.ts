/**
 * The catalogue of everything that can be wrong with content.
 *
 * Problems are data: loading collects them all instead of throwing at the
 * first one, and the CLI decides how to print them. Codes are permanent:
 * tests, CI annotations and users' scripts refer to them.
 */

export type Severity = 'error' | 'warning';

export interface ProblemKind {
  code: string;
  severity: Severity;
  /** What the code means, for the README's table of codes. */
  meaning: string;
  /** What to do about it, shown under the message. */
  hint?: string;
}

export interface Problem {
  code: string;
  severity: Severity;
  /** Path of the file, relative to the working folder, with `/` separators. */
  file: string;
  /** 1-based line in the file, where known. */
  line?: number;
  /** The front-matter field, as a path: `tags[2]`. */
  field?: string;
  message: string;
  hint?: string;
}

export const problemKinds = {
  unreadableFile: {
    code: 'unreadable-file',
    severity: 'error',
    meaning: 'a file in the content folder could not be read (permissions, a broken link)',
    hint: 'Check that the file can be read (its permissions), or remove a link that points to nothing.',
  },
  invalidEncoding: {
    code: 'invalid-encoding',
    severity: 'error',
    meaning: 'the file is not UTF-8 text',
    hint: 'Save the file as UTF-8.',
  },
  legacyEncoding: {
    code: 'legacy-encoding',
    severity: 'warning',
    meaning: 'an article file is not UTF-8, as old archives may be: it is read as Windows-1252 (Western European), which the message shows a sample of',
    hint: 'Save the file as UTF-8 (`iconv -f WINDOWS-1252 -t UTF-8`, or from the encoding it was written in, when the sample reads wrong).',
  },
  emptyFile: {
    code: 'empty-file',
    severity: 'error',
    meaning: 'the file is empty',
    hint: 'Delete the file, or give it front matter with at least a title and a date.',
  },
  missingFrontMatter: {
    code: 'missing-front-matter',
    severity: 'error',
    meaning: 'the file does not start with front matter',
    hint: 'Start the file with front matter: a line `---`, then `title:` and `date:`, then a closing `---` (YAML, as Jekyll and Eleventy write it); or `+++` lines around TOML (Hugo, Zola); or a JSON object whose `{` is the first line (Hugo).',
  },
  unclosedFrontMatter: {
    code: 'unclosed-front-matter',
    severity: 'error',
    meaning: 'the front matter has no closing `---` line',
    hint: 'End the front matter with a line that holds only `---`.',
  },
  frontMatterLanguage: {
    code: 'front-matter-language',
    severity: 'error',
    meaning: 'front matter declared as `---js`, `---coffee` or any language but YAML and JSON',
    hint: 'Front matter is data, never run as code: start it with a plain `---` line (YAML), `+++` (TOML) or `{` (JSON).',
  },
  yamlSyntax: {
    code: 'yaml-syntax',
    severity: 'error',
    hint: 'In YAML, quote a value that contains `: ` or ` #`, or starts with `[`, `{`, `*`, `&`, `!`, `%`, `@` or a backquote; indent a list or the lines of a long value under its key.',
    meaning: 'the front matter is not valid YAML',
  },
  lenientYaml: {
    code: 'lenient-yaml',
    severity: 'warning',
    meaning: 'front matter that strict YAML refuses but Jekyll and Eleventy read (js-yaml): read as they read it',
    hint: 'Quote a value that runs over several lines, and indent its continuation lines, so that every YAML parser reads it alike.',
  },
  unquotedValue: {
    code: 'unquoted-value',
    severity: 'warning',
    meaning:
      'a front-matter value on its key’s line that YAML cannot read but whose meaning is plain (it holds `: `, or opens with a quoted part and goes on after it): read as the whole text after the key',
    hint: 'Quote the whole value, so that every YAML parser reads it alike.',
  },
  tomlSyntax: {
    code: 'toml-syntax',
    severity: 'error',
    meaning: 'the front matter between `+++` lines is not valid TOML',
    hint: 'TOML front matter (Hugo, Zola) starts and ends with a line `+++`; strings are quoted, dates written like 2026-01-06.',
  },
  jsonSyntax: {
    code: 'json-syntax',
    severity: 'error',
    meaning: 'JSON front matter (a `{` first line, or `---json`) is not a valid JSON object',
    hint: 'JSON front matter is one object: keys and strings in double quotes, a comma between entries and none after the last. Or write YAML between `---` lines.',
  },
  yamlTag: {
    code: 'yaml-tag',
    severity: 'error',
    meaning: 'the front matter uses a YAML tag like `!!js/function`',
    hint: 'Remove the tag: front matter holds plain strings, numbers, lists and booleans.',
  },
  invalidField: {
    code: 'invalid-field',
    severity: 'error',
    meaning: 'a front-matter field has a value of the wrong kind',
    hint: 'The message says what the field expects and what it holds: fix the value, or remove the field if it is optional.',
  },
  unknownField: {
    code: 'unknown-field',
    severity: 'warning',
    meaning: 'a key the format does not know; kept, but not used',
    hint: 'Check the key’s spelling; the fields an article may have are listed in the README (Writing articles). An unknown key is kept in the file, but not used.',
  },
  skippedFile: {
    code: 'skipped-file',
    severity: 'warning',
    meaning:
      'a file or folder whose name starts with `_` or `.` holds articles, which are not read; or an article is written in a format that is not read (AsciiDoc, Org, reStructuredText, Pandoc, Textile, R Markdown)',
    hint: "Names that start with `_` or `.` are skipped (layouts, includes, section pages, editor files); rename the folder if it holds articles. Jekyll's `_posts/` and `_drafts/` are read.",
  },
  legacySlug: {
    code: 'legacy-slug',
    severity: 'warning',
    meaning: 'a slug with capitals, `_` or `.`, as other generators publish, kept as written',
    hint: 'Such a slug keeps the old address; rename the file (or set `slug:`) to lowercase letters, digits and hyphens if the old address does not matter.',
  },
  titleFromName: {
    code: 'title-from-name',
    severity: 'warning',
    meaning: "a post of another generator's archive has no title: it is titled with the words of its file name, as Jekyll titles such a post",
    hint: 'Give the post a `title:` in its front matter.',
  },
  emptyBody: {
    code: 'empty-body',
    severity: 'warning',
    meaning: 'an article that is not a draft has nothing below its front matter',
    hint: 'Write the article below the closing `---` line, in Markdown or HTML, or set `draft: true` until it is written.',
  },
  unresolvedImage: {
    code: 'unresolved-image',
    severity: 'warning',
    meaning: 'an `image:` that is a path, but no picture of the content folder, with no `origin` in `site.yaml` to resolve it against',
    hint: 'Name the folder the picture is in (`staticFolders: [../static]` in site.yaml, for Hugo’s and Zola’s static/), set `origin` to the address of the site the archive came from (origin: https://example.org/), or give the image’s full URL.',
  },
  unresolvedLink: {
    code: 'unresolved-link',
    severity: 'warning',
    meaning: 'a link or image in a body points into the archive or its original site, but to no article or image found, and no `origin` says where it was',
    hint: 'Links by path, by file or by `{% post_url %}` find the article that has that address or file; an image is copied when it is in the content folder, or in a folder of pictures site.yaml names (`staticFolders: [../static]` for Hugo’s and Zola’s static/). Set `origin` in site.yaml to link what the archive does not hold to the original site.',
  },
  unkeptPicture: {
    code: 'unkept-picture',
    severity: 'warning',
    meaning:
      '(`import`, `images`) a picture of an article could not be kept by the archive (no answer, not a picture, too large): it is shown from its address',
    hint: 'Run `news-archive images` later to try again; a picture that is gone from its address can be saved by hand under content/media/ and named in `image:`.',
  },
  unkeptRevision: {
    code: 'unkept-revision',
    severity: 'warning',
    meaning:
      '(`fetch`) a feed changed an article it brought before, but the new version could not be written beside the old one (front matter that is not YAML, a revisions file that does not read): the article is left as it was',
    hint: 'Fix the file named, or edit the article by hand to its new version; the next `fetch` tries again while the feed still carries the item.',
  },
  unconvertedMarkup: {
    code: 'unconverted-markup',
    severity: 'warning',
    meaning:
      "a body holds another generator's template markup (a Hugo shortcode, a Liquid tag or output, a WordPress shortcode) that no converter knows: it is shown as text",
    hint: 'Figures, videos, gists, tweets, code highlighting, `raw`, `post_url`, `link`, `ref`/`relref`, image includes, `site.baseurl` and WordPress’s `[caption]`, `[embed]`, `[audio]` and `[video]` are converted. Replace the rest with Markdown or HTML, or put it in code if it is meant to be shown.',
  },
  unkeptText: {
    code: 'unkept-text',
    severity: 'warning',
    meaning:
      'a body holds text a reader sees inside an element the sanitizer removes whole (a MathML formula, an SVG drawing, a form field), or Markdown quotes and lists nested over 1,000 levels deep: that text is not on the page',
    hint: 'Write a formula or a chart’s figures as text, or as a picture with a description (`![...](...)`), and nest quotes less deep; the original page, linked from the article, still shows it.',
  },
  unkeptLink: {
    code: 'unkept-link',
    severity: 'warning',
    meaning:
      'a link or picture in a body has an address the archive does not keep (a scheme other than http(s), or mailto for a link: `tel:`, `ftp:`, a picture written into the HTML as `data:`): its text or description is shown instead',
    hint: 'Write the address as a web address (https://…), or as text if it is meant to be read; a picture written into the page belongs in the content folder as a file.',
  },
  failedFile: {
    code: 'failed-file',
    severity: 'error',
    meaning:
      'reading, checking or sanitizing the file failed in the tool itself (a bug to report): with `--skip-invalid`, the rest of the archive builds without it',
    hint: 'Please report it with the file (or the part of it that fails); `NEWS_ARCHIVE_DEBUG=1` stops there and shows where. With `--skip-invalid`, the other articles build.',
  },
  unkeptAddress: {
    code: 'unkept-address',
    severity: 'warning',
    meaning: 'an old address (`aliases`, `redirect_from`, `permalink`, `url`, `path`) that cannot be one page here, so no redirect is made from it',
    hint: 'Old addresses become redirect pages; one that is a pattern (`/:year/:title/`) or holds `%` escapes cannot be a file. Write it as the address it was, like /2014/04/28/demo-day/.',
  },
  redirectClash: {
    code: 'redirect-clash',
    severity: 'error',
    meaning: 'an old address that is another article’s page, or that two articles name: a redirect never replaces a page',
    hint: 'Remove the old address from one of the two files (`aliases`, `redirect_from`, `permalink`, `url`, `path`).',
  },
  duplicateUrl: {
    code: 'duplicate-url',
    severity: 'error',
    meaning: 'two articles would have the same URL (same day, same slug)',
    hint: 'Give one of them another `slug:` or `date:`.',
  },
  invalidSiteSettings: {
    code: 'invalid-site-settings',
    severity: 'error',
    meaning: 'a value in `site.yaml` is wrong: the build stops (with `--skip-invalid`, that key’s default is used)',
    hint: 'Fix the value as the message says, or remove the key to use its default; `news-archive init` writes a site.yaml with every setting described.',
  },
  untranslatedLanguage: {
    code: 'untranslated-language',
    severity: 'warning',
    meaning: "`language` in `site.yaml` has no built-in table of the site's words: pages use English words where `strings:` gives none",
    hint: 'Words come built in for en, de, fr, es, uk and ar. Give the others under `strings:` in site.yaml (docs/templates.md lists every key), or choose one of those languages.',
  },
  deadLink: {
    code: 'dead-link',
    severity: 'warning',
    meaning: '(`check --links`) an article’s original answers 404 or 410: it is gone from its address',
    hint: 'Set `link_status: dead` in the article: its page then leads with the Internet Archive’s copy of the original.',
  },
  duplicateArticle: {
    code: 'duplicate-article',
    severity: 'warning',
    meaning: '(`check`) two files hold one article: the same link, or from one source within a few days nearly the same title and text',
    hint: 'Two files hold one article (the same link, or from one source nearly the same title and text): delete one unless you mean to keep both captures.',
  },
  unreadableInput: {
    code: 'unreadable-input',
    severity: 'error',
    meaning: '(`import`) an input file or URL could not be read',
    hint: 'Check the path or the address; a feed that did not answer in time can be tried again, or with a longer --timeout.',
  },
  malformedInput: {
    code: 'malformed-input',
    severity: 'error',
    meaning: '(`import`) an input is neither a clipping, an article file nor a feed it can read',
    hint: 'Give a plain-text clipping (headline first), an article file with front matter, or an RSS, Atom or JSON feed.',
  },
} as const satisfies Record<string, ProblemKind>;

type Details = Omit<Problem, 'code' | 'severity'>;

/** A problem of a catalogued kind; the kind's hint is used unless one is given. */
export function problem(kind: ProblemKind, details: Details): Problem {
  const hint = details.hint ?? kind.hint;
  return { code: kind.code, severity: kind.severity, ...details, ...(hint ? { hint } : {}) };
}

export const isError = (p: Problem): boolean => p.severity === 'error';

/** Problems in a stable order: by file, then line, then code. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) => compareStrings(a.file, b.file) || (a.line ?? 0) - (b.line ?? 0) || compareStrings(a.field ?? '', b.field ?? '') || compareStrings(a.code, b.code),
  );
}

/** Locale-independent comparison, so that output never depends on the machine. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Content quoted in a message: at most `length` characters, the rest cut with an ellipsis. */
export const shortened = (text: string, length: number): string => (text.length > length ? `${text.slice(0, length)}…` : text);
