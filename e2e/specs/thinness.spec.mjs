import { assertAccessible } from '../axe.mjs';
import { signInAsGuest } from '../signIn.mjs';

export const title =
  'the Thinness page shows the score, dispose and outsource verdicts with reasons, and the history chart';

export default async function thinnessSpec({ page, baseUrl, screenshot }) {
  await signInAsGuest(page, baseUrl);
  await page.goto(`${baseUrl}/thinness`);

  await page
    .getByLabel(/^Platform thinness score: \d+ out of 100/)
    .waitFor({ timeout: 60_000 });
  const table = page.getByRole('table', {
    name: 'Capabilities and their verdicts',
  });
  await table.waitFor();

  // A capability nobody uses (report-builder) and a home-grown commodity (e.g. the secrets vault).
  for (const verdict of ['Dispose', 'Outsource']) {
    const row = table
      .getByRole('row')
      .filter({ has: page.getByText(verdict, { exact: true }) })
      .first();
    await row.waitFor();
    const reasons = row.locator('ul[aria-label^="Reasons for"] li');
    if ((await reasons.count()) === 0)
      throw new Error(`the ${verdict} verdict has no reasons`);
  }

  await page.getByLabel(/^Thinness score over the last \d+ days/).waitFor();
  // Let the chart finish its entry animation before the picture.
  await page.waitForTimeout(2000);
  await screenshot('thinness-page');
  await assertAccessible(page, 'thinness-page');
}
