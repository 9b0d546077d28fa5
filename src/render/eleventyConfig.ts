/**
 * Eleventy's part: render the Archive's page objects with the templates in
 * `templates/`. Content never passes through here as a template: articles
 * reach Eleventy as global data (`archive`), added by `src/render/renderSite.ts`,
 * so their text is never evaluated as Nunjucks or front matter.
 */
import path from 'node:path';
import nunjucks from 'nunjucks';
import type { UserConfig } from '@11ty/eleventy';
import { linkFrom } from './relativeUrl.ts';
import { fasterFrames } from './nunjucksFrames.ts';
import { opmlOf } from './opml.ts';
import { Translator, type ParamValue, type SiteWords, type WordKey } from '../strings/words.ts';

/** What a filter sees of the data of the page being rendered (Nunjucks calls filters with its context as `this`). */
interface FilterContext {
  ctx: { archive?: { site?: { words?: SiteWords } } };
}

/** `{{ "pageOf" | t({ page: 2, count: 9 }) }}`: a word of the site in its language; an unknown key fails the render with the template's line. */
function translate(this: FilterContext, key: WordKey, params?: Record<string, ParamValue>): string {
  const words = this.ctx.archive?.site?.words;
  if (!words) throw new Error('the t filter renders pages of the archive only');
  // A Translator per call costs little: its language's Intl formats are made once (`words.ts`).
  return new Translator(words).text(key, params);
}

function nunjucksCompiledOnce(templates: string) {
  // Loops set their variables without splitting each name again (`nunjucksFrames.ts`).
  fasterFrames();
  // Autoescape everything; only the sanitized article body is marked `| safe`. Printing a value that does
  // not exist (a misspelt field in a site's own template) fails the build with the template's name and line.
  const environment = new nunjucks.Environment(new nunjucks.FileSystemLoader(path.join(templates, '_includes')), {
    autoescape: true,
    throwOnUndefined: true,
  });
  // Links written relative to the page, so the site works from any folder.
  environment.addFilter('relativeUrl', linkFrom);
  environment.addFilter('t', translate);
  const compiled = new Map<string, nunjucks.Template>();
  return {
    compile(text: string, inputPath: string) {
      const key = `${inputPath}\0${text}`;
      let template = compiled.get(key);
      if (!template) {
        template = new nunjucks.Template(text, environment, inputPath, true);
        compiled.set(key, template);
      }
      const ready = template;
      return (data: object) => ready.render(data);
    },
  };
}

export default function configure(eleventyConfig: UserConfig) {
  // The tool's templates, or those merged with a site's own (`src/render/siteTemplates.ts`).
  const templates = path.resolve(eleventyConfig.directories.input);
  // Installed with npm, the templates live under the site's node_modules/, which Eleventy ignores by
  // default: the templates folder holds only templates.
  eleventyConfig.ignores.delete('**/node_modules/**');
  // Nunjucks, with each template compiled once. Eleventy 3.1 compiles a
  // template's text again for every page it paginates into, which at 10,000
  // articles was a quarter of the rendering time.
  eleventyConfig.addExtension('njk', nunjucksCompiledOnce(templates));

  // Every template paginates over page objects one at a time (alias `p`) and
  // writes each at its URL. A function, not a `{{ p.url }}` string in each
  // template's front matter, which Nunjucks would compile again for every page.
  eleventyConfig.addGlobalData('permalink', () => (data: { p: { url: string } }) => data.p.url);

  // Documents written by a library as they are rendered (see `opml.ts`).
  eleventyConfig.addJavaScriptFunction('opml', opmlOf);

  // Stylesheet and other static files, copied as they are.
  eleventyConfig.addPassthroughCopy({ [path.join(templates, 'assets')]: 'assets' });

  // Templates that write JSON or plain text are TypeScript functions, not
  // Nunjucks, whose escaping is for HTML and XML (tsx loads them: `typescriptTemplates.ts`).
  eleventyConfig.addExtension(['11ty.ts'], { key: '11ty.js' });

  // The templates are ours; the user's .gitignore has no say over them.
  eleventyConfig.setUseGitIgnore(false);

  return {
    templateFormats: ['njk', '11ty.ts'],
    htmlTemplateEngine: 'njk',
    dir: { includes: '_includes' },
  };
}
