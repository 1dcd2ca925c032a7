import { assertAccessible } from '../axe.mjs';
import { signInAsGuest } from '../signIn.mjs';

export const title =
  'guest answers the open survey, then reads the closed wave with its priority case';

export default async function needsSpec({ page, baseUrl, screenshot }) {
  await signInAsGuest(page, baseUrl);
  await page.goto(`${baseUrl}/needs`);

  // The demo's open wave (examples/surveys, seeded by the backend), which the guest has not answered.
  const openSurvey = page.locator('text=Developer needs — autumn 2026').first();
  await openSurvey.waitFor();
  await page
    .locator('a[href*="/needs/surveys/"]')
    .filter({ hasText: /^Answer$/ })
    .first()
    .click();

  // The need-rating grid: rate two needs, pain and frequency.
  await page.getByRole('table', { name: 'Rate each need' }).waitFor();
  for (const [need, pain, frequency] of [
    ['Deploy without fear', '5', 'daily'],
    ['Start a new service quickly', '3', 'monthly'],
  ]) {
    await page.getByLabel(`Pain for ${need}: ${pain}`).check();
    await page.getByLabel(`How often for ${need}`).selectOption(frequency);
  }
  await screenshot('needs-answer-form');
  await assertAccessible(page, 'needs-answer-form');
  await page.getByRole('button', { name: 'Submit' }).click();
  await page
    .getByText(/saved|thank/i)
    .first()
    .waitFor();

  // The closed wave's results, from the Manage tab.
  await page.goto(`${baseUrl}/needs/manage`);
  const closedRow = page
    .getByRole('row')
    .filter({ hasText: 'Developer needs — spring 2026' });
  await closedRow
    .locator('a')
    .filter({ hasText: /^Results$/ })
    .click();
  await page.getByText('Priority case').first().waitFor();
  await page
    .getByText(/priority score/i)
    .first()
    .waitFor();
  // Let the charts finish their entry animation before the picture.
  await page.waitForTimeout(2000);
  await page.getByText('Needs by priority').scrollIntoViewIfNeeded();
  await screenshot('needs-results');
  await assertAccessible(page, 'needs-results');
}
