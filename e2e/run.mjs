// Browser tests: Playwright (playwright-core) driving the machine's Chromium against the running example app.
// Each file in e2e/specs exports `title` and a default `async ({ page, baseUrl, screenshot })` that throws on
// failure. Screenshots go to e2e-test-report/. Plugin families add their pages as new spec files.
//
// Run against a running instance:  node e2e/run.mjs [baseUrl]   (default http://localhost:3000)
import { readdir } from 'node:fs/promises';
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { createChecks } from '../scripts/checks.mjs';
import { settled } from './axe.mjs';

const root = resolve(import.meta.dirname, '..');
const reportDir = resolve(root, 'e2e-test-report');
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function runBrowserTests({ baseUrl, checks, only }) {
  await mkdir(reportDir, { recursive: true });
  const specDir = resolve(import.meta.dirname, 'specs');
  const files = (await readdir(specDir))
    .filter(f => f.endsWith('.spec.mjs'))
    .sort();
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    // No sandbox as root; no background networking, which this closed network refuses anyway.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
    ],
  });
  try {
    for (const file of files) {
      if (only && !file.includes(only)) continue;
      const spec = await import(pathToFileURL(resolve(specDir, file)).href);
      const context = await browser.newContext({
        viewport: { width: 1440, height: 900 },
        // axe-core (e2e/axe.mjs) is injected as an inline script, which the backend's CSP forbids
        bypassCSP: true,
      });
      const page = await context.newPage();
      page.setDefaultTimeout(30_000);
      // A screenshot shows the page once it has finished loading (see settled).
      const screenshot = async name => {
        await settled(page);
        await page.screenshot({
          path: resolve(reportDir, `${name}.png`),
          fullPage: true,
        });
      };
      await checks.check(`browser: ${spec.title}`, async () => {
        try {
          await spec.default({ page, baseUrl, screenshot });
        } catch (error) {
          await screenshot(`${file.replace('.spec.mjs', '')}-failure`).catch(
            () => {},
          );
          throw error;
        }
      });
      await context.close();
    }
  } finally {
    await browser.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const checks = createChecks('browser');
  await runBrowserTests({
    baseUrl: process.argv[2] ?? 'http://localhost:3000',
    checks,
    only: process.argv[3],
  });
  await checks.write(resolve(root, '.data/browser-results.json'));
  process.exit(checks.failed > 0 ? 1 : 0);
}
