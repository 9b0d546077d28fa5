/**
 * Related articles and stories: measured on a labelled set of 68 articles in
 * 13 stories (tests/fixtures/stories/corpus.yaml), checked on the seeds, and
 * seen on the built pages.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { HtmlValidate } from 'html-validate';
import { parse } from 'yaml';
import { relateArticles, type RelatableArticle, type Relations } from '../src/related/relateArticles.ts';
import { article, fixture, projectRoot, runCli, writeTree } from './helpers.ts';

interface LabelledArticle {
  id: string;
  story?: string;
  duplicateOf?: string;
  source: string;
  date: string;
  tags: string[];
  title: string;
  body: string;
}

const corpus = parse(readFileSync(fixture('stories/corpus.yaml'), 'utf8')) as LabelledArticle[];
const relatable = (item: LabelledArticle): RelatableArticle => ({
  url: item.id,
  title: item.title,
  text: item.body,
  epochMs: Date.parse(item.date),
  tags: item.tags,
});

/** Unordered pairs of ids for which `same` holds. */
function pairs(items: readonly LabelledArticle[], same: (a: LabelledArticle, b: LabelledArticle) => boolean): Set<string> {
  const result = new Set<string>();
  for (const a of items) for (const b of items) if (a.id < b.id && same(a, b)) result.add(`${a.id} ${b.id}`);
  return result;
}

function precisionRecall(truth: Set<string>, predicted: Set<string>): { precision: number; recall: number } {
  const found = [...predicted].filter((pair) => truth.has(pair)).length;
  return { precision: predicted.size === 0 ? 1 : found / predicted.size, recall: truth.size === 0 ? 1 : found / truth.size };
}

/** The bar: below it, story and duplicate detection are not good enough to show readers. */
const bar = 0.9;

describe('stories and duplicates on the labelled set', () => {
  const relations = relateArticles(corpus.map(relatable), { language: 'en' });

  test('the set is what it claims: 60+ articles, 12+ stories told by 2 to 6 sources, copies and unrelated articles', () => {
    const stories = new Map<string, Set<string>>();
    for (const item of corpus) if (item.story) stories.set(item.story, (stories.get(item.story) ?? new Set()).add(item.source));
    assert.ok(corpus.length >= 60, `${corpus.length} articles`);
    assert.ok(stories.size >= 12, `${stories.size} stories`);
    for (const [story, sources] of stories) assert.ok(sources.size >= 2 && sources.size <= 6, `${story}: ${sources.size} sources`);
    assert.ok(corpus.filter((item) => item.duplicateOf).length >= 4);
    assert.ok(corpus.filter((item) => !item.story).length >= 10);
  });

  test(`story clustering: pairwise precision and recall at least ${bar}`, (t) => {
    const truth = pairs(corpus, (a, b) => a.story !== undefined && a.story === b.story);
    const storyOf = (item: LabelledArticle) => relations.storyOf.get(item.id);
    const predicted = pairs(corpus, (a, b) => storyOf(a) !== undefined && storyOf(a) === storyOf(b));
    const { precision, recall } = precisionRecall(truth, predicted);
    t.diagnostic(`stories: precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)} over ${truth.size} same-story pairs`);
    assert.ok(precision >= bar, `precision ${precision}`);
    assert.ok(recall >= bar, `recall ${recall}`);
  });

  test(`duplicate detection: pairwise precision and recall at least ${bar}`, (t) => {
    const truth = new Set(corpus.filter((item) => item.duplicateOf).map((item) => [item.id, item.duplicateOf!].sort().join(' ')));
    const predicted = new Set([...relations.duplicateOf].map((pair) => pair.sort().join(' ')));
    const { precision, recall } = precisionRecall(truth, predicted);
    t.diagnostic(`duplicates: precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)} over ${truth.size} pairs`);
    assert.ok(precision >= bar, `precision ${precision}`);
    assert.ok(recall >= bar, `recall ${recall}`);
  });

  test('an earthquake in Japan the same day is not part of the Chile earthquake story, though it is related to it', () => {
    const chile = relations.storyOf.get('quake-1');
    assert.ok(chile);
    assert.equal(relations.storyOf.get('other-japan-quake'), undefined);
    assert.ok(relations.related.get('other-japan-quake')?.some((url) => chile.members.includes(url)));
  });

  test('related lists: at most five, never the article itself, its own story or a second capture', () => {
    for (const item of corpus) {
      const related = relations.related.get(item.id) ?? [];
      assert.ok(related.length <= 5);
      assert.ok(!related.includes(item.id));
      const story = relations.storyOf.get(item.id);
      for (const url of related) {
        assert.ok(!story || relations.storyOf.get(url) !== story, `${item.id} → ${url}`);
        assert.ok(!relations.duplicateOf.has(url), `${item.id} → ${url} is a copy`);
      }
    }
  });

  test('the same archive in any order gives the same stories and lists', () => {
    const shuffled = [...corpus].reverse().map(relatable);
    const again = relateArticles(shuffled, { language: 'en' });
    const describe = (result: Relations) => ({
      related: [...result.related].sort(),
      stories: result.stories.map((story) => story.members),
      duplicates: [...result.duplicateOf].sort(),
    });
    assert.deepEqual(describe(again), describe(relations));
  });
});

describe('related articles: only about the same thing', () => {
  const on = (url: string, date: string, title: string, text: string, tags: string[] = []): RelatableArticle => ({
    url,
    title,
    text,
    epochMs: Date.parse(date),
    tags,
  });
  test('in a small archive, texts that share only the words every article uses are not "like" each other', () => {
    const { related } = relateArticles(
      [
        on(
          'danube',
          '2026-03-01',
          'Danube floods reach Budapest',
          'The Danube rose above its banks in Budapest on Sunday, flooding the lower quays and closing roads along the river. Officials said the water would peak on Tuesday.',
        ),
        on(
          'drills',
          '2026-03-02',
          'Air-defence drills over the capital',
          'The army held air-defence drills over the capital on Sunday, and officials said roads near the airport would close until Tuesday.',
        ),
        on(
          'rhine',
          '2026-03-05',
          'Rhine floods close the port of Cologne',
          'The Rhine flooded the port of Cologne on Thursday; barges waited downstream as the river kept rising.',
        ),
      ],
      { language: 'en' },
    );
    assert.deepEqual(related.get('danube'), ['rhine']);
    assert.deepEqual(related.get('drills'), []);
  });
});

describe('related articles: ranking', () => {
  const shared = 'Flooding closed the riverside road in Rivermouth after heavy rain, and the council opened a shelter at the school.';
  // Each article adds a passage of its own, so that none is a copy of another, and all are equally alike.
  const own: Record<string, string> = {
    subject: 'Volunteers carried sandbags along Mill Lane while engineers inspected the old stone bridge for cracks overnight.',
    'x-far': 'Bakers on Quay Street handed out bread, and the ferry company cancelled its morning crossings until Thursday afternoon.',
    'x-near': 'A retired teacher rowed neighbours to dry ground, and the library lent its generator to the care home nearby.',
    'x-later': 'Farmers moved cattle from the water meadows, and the bus depot flooded to the height of the ticket windows.',
    'x-tagged': 'Students filled the sports hall with camp beds, and the cathedral choir sang for evacuated families at dusk.',
    'x-untagged': 'The fire brigade pumped cellars on Orchard Row, and a fishing trawler ferried medicine to the island clinic.',
  };
  const on = (date: string, url: string, tags: string[] = []): RelatableArticle => ({
    url,
    title: 'Flooding in Rivermouth',
    text: `${shared} ${own[url]}`,
    epochMs: Date.parse(date),
    tags,
  });
  const others = [on('2026-03-01', 'x-far'), on('2026-06-20', 'x-near')];

  test('of equally alike articles, the one closer in time ranks higher, newer or not', () => {
    const subject = on('2026-06-25', 'subject');
    // Far enough in time from both not to be one story with either.
    const { related } = relateArticles([subject, ...others, on('2026-09-30', 'x-later')], { language: 'en' });
    assert.deepEqual(related.get('subject')?.slice(0, 3), ['x-near', 'x-later', 'x-far']);
  });

  test('shared tags raise an article above an equally alike one', () => {
    const subject = on('2026-06-25', 'subject', ['Floods']);
    const tagged = on('2026-03-01', 'x-tagged', ['floods']);
    const { related } = relateArticles([subject, tagged, on('2026-03-01', 'x-untagged')], { language: 'en' });
    assert.deepEqual(related.get('subject'), ['x-tagged', 'x-untagged']);
  });
});

describe('the seeds', async () => {
  const seeds = path.join(projectRoot, 'content');
  const cwd = writeTree({});
  const run = await runCli(['build', '--content', seeds, '--output', path.join(cwd, 'site')], { cwd });
  const site = path.join(cwd, 'site');
  const read = (url: string) => readFileSync(path.join(site, url, 'index.html'), 'utf8');
  const seed001 = '/2026/01/06/nato-ambassador-says-ukraine-peace-deal-could-be-on-the-cusp-as-nations-near-finalization-of-security-pact/';
  const seed000 = '/2026/01/06/nato-ambassador-says-ukraine-peace-deal-could-be-on-the-cusp-as-nations-near-finalization-of/';
  const seed002 = '/2026/01/06/uk-france-strike-new-ukraine-security-pact-as-us-takes-lead-in-ceasefire-enforcement/';
  const seed003 = '/2026/01/06/nato-envoy-sees-a-security-framework-for-ukraine-taking-shape-as-paris-talks-begin/';
  const seed004 = '/2025/08/17/putin-ready-to-allow-nato-like-security-agreement-for-ukraine-witkoff-claims/';

  test('000 and 001 are duplicates: 000 is marked as a second capture of 001', () => {
    assert.equal(run.code, 0, run.stderr);
    assert.match(
      read(seed000),
      /A second capture of <a href="\.\.\/nato-ambassador-says-ukraine-peace-deal-could-be-on-the-cusp-as-nations-near-finalization-of-security-pact\/">/,
    );
    assert.doesNotMatch(read(seed001), /A second capture of/);
  });

  test('003 is in the same story as 001; 002 and 004 are related to it, but not the same story', () => {
    const story = /<a href="([^"]+)">All the coverage of this story<\/a>: ([^<]+)\./.exec(read(seed001));
    assert.ok(story, 'seed 001 is part of a story');
    // Seed 003 names no outlet, so only Fox News counts as a source.
    assert.equal(story[2], '2 articles from 1 source (and 1 second capture), January 6, 2026');
    const storyPage = readFileSync(path.join(site, seed001, story[1]!, 'index.html'), 'utf8');
    for (const member of [seed000, seed001, seed003]) assert.ok(storyPage.includes(member.slice(1)), `${member} is on the story page`);
    for (const other of [seed002, seed004]) assert.ok(!storyPage.includes(other.slice(1)), `${other} is not`);
    const related = read(seed001).split('More like this')[1] ?? '';
    for (const other of [seed002, seed004]) assert.ok(related.includes(other.split('/').at(-2)!), `${other} is related to 001`);
    assert.match(
      read(seed003),
      /Also covered by[\s\S]*Fox News<\/span>: <a href="\.\.\/nato-ambassador-says-ukraine-peace-deal-could-be-on-the-cusp-as-nations-near-finalization-of-security-pact\/">/,
    );
  });

  test('story and article pages are valid HTML', async () => {
    const validator = new HtmlValidate({ extends: ['html-validate:recommended'], rules: { 'doctype-style': 'off', 'long-title': 'off' } });
    const storyUrl = /<a href="([^"]+)">All the coverage of this story/.exec(read(seed001))![1]!;
    for (const file of [path.join(site, seed001, storyUrl, 'index.html'), path.join(site, seed001, 'index.html'), path.join(site, seed000, 'index.html')]) {
      const report = await validator.validateString(readFileSync(file, 'utf8'), file);
      assert.deepEqual(
        report.results.flatMap((result) => result.messages.map((m) => `${m.line} ${m.ruleId}: ${m.message}`)),
        [],
        file,
      );
    }
  });
});

describe('stories in a built site', () => {
  test('articles about one event from several sources get a story page listing them by source', async () => {
    const cwd = writeTree({
      'content/quake-hits-arica-in-northern-chile.md': article(
        { title: 'Quake hits Arica in northern Chile', date: '2026-04-06T10:00:00Z', link: 'https://one.example/arica', tags: '[Chile]' },
        "<p>A magnitude 6.8 earthquake struck near the coastal city of Arica in northern Chile on Monday, the national seismology centre said. Chile's disaster agency Senapred reported two injuries.</p>",
      ),
      'content/b.md': article(
        { title: 'Strong earthquake shakes Arica, power cut', date: '2026-04-06T14:00:00Z', link: 'https://two.example/arica' },
        '<p>Power was cut to 80,000 homes in Arica after a strong earthquake of magnitude 6.8 shook the far north of Chile, local radio said. Senapred sent inspectors to check roads.</p>',
      ),
      'content/c.md': article(
        { title: 'Arica counts damage after Monday quake', date: '2026-04-07T09:00:00Z', link: 'https://three.example/arica' },
        "<p>Engineers in Arica inspected bridges and schools on Tuesday, a day after the magnitude 6.8 earthquake, Chile's regional government said. Senapred said most power had been restored.</p>",
      ),
    });
    const run = await runCli(['build'], { cwd });
    assert.equal(run.code, 0, run.stderr);
    const story = readFileSync(path.join(cwd, '_site/stories/quake-hits-arica-in-northern-chile/index.html'), 'utf8');
    assert.match(story, /3 articles from 3 sources, April 6, 2026 to April 7, 2026/);
    assert.deepEqual(
      [...story.matchAll(/<h2 id="source-\d+" class="section-heading"><a href="[^"]+">([^<]+)<\/a>/g)].map((m) => m[1]),
      ['one.example', 'two.example', 'three.example'],
    );
  });
});
