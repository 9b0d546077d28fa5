/**
 * Times related articles + story clustering on generated archives, each size
 * in its own process so that peak memory is its own.
 * Run: node --import tsx bench/related.ts 10000 100000
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { relateArticles, type RelatableArticle } from '../src/related/relateArticles.ts';
import { generateArticles } from '../tests/support/generateCorpus.ts';

const args = process.argv.slice(2);

if (args[0] === '--one') {
  const count = Number(args[1]);
  const articles: RelatableArticle[] = [];
  for (const article of generateArticles(count)) {
    articles.push({
      url: `/${article.file}/`,
      title: article.title,
      text: article.body.replace(/<[^>]*>/g, ' '),
      epochMs: article.date.getTime(),
      tags: article.tags,
      link: article.link,
    });
  }
  const before = process.memoryUsage().rss;
  const started = performance.now();
  const relations = relateArticles(articles, { language: 'en' });
  const seconds = (performance.now() - started) / 1000;
  const storyArticles = relations.stories.reduce((sum, story) => sum + story.members.length, 0);
  console.log(
    JSON.stringify({
      count,
      seconds,
      peakRssMb: process.resourceUsage().maxRSS / 1024,
      inputRssMb: before / 2 ** 20,
      stories: relations.stories.length,
      storyArticles,
      copies: relations.duplicateOf.size,
      withRelated: [...relations.related.values()].filter((list) => list.length > 0).length,
    }),
  );
} else {
  const sizes = args.map(Number).filter((n) => n > 0);
  console.log('| articles | related + stories (s) | ms per article | peak RSS (MB) | of which input (MB) | stories | articles in stories | with related |');
  console.log('|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const count of sizes.length > 0 ? sizes : [10_000, 100_000]) {
    const output = execFileSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--one', String(count)], {
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    });
    const r = JSON.parse(output) as Record<string, number>;
    console.log(
      `| ${count} | ${r.seconds!.toFixed(2)} | ${((r.seconds! * 1000) / count).toFixed(3)} | ${r.peakRssMb!.toFixed(0)} | ${r.inputRssMb!.toFixed(0)} | ${r.stories} | ${r.storyArticles} | ${r.withRelated} |`,
    );
  }
}
