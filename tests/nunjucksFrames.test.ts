/** Templates render with the faster `Frame.set` (`src/render/nunjucksFrames.ts`) exactly as with Nunjucks' own. */
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import nunjucks from 'nunjucks';
import { fasterFrames } from '../src/render/nunjucksFrames.ts';

const templates: Record<string, string> = {
  'words.njk':
    '{% macro say(parts) %}{% for part in parts %}{% if part.url %}<a href="{{ part.url }}">{{ part.text }}</a>{% else %}{{ part.text }}{% endif %}{% endfor %}{% endmacro %}',
  'counter.njk': '{% set count = count + 1 %}[included {{ count }} {{ item.name }}]',
  'page.njk': [
    '{% import "words.njk" as words %}',
    '{% set title = p.title %}{% set count = 0 %}',
    '<h1>{{ title }}</h1>',
    // A loop's variables, nested loops and their `loop` objects, loops over objects and pairs.
    '{% for item in p.items %}<li class="{{ "first" if loop.first }}{{ "last" if loop.last }}">{{ loop.index }}/{{ loop.length }} {{ loop.revindex }} {{ loop.revindex0 }} {{ loop.index0 }} {{ item.name }}',
    '{% for tag in item.tags %}<i>{{ loop.index }}:{{ tag }}</i>{% else %}<i>none</i>{% endfor %} {{ loop.index }} {{ words.say(item.parts) }}',
    // A `set` in a loop writes the variable of the frame that has it (the template's own, here); an include's does not.
    '{% set title = item.name %}{{ title }}',
    '{% include "counter.njk" %}</li>{% endfor %}',
    '<p>{{ title }} {{ count }}</p>',
    '{% for key, value in p.fields %}{{ key }}={{ value }};{% endfor %}',
    '{% for first, second in p.pairs %}{{ first }}-{{ second }} {% endfor %}',
    // A block `set`, a macro's own frame, `caller`, `if` and `elif`, and names that are an object's own words.
    '{% set block %}{% for n in [1, 2, 3] %}{{ n * loop.index }}{% endfor %}{% endset %}{{ block }}',
    '{% macro box(label, constructor) %}<b>{{ label }} {{ constructor }}</b>{{ caller() if caller }}{% endmacro %}',
    '{% call box("x", "y") %}{% set toString = "called" %}{{ toString }}{% endcall %}{{ box("a", p.title) }}',
    '{% set hasOwnProperty = 3 %}{{ hasOwnProperty }}',
    '{% if p.items | length > 2 %}many{% elif p.items | length %}few{% else %}none{% endif %}',
  ].join('\n'),
};

const data = {
  p: {
    title: 'Harbour <strike> news',
    items: [
      { name: 'one', tags: ['a', 'b'], parts: [{ text: 'by ' }, { text: 'Jane', url: '/authors/jane/' }] },
      { name: 'two', tags: [], parts: [] },
      { name: 'three & more', tags: ['c'], parts: [{ text: '<em>' }] },
    ],
    fields: { when: '2026-01-05', where: 'Oslo' },
    pairs: [
      ['x', 1],
      ['y', 2],
    ],
  },
};

function render(faster: boolean): string {
  fasterFrames(faster);
  const environment = new nunjucks.Environment(
    { getSource: (name: string) => ({ src: templates[name]!, path: name, noCache: true }) } as unknown as nunjucks.ILoader,
    { autoescape: true, throwOnUndefined: true },
  );
  return environment.render('page.njk', data);
}

after(() => fasterFrames(false));

test('nunjucksFrames: templates render the same with the faster Frame.set as with Nunjucks own', () => {
  const own = render(false);
  // The reference itself shows what the constructs do, so that a template that failed alike both ways fails here.
  assert.match(own, /<li class="first">1\/3 3 2 0 one\s*<i>1:a<\/i><i>2:b<\/i> 1 by <a href="\/authors\/jane\/">Jane<\/a>/);
  assert.match(own, /<i>none<\/i>/);
  assert.match(own, /\[included 1 one\]/);
  assert.match(own, /<p>three &amp; more 0<\/p>/);
  assert.match(own, /when=2026-01-05;where=Oslo;/);
  assert.match(own, /x-1 y-2/);
  assert.match(own, /149/);
  assert.match(own, /<b>x y<\/b>called/);
  assert.match(own, /3\nmany/);
  assert.equal(render(true), own);
  // Twice, now that every name's parts are known.
  assert.equal(render(true), own);
});

test('nunjucksFrames: a name of any number of parts is set where Nunjucks own set puts it', () => {
  const { Frame } = (nunjucks as unknown as { runtime: { Frame: new () => { variables: object; set(name: string, value: unknown): void } } }).runtime;
  const variablesAfter = (faster: boolean) => {
    fasterFrames(faster);
    const frame = new Frame();
    for (const [n, name] of ['title', 'loop.index', 'a.b.c', 'a.b.d', 'a..e', 'loop.index'].entries()) frame.set(name, n);
    return JSON.stringify(frame.variables);
  };
  const own = variablesAfter(false);
  assert.equal(own, '{"title":0,"loop":{"index":5},"a":{"b":{"c":2,"d":3},"":{"e":4}}}');
  assert.equal(variablesAfter(true), own);
});
