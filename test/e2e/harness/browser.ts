import { Browser, chromium } from 'playwright-core';

/**
 * Debian's chromium, driven by playwright-core: the project never downloads
 * a browser. The flags keep it from reaching out to Google's services,
 * which this machine cannot reach and which would only slow it down.
 */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}
