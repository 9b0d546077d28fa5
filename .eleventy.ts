/**
 * Eleventy's part: render the Archive's page objects with the templates in
 * `templates/`. Content never passes through here as a template: articles
 * reach Eleventy as global data (`archive`), added by `src/render/renderSite.ts`,
 * so their text is never evaluated as Nunjucks or front matter.
 */
import path from 'node:path';
import type { UserConfig } from '@11ty/eleventy';
import { templatesDir } from './src/paths.ts';
import { linkFrom } from './src/render/relativeUrl.ts';

export default function configure(eleventyConfig: UserConfig) {
  // Autoescape everything; only the sanitized article body is marked `| safe`.
  eleventyConfig.setNunjucksEnvironmentOptions({ autoescape: true, throwOnUndefined: false });

  // Links written relative to the page, so the site works from any folder.
  eleventyConfig.addFilter('relativeUrl', linkFrom);

  // Stylesheet and other static files, copied as they are.
  eleventyConfig.addPassthroughCopy({ [path.join(templatesDir, 'assets')]: 'assets' });

  // Templates that write JSON or plain text are TypeScript functions, not
  // Nunjucks, whose escaping is for HTML and XML (tsx already loads .ts files).
  eleventyConfig.addExtension(['11ty.ts'], { key: '11ty.js' });

  // The templates are ours; the user's .gitignore has no say over them.
  eleventyConfig.setUseGitIgnore(false);

  return {
    templateFormats: ['njk', '11ty.ts'],
    htmlTemplateEngine: 'njk',
    dir: { includes: '_includes' },
  };
}
