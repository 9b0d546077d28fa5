// The plain-Eleventy anchor of `bench/build.ts`: the generated corpus read as
// Eleventy templates as it is (no validation, no sanitizing), a layout per
// article, the home list paginated 20 per page, and a page per tag.
/** @param {import("@11ty/eleventy").UserConfig} eleventyConfig */
export default function (eleventyConfig) {
  eleventyConfig.addGlobalData('layout', 'article.njk');
  return {
    markdownTemplateEngine: false,
    htmlTemplateEngine: 'njk',
    templateFormats: ['md', 'njk'],
  };
}
