/**
 * The site speaks its language: the sample site, with a few articles that
 * bring out every part of the pages (a story, a second capture, authors,
 * categories, an update, a translation, a draft, old addresses, pages of
 * lists, feeds), built in each language that has a table of words. In
 * English every fixed piece of every message shows somewhere; in the other
 * languages none of them does.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { decodeHTML } from 'entities';
import { buildArchive } from '../src/archive/buildArchive.ts';
import { loadSite } from '../src/load/loadSite.ts';
import { renderInMemory } from '../src/render/renderSite.ts';
import { en } from '../src/strings/en.ts';
import { directionOf, placeholdersOf, siteWords, tableFor, Translator, wordTables, type Message, type WordKey } from '../src/strings/words.ts';
import { article, projectRoot } from './helpers.ts';
import { siteInMemory, type SiteInMemory } from './support/siteInMemory.ts';

/** The sample site's files, as `content/…` paths. */
function sampleSite(): Record<string, string> {
  const root = path.join(projectRoot, 'content');
  const files: Record<string, string> = {};
  for (const file of readdirSync(root, { recursive: true, encoding: 'utf8' })) {
    if (/\.(md|yaml)$/.test(file)) files[`content/${file.split(path.sep).join('/')}`] = readFileSync(path.join(root, file), 'utf8');
  }
  return files;
}

const extraArticles: Record<string, string> = {
  'content/2026/01/harbour-quay.md': article(
    {
      title: 'Harbour quay reopens',
      date: '2026-01-05',
      updated: '2026-01-07',
      authors: '[Jane Doe, Li Wei]',
      categories: '[Local, Transport]',
      tags: '[harbour]',
      link: 'https://harbour.example/news/quay',
      source: 'https://harbour.example/feed.xml',
      aliases: '[/old/quay.html]',
      image: 'https://harbour.example/quay.jpg',
      image_caption: 'The quay at dawn',
      image_credit: 'Jane Doe/Harbour News',
    },
    '<p>The quay at the old harbour opened again on Monday after two years of repairs to its stone walls.</p>',
  ),
  // Its feed changed it: the page links to what changed, shown word by word in headline, dek and text.
  'content/2026/01/harbour-quay.revisions.yaml': [
    'versions:',
    '  - replaced: "2026-01-07T08:00:00Z"',
    '    title: "Harbour quay to reopen"',
    '    description: "Repairs end this week."',
    '    body: "<p>The quay at the old harbour opens again on Monday.</p>"',
    '',
  ].join('\n'),
  'content/2026/01/harbour-quay-he.md': article(
    { title: 'הרציף בנמל נפתח מחדש', date: '2026-01-05', slug: 'harbour-quay', lang: 'he' },
    '<p>הרציף בנמל הישן נפתח שוב ביום שני.</p>',
  ),
  // The same outlet's follow-up: a story with no other outlet in it.
  'content/2026/01/harbour-quay-crowds.md': article(
    {
      title: 'Crowds return to the reopened harbour quay',
      date: '2026-01-06',
      link: 'https://harbour.example/news/crowds',
      link_status: 'dead',
      source: 'https://harbour.example/feed.xml',
    },
    '<p>The quay at the old harbour drew crowds on Tuesday, a day after it opened again following two years of repairs to its stone walls.</p>',
  ),
  // One event told by four outlets: the day's lead story, "covered by" three of them "and 1 more".
  ...Object.fromEntries(
    ['gazette', 'post', 'times', 'wire'].map((outlet) => [
      `content/2026/01/bridge-${outlet}.md`,
      article(
        {
          title: `The old bridge closes for repairs (${outlet})`,
          date: '2026-01-06',
          link: `https://${outlet}.example/bridge`,
          source: `https://${outlet}.example/feed.xml`,
        },
        '<p>The old bridge over the river closed on Tuesday for a year of repairs to its arches, and traffic goes by the ring road.</p>',
      ),
    ]),
  ),
  'content/2026/01/draft-note.md': article({ title: 'A note in progress', date: '2026-01-04', draft: 'true' }, '<p>Not yet.</p>'),
};

interface LanguageSite extends SiteInMemory {
  /** Every page of the site, and of the same site without articles (what an empty list or index says). */
  allPages: Map<string, string>;
}

/** The sample site in `language`, every page in memory, drafts shown as `serve` shows them; and the same settings with no articles. */
async function siteIn(language: string): Promise<LanguageSite> {
  const files = { ...sampleSite(), ...extraArticles };
  // No description of its own, so the home page describes itself; two articles a page, so lists have pages.
  files['content/site.yaml'] = files['content/site.yaml']!.replace(/^language:.*$/m, `language: ${language}`)
    .replace(/^(description|pageSize):.*\n/gm, '')
    .concat('\npageSize: 2\n');
  const baseUrl = 'https://news.example.org/';
  const site = await siteInMemory(files, { baseUrl, includeDrafts: true });
  const settings = loadSite(path.join(site.cwd, 'content'), (file) => file).site;
  const empty = await renderInMemory(buildArchive([], { ...settings, baseUrl }));
  // And what a site that loads no pictures from elsewhere says instead.
  const blocked = await siteInMemory({
    'content/site.yaml': `language: ${language}\nremoteImages: block\n`,
    'content/2026/01/pier.md': article({ title: 'Pier', date: '2026-01-06', image: 'https://harbour.example/pier.jpg' }, '<p>The pier.</p>'),
  });
  return {
    ...site,
    allPages: new Map([
      ...[...empty].map(([url, text]) => [`(no articles) ${url}`, text] as const),
      ...[...blocked.pages].map(([url, text]) => [`(remote pictures blocked) ${url}`, text] as const),
      ...site.pages,
    ]),
  };
}

/** What a reader meets on a page: its text and the attributes that are read out or shown. */
function readerText(file: string): string {
  const withoutCode = file.replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, ' ').replace(/<style\b[^>]*>[\s\S]*?<\/style>/gi, ' ');
  const attributes = [...withoutCode.matchAll(/\s(?:aria-label|title|alt|placeholder|content)="([^"]*)"/g)].map((match) => decodeHTML(match[1]!));
  // What the search script writes: the values of its words, not their keys.
  const scriptWords = [...withoutCode.matchAll(/\sdata-words="([^"]*)"/g)].flatMap((match) => valuesOf(JSON.parse(decodeHTML(match[1]!))));
  const text = decodeHTML(withoutCode.replace(/<[^>]*>/g, ' '));
  return [text, ...attributes, ...scriptWords].join(' \n ').replace(/\s+/g, ' ');
}

function valuesOf(data: unknown): string[] {
  if (typeof data === 'string') return [data];
  return data !== null && typeof data === 'object' ? Object.values(data).flatMap(valuesOf) : [];
}

/** The fixed pieces of a message, between its `{placeholders}`, that hold a word. */
const piecesOf = (pattern: string): string[] =>
  pattern
    .split(/\{\w+\}/)
    .map((piece) => piece.trim().replace(/^[\s.,:;()“”«»„"]+|[\s.,:;()“”«»„"]+$/g, ''))
    .filter((piece) => /\p{L}{2}/u.test(piece));

const formsOf = (message: Message): string[] => (typeof message === 'string' ? [message] : Object.values(message).filter((form) => form !== undefined));

const occursIn = (text: string, piece: string): boolean => new RegExp(`(?<!\\p{L})${piece.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?!\\p{L})`, 'u').test(text);

const contentText = Object.values({ ...sampleSite(), ...extraArticles }).join('\n');

describe('the words of the site in each language', async () => {
  const english = await siteIn('en');
  const englishText = [...english.allPages.values()].map(readerText).join('\n');

  const pieces = (Object.keys(en) as WordKey[]).flatMap((key) => formsOf(en[key]).flatMap((form) => piecesOf(form).map((piece) => ({ key, piece }))));
  /** English pieces that content also holds ("to", "from") cannot tell a page's words from its articles'. */
  const telling = pieces.filter(({ piece }) => !occursIn(contentText, piece));

  test('in English, every message shows on some page: the content brings out the whole of the pages', () => {
    const unseen = (Object.keys(en) as WordKey[]).filter(
      (key) => !formsOf(en[key]).some((form) => piecesOf(form).every((piece) => occursIn(englishText, piece))),
    );
    assert.deepEqual(unseen, []);
    // What the content also says: the, and, of, from, to, First, Archive, source, feed.
    assert.ok(telling.length >= 0.85 * pieces.length, `${telling.length} of ${pieces.length} pieces of English can be told from the content`);
  });

  for (const language of ['de', 'fr', 'es', 'uk', 'ar']) {
    test(`in ${language}, no page holds an English word of the pages`, async () => {
      const site = await siteIn(language);
      assert.deepEqual(
        site.problems.filter((problem) => problem.severity === 'error'),
        [],
      );
      const own = formsOf(Object.values(wordTables[language]!).join('\n')).join('\n');
      const found = new Set<string>();
      for (const [url, file] of site.allPages) {
        if (!url.endsWith('/') && !url.endsWith('.xml')) continue;
        const text = readerText(file);
        for (const { key, piece } of telling) if (!occursIn(own, piece) && occursIn(text, piece)) found.add(`${key}: "${piece}" on ${url}`);
      }
      assert.deepEqual([...found].slice(0, 20), []);
      const home = site.file('/');
      assert.match(home, new RegExp(`<html lang="${language}" dir="${directionOf(language)}">`));
    });
  }

  test('an article in another language carries its own lang, and dir when it is written the other way', async () => {
    const page = english.file('/2026/01/05/harbour-quay-he/');
    assert.match(page, /<html lang="en" dir="ltr">/);
    assert.match(page, /<h1 lang="he" dir="rtl">הרציף בנמל נפתח מחדש<\/h1>/);
    assert.match(page, /<div class="article-body" lang="he" dir="rtl">/);
    // In lists too, on its title and excerpt only: the date and source beside them are in the site's language.
    const day = english.file('/2026/01/05/');
    assert.match(day, /<a href="harbour-quay-he\/" lang="he" dir="rtl">הרציף בנמל נפתח מחדש<\/a>/);
    const arabic = await siteIn('ar');
    // Both written right to left: the language changes, the direction does not.
    assert.match(arabic.file('/2026/01/05/harbour-quay-he/'), /<h1 lang="he">/);
  });
});

/** Messages that are English's word for word, and rightly so. */
const sameAsEnglish: Record<string, WordKey[]> = {
  fr: ['sources', 'articleCount', 'sourceCount', 'captureTally', 'listPageTitle', 'sourceSite', 'pagesLabel', 'pageAlone', 'filterSource'],
};

describe('plural forms, numbers and lists', () => {
  test('no table keeps an English message that has words in it, but those that are the same in its language', () => {
    for (const [language, table] of Object.entries(wordTables)) {
      if (language === 'en') continue;
      const copied = (Object.keys(en) as WordKey[]).filter((key) => {
        const english = formsOf(en[key]).filter((form) => piecesOf(form).length > 0);
        return formsOf(table[key] as Message).some((form) => english.includes(form));
      });
      assert.deepEqual(copied, sameAsEnglish[language] ?? [], language);
    }
  });

  test('every table has every key of English, of the same kind, and no other', () => {
    for (const [language, table] of Object.entries(wordTables)) {
      assert.deepEqual(Object.keys(table).sort(), Object.keys(en).sort(), language);
      for (const key of Object.keys(en) as WordKey[]) assert.equal(typeof table[key], typeof en[key], `${language}: ${key}`);
    }
  });

  test('every message with forms by number has each form its language uses', () => {
    for (const [language, table] of Object.entries(wordTables)) {
      const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
      for (const [key, message] of Object.entries(table)) {
        if (typeof message === 'string') continue;
        assert.deepEqual(
          categories.filter((category) => message[category] === undefined),
          [],
          `${language}: ${key}`,
        );
      }
    }
  });

  test('a translation fills in what English fills in, and nothing English does not', () => {
    for (const [language, table] of Object.entries(wordTables)) {
      for (const key of Object.keys(en) as WordKey[]) {
        const english = placeholdersOf(en[key]);
        const message = table[key] as Message;
        // A form for one or two may say the number in words ("مقالتان"), so only the `other` form must have every one.
        const other = placeholdersOf(typeof message === 'string' ? message : message.other);
        assert.deepEqual([...other].sort(), [...english].sort(), `${language}: ${key}`);
        assert.deepEqual(
          [...placeholdersOf(message)].filter((name) => !english.has(name)),
          [],
          `${language}: ${key}`,
        );
      }
    }
  });

  test('Ukrainian and Arabic count as their grammars do', () => {
    const ukrainian = new Translator(siteWords('uk'));
    assert.deepEqual(
      [1, 2, 5, 11, 21, 22, 25].map((count) => ukrainian.text('articleCount', { count })),
      ['1 стаття', '2 статті', '5 статей', '11 статей', '21 стаття', '22 статті', '25 статей'],
    );
    const arabic = new Translator(siteWords('ar'));
    assert.deepEqual(
      [0, 1, 2, 3, 11, 100].map((count) => arabic.text('articleCount', { count })),
      ['لا مقالات', 'مقالة واحدة', 'مقالتان', '3 مقالات', '11 مقالة', '100 مقالة'],
    );
  });

  test('numbers and lists are written as the language writes them', () => {
    const german = new Translator(siteWords('de'));
    assert.equal(german.text('articleCount', { count: 12345 }), '12.345 Artikel');
    const authors = ['Anna', 'Ben', 'Cem'].map((name) => ({ text: name, url: `/authors/${name.toLowerCase()}/` }));
    const parts = german.parts('byAuthors', { authors, count: 3 });
    assert.deepEqual(
      parts.map((part) => (part.url ? `[${part.text}]` : part.text)),
      ['Von ', '[Anna]', ', ', '[Ben]', ' und ', '[Cem]'],
    );
    assert.equal(new Translator(siteWords('uk')).text('byAuthors', { authors: authors.slice(0, 2), count: 2 }), 'Автори: Anna і Ben');
  });

  test('a regional tag takes its language’s table; which way a language is written comes from its script', () => {
    assert.equal(tableFor('de-AT'), 'de');
    assert.equal(tableFor('pt-BR'), undefined);
    assert.deepEqual(['ar', 'he', 'fa', 'ur', 'en', 'uk', 'ar-Latn'].map(directionOf), ['rtl', 'rtl', 'rtl', 'rtl', 'ltr', 'ltr', 'ltr']);
  });
});

describe('strings: in site.yaml', async () => {
  const site = await siteInMemory({
    'content/site.yaml': [
      'language: de',
      'strings:',
      '  latestNews: Aus dem Hafen',
      '  readingTime: "{count} Min."',
      '  pageOf:',
      '    one: "Seite {page}/{count}"',
      '    other: "Seite {page}/{count}"',
    ].join('\n'),
    'content/2026/01/quay.md': article({ title: 'Kai wieder offen', date: '2026-01-06' }, `<p>${'Wort '.repeat(500)}</p>`),
  });

  test('replace the words of the site’s language, key by key; a text stands for every form by number', () => {
    assert.deepEqual(site.problems, []);
    assert.match(site.file('/'), /<h1 class="list-heading">Aus dem Hafen<\/h1>/);
    assert.match(site.file('/2026/01/06/quay/'), /2 Min\./);
    // The other words stay the table's.
    assert.match(site.file('/'), /Zum Inhalt springen/);
  });

  test('an unknown key or a placeholder the message never fills in is a problem that names it', async () => {
    const bad = await siteInMemory({
      'content/site.yaml': ['strings:', '  latestNwes: Top stories', '  readingTime: "{minutes} min"'].join('\n'),
      'content/2026/01/quay.md': article({ title: 'Quay reopens', date: '2026-01-06' }),
    });
    assert.deepEqual(
      bad.problems.map((problem) => `${problem.code} ${problem.field}: ${problem.message}`),
      [
        'invalid-site-settings strings.latestNwes: is not a key of the site\'s words (did you mean "latestNews"?), got "Top stories"',
        'invalid-site-settings strings.readingTime: uses {minutes}, which is never filled in: it takes {count}, got "{minutes} min"',
      ],
    );
  });

  test('a language without a table is said once, with the way to give it words', async () => {
    const polish = await siteInMemory({
      'content/site.yaml': 'language: pl\n',
      'content/2026/01/quay.md': article({ title: 'Nabrzeże otwarte', date: '2026-01-06' }),
    });
    assert.deepEqual(
      polish.problems.map((problem) => `${problem.code} ${problem.field}`),
      ['untranslated-language language'],
    );
    assert.match(polish.problems[0]!.message, /"pl".*English/);
    assert.match(polish.file('/'), /<html lang="pl" dir="ltr">/);
  });
});
