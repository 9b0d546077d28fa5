/**
 * `news-archive init [DIR]`: a ready site in a folder. It holds
 * `content/site.yaml` with every setting written out and commented, a first
 * article, a `.gitignore` for the output and the cache, and the CI workflow
 * of `docs/ci.md`. It never overwrites: if any of these files exists,
 * nothing is written.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../errors.ts';
import { packageRoot } from '../paths.ts';

/** Every setting of `site.yaml` (`schema/site.ts`), each with what it does; the defaults are commented out. */
export const siteYamlTemplate = (title: string): string => `# The settings of this archive. Every one is optional; a commented line shows the default.

# The site's name, in the masthead, the title of every page and the feeds.
title: ${JSON.stringify(title)}

# One sentence about the archive, for search engines and link previews.
# description: News from our town, kept since 2026.

# Where the site will be published. With it, the build writes feeds, the sitemap and canonical
# URLs (or pass --base-url to build).
# baseUrl: https://news.example.org/

# The address of the site the articles came from, if they came from another generator's site:
# links and images that point there are resolved against it.
# origin: https://old-site.example.org/

# The addresses that site gave its posts, as Jekyll's permalink names them (date, pretty, none, or a
# pattern): each post redirects from its old address. A Jekyll _config.yml here is read for it.
# permalink: /:categories/:year/:month/:day/:title.html

# Folders of pictures beside the content folder, relative to it (Hugo's and Zola's static/, where
# /images/x.png is static/images/x.png): pictures that posts name by their path are published from
# them. Nothing but pictures is read there.
# staticFolders: [../static]

# The language of the site: its words, dates and numbers (a BCP 47 tag). Its words come built in for
# en, de, fr, es, uk and ar (written right to left); other languages get English words, which the
# strings setting below can replace.
# language: en

# The time zone that decides on which day an article falls (an IANA name).
# timezone: UTC

# Articles on one page of a list, and in each feed.
# pageSize: 20
# feedSize: 50

# What the feeds of tags, categories, authors and sources carry: full (each article's whole text)
# or summary (its dek or opening, and its link). The site's own feed is always full.
# feedContent: full

# The masthead's logo and the icon browsers show: an image in content/ (logo.svg) or a URL.
# logo: logo.svg
# favicon: favicon.png

# The masthead's links, in place of the built-in ones: a page of the site or a web address.
# navigation:
#   - label: Latest
#     url: /
#   - label: About
#     url: https://example.org/about

# Pictures from other sites: allow (pages load them from their publishers) or block (pages load only
# the site's own, kept by import and images under content/media/; the others become links).
# remoteImages: allow

# The line at the foot of every page, and the colour of links and marks.
# footer: Kept by the Example Historical Society.
# accentColor: "#9b1c1c"

# Names for the ids articles give as authors (author: jdoe).
# authors:
#   jdoe: Jane Doe

# Words of the pages in place of the built-in ones, by key (docs/templates.md lists them all): a
# text, or forms by number for the words that count something.
# strings:
#   latestNews: Today in the archive
#   readingTime:
#     one: "{count} minute"
#     other: "{count} minutes"

# Names for the feeds articles come from (source: https://feeds.example.com/rss).
# sources:
#   https://feeds.example.com/rss: Example News
`;

const firstArticle = (date: string): string => `---
title: Welcome to your archive
date: ${date}
description: The first article of the archive, written by news-archive init.
tags: [archive]
---
This is an article: a Markdown file with YAML front matter under \`content/\`. Edit it, or
delete it once the archive has articles of its own.

Write new ones with \`npx news-archive new --title "…"\`, or import feeds and clippings with
\`npx news-archive import\`.
`;

const gitignore = `# What news-archive writes: the site, and what it keeps between builds.
_site/
.cache/
node_modules/
`;

/** The GitHub Actions workflow of docs/ci.md, its first YAML block. */
function ciWorkflow(): string {
  const guide = readFileSync(path.join(packageRoot, 'docs', 'ci.md'), 'utf8');
  const block = /```yaml\n([\s\S]*?)```/.exec(guide);
  if (!block) throw new Error('docs/ci.md holds no workflow');
  return block[1]!;
}

export interface InitResult {
  /** The files written, relative to the working folder. */
  written: string[];
  /** What to run next, in order. */
  next: string[];
}

export function initSite(options: { cwd: string; dir?: string | undefined; today: string }): InitResult {
  const dir = options.dir ?? '.';
  const root = path.resolve(options.cwd, dir);
  const [year, month] = options.today.split('-');
  const files: [string, string][] = [
    ['content/site.yaml', siteYamlTemplate('News archive')],
    [`content/${year}/${month}/welcome-to-your-archive.md`, firstArticle(options.today)],
    ['.gitignore', gitignore],
    ['.github/workflows/site.yml', ciWorkflow()],
  ];
  const shown = (file: string) => path.relative(options.cwd, path.join(root, file)).split(path.sep).join('/');
  const existing = files.filter(([file]) => existsSync(path.join(root, file))).map(([file]) => shown(file));
  if (existing.length > 0) {
    throw new UsageError(
      `${existing.join(', ')} ${existing.length === 1 ? 'exists' : 'exist'} already: init writes nothing over a file. Run it in an empty folder, or name a new one: news-archive init my-archive`,
    );
  }
  for (const [file, text] of files) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text, { flag: 'wx' });
  }
  const inFolder = dir === '.' ? [] : [`cd ${dir}`];
  return {
    written: files.map(([file]) => shown(file)),
    next: [...inFolder, 'npx news-archive new --title "Your first story"', 'npx news-archive build', 'npx news-archive serve'],
  };
}
