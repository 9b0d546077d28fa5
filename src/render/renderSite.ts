/**
 * Hands the Archive to Eleventy, which renders one file per page object into
 * the output folder. Every page URL is checked before Eleventy sees it, so
 * that no page can be written outside the output folder.
 */
import { Eleventy } from '@11ty/eleventy';
import type { Archive } from '../archive/pages.ts';
import { eleventyConfigPath, templatesDir } from '../paths.ts';

/** Root-relative folder URLs made of safe segments only: `/`, `/2026/01/06/a-slug/`. */
const safePageUrl = /^\/(?:[a-z0-9][a-z0-9._~-]*\/)*$/;

const allPages = (archive: Archive) => [...archive.articlePages, ...archive.listPages, ...archive.termIndexPages, ...archive.calendarPages];

export function assertSafeUrls(archive: Archive): void {
  for (const page of allPages(archive)) {
    if (!safePageUrl.test(page.url) || page.url.split('/').some((segment) => segment === '..' || segment === '.')) {
      throw new Error(`refusing to write a page at an unsafe URL: ${JSON.stringify(page.url)}`);
    }
  }
}

export async function renderSite(archive: Archive, outputDir: string): Promise<number> {
  assertSafeUrls(archive);
  const eleventy = new Eleventy(templatesDir, outputDir, {
    configPath: eleventyConfigPath,
    quietMode: true,
    config(eleventyConfig) {
      eleventyConfig.addGlobalData('archive', archive);
    },
  });
  eleventy.disableLogger();
  await eleventy.write();
  return allPages(archive).length;
}
