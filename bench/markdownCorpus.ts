/**
 * Long Markdown posts as blogs of release notes and essays write them:
 * headings, paragraphs with emphasis, links and inline code, nested lists,
 * task lists, fenced code, GFM tables, block quotes and footnotes. Made from a
 * seeded generator, so every run times the same text.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { random } from '../tests/support/generateCorpus.ts';

const words =
  'release fix support memory parser thread build cache index query server client request response version module package option default change update security patch feature performance error warning stable branch'.split(
    ' ',
  );

function sentence(next: () => number, length = 12): string {
  const picked = Array.from({ length }, () => words[Math.floor(next() * words.length)]!);
  const decorated = picked.map((word, i) => {
    const roll = next();
    if (roll < 0.04) return `**${word}**`;
    if (roll < 0.08) return `*${word}*`;
    if (roll < 0.12) return `\`${word}()\``;
    if (roll < 0.15) return `[${word}](https://example.org/docs/${word}/${i})`;
    return word;
  });
  const text = decorated.join(' ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

const paragraph = (next: () => number) => Array.from({ length: 3 + Math.floor(next() * 4) }, () => sentence(next)).join(' ');

function section(next: () => number, n: number, footnotes: string[]): string {
  const parts = [`## ${sentence(next, 4).slice(0, -1)} ${n}`, paragraph(next)];
  const kind = n % 5;
  if (kind === 0) {
    parts.push(Array.from({ length: 5 }, (_, i) => `- ${sentence(next, 8)}${i % 2 ? `\n  - ${sentence(next, 6)}\n  - ${sentence(next, 5)}` : ''}`).join('\n'));
  } else if (kind === 1) {
    parts.push(['```ruby', ...Array.from({ length: 12 }, (_, i) => `def step_${i}(value)\n  value.map { |x| x * ${i} } # ${words[i]}\nend`), '```'].join('\n'));
  } else if (kind === 2) {
    const rows = Array.from({ length: 8 }, (_, i) => `| ${words[i]} | ${i}.${n} | ${sentence(next, 4)} |`);
    parts.push(['| Name | Version | Notes |', '|:-----|------:|:-----:|', ...rows].join('\n'));
  } else if (kind === 3) {
    parts.push(Array.from({ length: 4 }, (_, i) => `- [${i % 2 ? 'x' : ' '}] ${sentence(next, 6)}`).join('\n'));
    parts.push(`> ${paragraph(next)}`);
  } else {
    footnotes.push(`[^${n}]: ${sentence(next, 10)}`);
    parts.push(`${sentence(next)} See the note.[^${n}] ${paragraph(next)}`);
  }
  parts.push(paragraph(next));
  return parts.join('\n\n');
}

/** One post of about `size` characters of Markdown. */
export function markdownPost(seed: number, size = 20_000): string {
  const next = random(seed);
  const sections: string[] = [];
  const footnotes: string[] = [];
  let length = 0;
  for (let n = 0; length < size; n += 1) {
    const text = section(next, n, footnotes);
    sections.push(text);
    length += text.length + 2;
  }
  return `${[...sections, ...footnotes].join('\n\n')}\n`;
}

/** A content folder of `count` dated Markdown posts, named as Jekyll names them. */
export function writeMarkdownBlog(dir: string, count: number, size = 20_000): void {
  mkdirSync(path.join(dir, '_posts'), { recursive: true });
  writeFileSync(path.join(dir, 'site.yaml'), 'title: Release notes\nlanguage: en\ntimezone: UTC\n');
  for (let i = 0; i < count; i += 1) {
    const day = new Date(Date.UTC(2015, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
    const title = `Version 1.${Math.floor(i / 10)}.${i % 10} released`;
    writeFileSync(path.join(dir, '_posts', `${day}-version-${i}.md`), `---\ntitle: "${title}"\n---\n${markdownPost(i + 1, size)}`);
  }
}
