/**
 * The tool's Eleventy configuration lives in `src/render/eleventyConfig.ts`, beside the code that runs Eleventy,
 * so that it is compiled with the rest of the tool; the build hands Eleventy that file by its path (`paths.ts`).
 */
export { default } from './src/render/eleventyConfig.ts';
