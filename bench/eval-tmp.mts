import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { relateArticles, weightedText } from '/work/main/src/related/relateArticles.ts';
import { textNeighbors } from '/work/main/src/related/similarity.ts';
import { tokenizerFor } from '/work/main/src/related/terms.ts';
type Item = { id: string; story?: string; duplicateOf?: string; source: string; date: string; tags: string[]; title: string; body: string };
const items = parse(readFileSync('/work/main/tests/fixtures/stories/corpus.yaml', 'utf8')) as Item[];
const articles = items.map((i) => ({ url: i.id, title: i.title, text: i.body, epochMs: Date.parse(i.date), tags: i.tags, source: i.source }));
const rel = relateArticles(articles, { language: 'en' });
const pairs = (f: (a: Item, b: Item) => boolean) => { const s = new Set<string>(); for (const a of items) for (const b of items) if (a.id < b.id && f(a, b)) s.add(a.id + '|' + b.id); return s; };
const truthStory = pairs((a, b) => !!a.story && a.story === b.story);
const predStory = pairs((a, b) => !!rel.storyOf.get(a.id) && rel.storyOf.get(a.id) === rel.storyOf.get(b.id));
const pr = (truth: Set<string>, pred: Set<string>) => { let tp = 0; for (const p of pred) if (truth.has(p)) tp++; return { precision: tp / (pred.size || 1), recall: tp / (truth.size || 1), tp, pred: pred.size, truth: truth.size }; };
console.log('stories', pr(truthStory, predStory));
const truthDup = new Set(items.filter((i) => i.duplicateOf).map((i) => [i.id, i.duplicateOf!].sort().join('|')));
const predDup = new Set([...rel.duplicateOf].map(([a, b]) => [a, b].sort().join('|')));
console.log('dups', pr(truthDup, predDup));
for (const p of predStory) if (!truthStory.has(p)) console.log('FP', p);
for (const p of truthStory) if (!predStory.has(p)) console.log('FN', p);
// similarity distribution
const nb = textNeighbors(articles.map(weightedText), tokenizerFor('en'));
const same: number[] = [], diff: number[] = [];
nb.forEach((l, i) => l.forEach(({ index, score }) => { const a = items[i]!, b = items[index]!; (a.story && a.story === b.story ? same : diff).push(score); }));
same.sort((a, b) => a - b); diff.sort((a, b) => b - a);
console.log('same-story min', same.slice(0, 8).map((x) => x.toFixed(2)).join(' '));
console.log('diff max', diff.slice(0, 8).map((x) => x.toFixed(2)).join(' '));
console.log('related volcano-1', rel.related.get('volcano-1'), 'other-japan-quake', rel.related.get('other-japan-quake'));
const copyPairs = items.filter((i) => i.duplicateOf);
for (const c of copyPairs) { const i = items.indexOf(c); const j = items.findIndex((x) => x.id === c.duplicateOf); console.log('copy cos', c.id, nb[i]!.find((n) => n.index === j)?.score.toFixed(3)); }
