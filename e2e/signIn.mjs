// Sign in to the example app as the guest user (the example's platform owner).
export async function signInAsGuest(page, baseUrl) {
  await page.goto(baseUrl);
  const enter = page.getByRole('button', { name: 'Enter' });
  await enter.waitFor();
  await enter.click();
  // The sign-in card goes away once the app has a signed-in identity.
  await enter.waitFor({ state: 'detached' });
}
