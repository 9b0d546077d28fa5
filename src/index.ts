// The public API: what a script may import from news-archive.
export { buildArchive } from './archive/buildArchive.ts';
export { pagesOf, type Archive, type ArticlePage, type ArticleSummary, type ListPage, type Page, type PageKind } from './archive/pages.ts';
export { buildSite, type BuildOptions, type BuildResult } from './buildSite.ts';
export { loadBuildContent } from './buildContent.ts';
export { checkContent, type LoadedContent } from './load/loadContent.ts';
export { readArticle, type Article } from './load/readArticle.ts';
export { problemKinds, type Problem } from './problems.ts';
export { formatProblem } from './report.ts';
export { sanitizeBody, type SanitizedBody } from './sanitize/sanitizeBody.ts';
export { articleSchema, type ArticleFrontMatter } from './schema/article.ts';
export { siteSchema, type SiteSettings } from './schema/site.ts';
