import { Page } from 'playwright-core';
import { guestToken } from '../../src/harness';
import { catalogHasEntity, eventually } from './catalog';

/**
 * Signs in with the app's guest provider. Signed in once the sidebar is
 * there: navigating sooner can land on the sign-in page again.
 */
export async function signInAsGuest(page: Page, baseUrl: string) {
  await page.goto(baseUrl);
  await page.getByRole('button', { name: 'Enter' }).click();
  await page.getByRole('link', { name: 'Create' }).first().waitFor();
}

/**
 * Waits until the catalog lists the instance's entity, signs in and opens
 * its Redis tab, as a user following a link from the catalog would.
 */
export async function openRedisTab(page: Page, baseUrl: string, name: string) {
  const token = await guestToken(baseUrl);
  await eventually(
    'the entity is in the catalog',
    () => catalogHasEntity(baseUrl, token, { kind: 'resource', name }),
    30_000,
  );
  await signInAsGuest(page, baseUrl);
  await page.goto(`${baseUrl}/catalog/default/resource/${name}/redis`);
}
