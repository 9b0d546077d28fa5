/**
 * A manual check on real archives that nobody here wrote (their licences keep
 * them out of this repository): the rumca-js daily RSS captures (markdown
 * lists of feed items, turned into article files with the import code) and
 * the UCSC news archive (Jekyll posts dated by their file names), each built
 * with --skip-invalid. Prints what was built, the problems by code, and the time.
 *
 * Run: node --import tsx bench/real-archives.ts ../shared/corpus/real
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildSite } from '../src/buildSite.ts';
import { comparableOf, DuplicateIndex } from '../src/duplicates/findDuplicates.ts';
import { pathShownFrom } from '../src/load/loadContent.ts';
import { defaultSiteSettings } from '../src/schema/site.ts';
import { planArticle, writeNewFile, type ArticleDraft } from '../src/write/articleFile.ts';

const corpus = path.resolve(process.argv[2] ?? '../shared/corpus/real');

/** One rumca-js capture file: `## title`, then ` - [link](link)`, ` - RSS feed: url`, ` - date published: ...`, then the item's HTML. */
function rumcaItems(text: string): { drafts: ArticleDraft[]; undated: number } {
  const drafts: ArticleDraft[] = [];
  let undated = 0;
  for (const chunk of text.split(/^## /m).slice(1)) {
    const [titleLine = '', ...rest] = chunk.split('\n');
    const meta: Record<string, string> = {};
    let bodyStart = 0;
    for (const [index, line] of rest.entries()) {
      const link = /^ - \[([^\]]*)\]\(([^)]*)\)\s*$/.exec(line);
      const field = /^ - ([\w ]+): (.*)$/.exec(line);
      if (link) meta.link = link[2]!;
      else if (field) meta[field[1]!.trim()] = field[2]!.trim();
      else if (line.trim() === '' && Object.keys(meta).length > 0) {
        bodyStart = index + 1;
        break;
      }
    }
    const date = meta['date published'];
    if (!date) {
      undated += 1;
      continue;
    }
    const feed = meta['RSS feed'];
    const link = meta.link && /^https?:\/\//.test(meta.link) ? meta.link : undefined;
    drafts.push({
      title: titleLine.trim() || link || 'Untitled',
      date,
      link,
      source: feed && /^https?:\/\//.test(feed) ? feed : undefined,
      categories: feed && URL.canParse(feed) ? [new URL(feed).hostname] : [],
      draft: false,
      body: rest.slice(bodyStart).join('\n').trim(),
    });
  }
  return { drafts, undated };
}

function filesUnder(root: string, suffix: string): string[] {
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith(suffix))
    .map((file) => path.join(root, file))
    .sort();
}

async function buildAndReport(name: string, contentDir: string, cwd: string, extra: Record<string, number> = {}): Promise<void> {
  const started = performance.now();
  const result = await buildSite({ cwd, contentDir, outputDir: path.join(cwd, `_site-${name}`), skipInvalid: true });
  const seconds = (performance.now() - started) / 1000;
  const byCode = new Map<string, number>();
  for (const problem of result.problems) byCode.set(`${problem.severity} ${problem.code}`, (byCode.get(`${problem.severity} ${problem.code}`) ?? 0) + 1);
  console.log(`\n## ${name}`);
  for (const [key, value] of Object.entries(extra)) console.log(`- ${key}: ${value}`);
  console.log(
    `- content files: ${result.contentFileCount}; articles built: ${result.articleCount}; pages: ${result.pageCount}; in the search index: ${result.searchPageCount}`,
  );
  console.log(`- problems: ${[...byCode].map(([code, count]) => `${code} ${count}`).join(', ') || 'none'}`);
  console.log(`- build time: ${seconds.toFixed(1)} s`);
  const samples = new Map<string, string>();
  for (const problem of result.problems)
    if (!samples.has(problem.code)) samples.set(problem.code, `${problem.file}: ${problem.field ?? ''} ${problem.message}`);
  for (const sample of samples.values()) console.log(`  e.g. ${sample.slice(0, 200)}`);
}

const work = mkdtempSync(path.join(tmpdir(), 'news-archive-real-'));
console.log(`Working in ${work}`);

// rumca-js: convert with the import code (planArticle, writeNewFile, duplicate index), then build.
{
  const content = path.join(work, 'rumca');
  const duplicates = new DuplicateIndex();
  const takenFiles = new Set<string>();
  const takenUrls = new Set<string>();
  let items = 0;
  let undated = 0;
  let written = 0;
  let skippedDuplicates = 0;
  let refused = 0;
  const started = performance.now();
  for (const file of filesUnder(path.join(corpus, 'rumca-js__RSS-Link-Database-2023'), '.md')) {
    if (path.basename(file) === 'README.md') continue;
    const parsed = rumcaItems(readFileSync(file, 'utf8'));
    items += parsed.drafts.length + parsed.undated;
    undated += parsed.undated;
    for (const draft of parsed.drafts) {
      const plan = planArticle(draft, content, defaultSiteSettings, pathShownFrom(work), (target, url) => takenFiles.has(target) || takenUrls.has(url));
      if (!plan.planned) {
        refused += 1;
        if (refused <= 3)
          console.log(
            `  refused: ${JSON.stringify(draft.title).slice(0, 80)}: ${plan.problems
              .map((p) => `${p.field ?? ''} ${p.message}`)
              .join('; ')
              .slice(0, 160)}`,
          );
        continue;
      }
      const candidate = comparableOf({ ...plan.planned.article, file: plan.planned.shownPath }, plan.planned.article.body);
      if (duplicates.match(candidate).length > 0) {
        skippedDuplicates += 1;
        continue;
      }
      duplicates.add(candidate);
      takenFiles.add(plan.planned.path);
      takenUrls.add(plan.planned.article.url);
      if (writeNewFile(plan.planned.path, plan.planned.text)) written += 1;
    }
  }
  const convertSeconds = (performance.now() - started) / 1000;
  await buildAndReport('rumca-js RSS captures, 2023', content, work, {
    'feed items read': items,
    'items without a date (left out)': undated,
    'items refused by the loader': refused,
    'items skipped as duplicates (same link or text)': skippedDuplicates,
    'article files written': written,
    'conversion time (s)': Number(convertSeconds.toFixed(1)),
  });
}

// UCSC: Jekyll posts as they are; dates come from the file names.
await buildAndReport('UCSC news archive (Jekyll _posts)', path.join(corpus, 'ucsc__news-archives', 'source', '_posts'), work);
