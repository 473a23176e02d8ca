import { Page } from 'playwright-core';

/** Runs `fn`; if it throws, saves what the browser showed before rethrowing. */
export async function withFailureScreenshot<T>(
  page: Page,
  path: string,
  fn: () => Promise<T>,
): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    await page.screenshot({ path, fullPage: true }).catch(() => {});
    throw error;
  }
}
