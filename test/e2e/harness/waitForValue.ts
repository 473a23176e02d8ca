import { Locator } from 'playwright-core';

/**
 * Waits until a form control holds `value`: fields fed by the backend fill
 * in after their options arrive, so the first read may still be empty.
 */
export async function waitForValue(
  control: Locator,
  value: string,
  timeoutMs = 15_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let seen = await control.inputValue();
  while (seen !== value) {
    if (Date.now() > deadline) {
      throw new Error(`${control} held '${seen}', not '${value}'`);
    }
    await new Promise(r => setTimeout(r, 100));
    seen = await control.inputValue();
  }
}
