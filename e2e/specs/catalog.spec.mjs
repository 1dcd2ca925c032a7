import { signInAsGuest } from '../signIn.mjs';

export const title = 'guest signs in and finds the example catalog';

export default async function catalogSpec({ page, baseUrl, screenshot }) {
  await signInAsGuest(page, baseUrl);
  // The catalog is the landing page; list every System, not only the guest's own.
  await page.goto(`${baseUrl}/?filters[kind]=system&filters[user]=all`);
  // A platform capability from examples/capabilities.yaml.
  await page
    .getByRole('link', { name: /service golden path|service-golden-path/i })
    .first()
    .waitFor();
  await screenshot('catalog-systems');
}
