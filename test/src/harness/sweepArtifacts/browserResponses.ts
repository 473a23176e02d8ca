import type { Page } from 'playwright-core';
import { recordSecretsInJson } from './secretsInJson';
import { sweepDir } from './sweepDir';

/**
 * Records the passwords the example app's pages receive from the dbaas
 * API (Show credentials, a new user's password), as the API client does
 * for the tests' own calls.
 */
export function recordSecretsFromPage(page: Page): void {
  if (!sweepDir()) return;
  page.on('response', response => {
    const url = response.url();
    if (!url.includes('/api/dbaas/')) return;
    if (!response.headers()['content-type']?.includes('json')) return;
    response.json().then(
      body => recordSecretsInJson(body, `browser ${url}`),
      () => {}, // a page navigated away drops its bodies
    );
  });
}
