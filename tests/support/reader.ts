/**
 * A reader in a real Chromium (Debian's `chromium`, or CHROME_PATH) on a
 * built site served on localhost: every Content Security Policy violation
 * recorded, nothing loaded from elsewhere, axe-core at hand, screenshots at
 * phone and desktop widths kept in test-results/screenshots/.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import sirv from 'sirv';
import { projectRoot } from '../helpers.ts';

const chromePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const screenshots = path.join(projectRoot, 'test-results', 'screenshots');

export interface Reader {
  page: Page;
  /** `http://127.0.0.1:PORT`, the site's root. */
  origin: string;
  /** Every Content-Security-Policy violation on any page so far. */
  violations: string[];
  /** Every request a page made to anywhere but the site (each refused), so far. */
  offSite: string[];
  /** Fails on any WCAG 2.2 AA violation axe finds on the current page. */
  checkAccessibility(name: string): Promise<void>;
  /** The current page at 375 and 1280 px wide, whole, as `NAME-WIDTH.png`. */
  screenshot(name: string): Promise<void>;
  close(): Promise<void>;
}

export async function openReader(siteFolder: string): Promise<Reader> {
  if (!existsSync(chromePath)) {
    throw new Error(
      `Chromium was not found at ${chromePath}. Install it (Debian/Ubuntu: apt-get install chromium) or set CHROME_PATH to a Chromium or Chrome executable.`,
    );
  }
  const serve = sirv(siteFolder, { dev: true });
  const server = createServer((request, response) =>
    serve(request, response, () => {
      response.writeHead(404).end('not found');
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({
    executablePath: chromePath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  const page = await browser.newPage();
  const violations: string[] = [];
  await page.exposeFunction('reportViolation', (violation: string) => violations.push(violation));
  await page.addInitScript(`document.addEventListener('securitypolicyviolation', (event) =>
    reportViolation(event.violatedDirective + ' blocked ' + event.blockedURI + ' on ' + location.pathname));`);
  // Pages must not need the network: anything not on this server is recorded, and refused.
  const offSite: string[] = [];
  await page.route(
    (url) => !url.href.startsWith(origin),
    (route) => {
      offSite.push(`${route.request().url()} (from ${page.url()})`);
      return route.abort();
    },
  );
  mkdirSync(screenshots, { recursive: true });

  return {
    page,
    origin,
    violations,
    offSite,
    async checkAccessibility(name) {
      // Evaluated through the DevTools protocol: the pages' policy rightly refuses injected <script> elements.
      await page.evaluate(axeSource);
      const { found, passes } = await page.evaluate(async () => {
        type AxeResult = { violations: { id: string; nodes: { target: string[] }[] }[]; passes: unknown[] };
        const axe = (globalThis as unknown as { axe: { run: (options: object) => Promise<AxeResult> } }).axe;
        const result = await axe.run({ runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
        return {
          found: result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
          passes: result.passes.length,
        };
      });
      assert.ok(passes > 10, `axe ran its rules on the ${name} page`);
      assert.deepEqual(found, [], `axe on the ${name} page`);
    },
    async screenshot(name) {
      for (const width of [375, 1280]) {
        await page.setViewportSize({ width, height: 900 });
        await page.screenshot({ path: path.join(screenshots, `${name}-${width}.png`), fullPage: true });
      }
      await page.setViewportSize({ width: 1280, height: 900 });
    },
    async close() {
      await browser.close();
      server.close();
    },
  };
}
