import { assertAccessible } from '../axe.mjs';
import { signInAsGuest } from '../signIn.mjs';

export const title =
  'the Habits page shows the golden-path trend and the retention heatmap';

export default async function habitsSpec({ page, baseUrl, screenshot }) {
  await signInAsGuest(page, baseUrl);
  await page.goto(`${baseUrl}/habits`);

  await page
    .getByText('Golden-path share')
    .first()
    .waitFor({ timeout: 60_000 });
  // The trend is drawn (recharts renders an SVG line) from the demo's ~26 weeks.
  const trend = page.locator('.recharts-line-curve').first();
  await trend.waitFor({ timeout: 60_000 });

  const heatmap = page.getByRole('table', {
    name: 'Cohort retention: share of each cohort still active in the following weeks',
  });
  await heatmap.waitFor();
  if ((await heatmap.getByRole('row').count()) < 3)
    throw new Error('the retention heatmap has no cohorts');

  await page.waitForTimeout(2000);
  await screenshot('habits-page');
  await assertAccessible(page, 'habits-page');
}
