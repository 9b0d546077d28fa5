/**
 * A new version of an archived article, brought by its feed: the article
 * file takes the feed's headline, dek and text and an `updated` time, and
 * the version it had is added to the revisions file beside it
 * (`schema/revisions.ts`), so that nothing the archive showed is lost. The
 * rest of the file (its other keys, comments and order) is kept as written
 * (the `yaml` library's document API), and its URL never changes: a slug is
 * written when the new headline would otherwise give another one.
 */
import { existsSync, readFileSync } from 'node:fs';
import { Document, isSeq, parseDocument, Scalar, YAMLMap, type Node } from 'yaml';
import { revisionsFileOf } from '../load/loadContent.ts';
import { readArticle, type Article } from '../load/readArticle.ts';
import { readRevisions } from '../load/readRevisions.ts';
import type { SiteSettings } from '../schema/site.ts';
import { writeWhole } from '../writeWhole.ts';

/** What the feed says of the article now. */
export interface NewVersion {
  title: string;
  description?: string | undefined;
  /** HTML or Markdown. */
  body: string;
}

export interface RevisionPlan {
  /** Absolute paths. */
  articlePath: string;
  revisionsPath: string;
  /** As people see them. */
  shownPath: string;
  articleText: string;
  revisionsText: string;
  /** The article as it will read. */
  article: Article;
}

/** YAML front matter between `---` lines, and the body after it. */
const yamlFrontMatter = /^(\uFEFF?---[ \t]*\r?\n)([\s\S]*?\r?\n)?(---[ \t]*)(?:\r?\n|$)/;

const quoted = (value: string): Scalar => Object.assign(new Scalar(value), { type: Scalar.QUOTE_DOUBLE });

/** A body as a literal block (`|`), as a person reads it, unless YAML cannot keep it so (control characters): then quoted. */
function bodyNode(document: Document, body: string): Node {
  const literal = Object.assign(document.createNode(body) as Scalar, { type: Scalar.BLOCK_LITERAL });
  const trial = new Document({ body: literal }).toString();
  return (parseDocument(trial).toJS() as { body?: unknown }).body === body ? literal : quoted(body);
}

/**
 * The files as they will be once `existing` (read from `articlePath`) takes `next`, replaced at `when`
 * (ISO); or why it cannot be done. Nothing is written.
 */
export function planRevision(
  existing: Article,
  articlePath: string,
  next: NewVersion,
  when: string,
  site: SiteSettings,
): { plan: RevisionPlan } | { error: string } {
  const text = readFileSync(articlePath, 'utf8');
  const fence = yamlFrontMatter.exec(text);
  if (!fence) return { error: 'its front matter is not YAML between --- lines, which is the only kind that is rewritten: its new version is not kept' };
  const frontMatter = parseDocument(fence[2] ?? '', { schema: 'core' });
  if (frontMatter.errors.length > 0 || (frontMatter.contents !== null && typeof frontMatter.toJS() !== 'object')) {
    return { error: 'its front matter does not read as plain YAML: its new version is not kept' };
  }
  frontMatter.set('title', quoted(next.title));
  if (next.description === undefined) frontMatter.delete('description');
  else frontMatter.set('description', quoted(next.description));
  frontMatter.set('updated', quoted(when));
  // The body's kind is read from the new body, as for a new import.
  frontMatter.delete('format');
  const body = next.body.trim() === '' ? '' : `${next.body.trim()}\n`;
  const articleText = (slug?: string) => {
    if (slug !== undefined) frontMatter.set('slug', quoted(slug));
    return `${fence[1]}${frontMatter.toString({ lineWidth: 0 })}${fence[3]}\n${body}`;
  };
  let revisedText = articleText();
  let reread = readArticle(existing.file, revisedText, site, existing.contentPath);
  if (reread.article && reread.article.url !== existing.url) {
    // The new headline would give another slug: the old one is written down, so that the URL stays.
    const baseSlug = existing.translationOf ? existing.slug.slice(0, existing.slug.lastIndexOf('-')) : existing.slug;
    revisedText = articleText(baseSlug);
    reread = readArticle(existing.file, revisedText, site, existing.contentPath);
  }
  if (!reread.article || reread.article.url !== existing.url) {
    return { error: `its new version would not read as the same article (${reread.problems[0]?.message ?? 'another URL'}): it is not kept` };
  }

  const revisionsPath = revisionsFileOf(articlePath);
  const earlier = existsSync(revisionsPath) ? parseDocument(readFileSync(revisionsPath, 'utf8'), { schema: 'core' }) : undefined;
  if (earlier && earlier.errors.length > 0)
    return { error: `${revisionsFileOf(existing.file)} does not read as YAML: fix it first, so that no version is lost` };
  const document = earlier ?? new Document({ versions: [] });
  if (!earlier)
    document.commentBefore = ' Earlier versions of the article beside this file, oldest first: kept by `news-archive fetch` when its feed changed it.';
  const versions = document.get('versions');
  if (!isSeq(versions)) return { error: `${revisionsFileOf(existing.file)} has no list of versions: fix it first, so that no version is lost` };
  const last = (versions.toJSON() as { title?: unknown; description?: unknown; body?: unknown }[]).at(-1);
  // A run stopped after writing the version but before the article: that version is there already.
  const keptAlready = last?.title === existing.title && last.description === existing.description && last.body === existing.body;
  if (!keptAlready) {
    const version = new YAMLMap<string, Node>();
    version.set('replaced', quoted(when));
    version.set('title', quoted(existing.title));
    if (existing.description !== undefined) version.set('description', quoted(existing.description));
    version.set('body', bodyNode(document, existing.body));
    versions.add(version);
  }
  const revisionsText = document.toString({ lineWidth: 0 });
  // What is written must read back: a revisions file the build would refuse loses nothing, but shows nothing either.
  const check = readRevisions(revisionsFileOf(existing.file), Buffer.from(revisionsText), site);
  if (!check.revisions) return { error: `its earlier versions would not read back (${check.problems[0]?.message}): nothing is changed` };
  return { plan: { articlePath, revisionsPath, shownPath: existing.file, articleText: revisedText, revisionsText, article: reread.article } };
}

/** The earlier version first, then the article: a run stopped between the two has lost nothing. */
export function writeRevision(plan: RevisionPlan): void {
  writeWhole(plan.revisionsPath, plan.revisionsText);
  writeWhole(plan.articlePath, plan.articleText);
}
