// Accessibility check for the browser tests: axe-core's WCAG 2 A and AA rules, injected into the page (the
// browser context needs `bypassCSP: true`, since the backend's CSP forbids inline scripts). Only serious and
// critical violations inside the page's main content count: that is our plugins' part of the page, not the app's
// own sidebar.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const axeSource = require.resolve('axe-core/axe.min.js');

/** Serious and critical WCAG 2 A/AA violations inside `main`, one line each. */
export async function seriousAxeViolations(page) {
  await page.addScriptTag({ path: axeSource });
  const result = await page.evaluate(() =>
    window.axe.run(document.querySelector('main') ?? document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] },
    }),
  );
  return result.violations
    .filter(v => v.impact === 'serious' || v.impact === 'critical')
    .map(
      v =>
        `${v.id} (${v.impact}): ${v.help}: ${v.nodes
          .slice(0, 3)
          .map(n => n.target.join(' '))
          .join(', ')}`,
    );
}

/**
 * Waits until nothing in `main` is still loading (no progress bar or spinner), so that the check (and a screenshot
 * taken after it) sees the page its reader sees, not a half-loaded one.
 */
export async function settled(page, timeout = 30_000) {
  await page
    .waitForFunction(
      () =>
        !(document.querySelector('main') ?? document).querySelector(
          '[role="progressbar"]',
        ),
      undefined,
      { timeout },
    )
    .catch(() => {
      // Still loading after the timeout: the check runs anyway and reports what it finds.
    });
}

/** Throws when the page has a serious or critical violation of its own, once it has finished loading. */
export async function assertAccessible(page, what) {
  await settled(page);
  const violations = await seriousAxeViolations(page);
  if (violations.length > 0) {
    throw new Error(
      `axe-core (WCAG 2 A/AA) finds serious or critical violations on ${what}:\n${violations.join(
        '\n',
      )}`,
    );
  }
}
