import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { Browser, Page } from 'playwright-core';
import {
  BackendProcess,
  REPO_ROOT,
  makeTempDir,
  recordSecretsFromPage,
  redisProcesses,
  removeDir,
} from '../../src/harness';
import { requireAppBundle } from './appBundle';
import { launchBrowser } from './browser';
import { deleteAllInstances } from './cleanup';
import { startExampleApp, TEAM_A_GUEST } from './e2eBackend';

/** Where browser tests put their screenshots, failures' included. */
export const SCREENSHOTS = join(REPO_ROOT, 'var/e2e-screenshots');

export interface ExampleAppSession {
  workDir: string;
  app: BackendProcess;
  browser: Browser;
  page: Page;
}

/**
 * The hooks of a browser test in which team-a's guest works in the example
 * app: before, the app on its own data folder and ports and a browser page;
 * after, every instance deleted through the API, the app stopped, and no
 * redis-server left behind. `onReady` receives the session once it is up.
 */
export function useExampleAppSession(options: {
  /** Names the temporary folder. */
  name: string;
  port: number;
  portRange: { start: number; end: number };
  viewport: { width: number; height: number };
  /** Merged over the app's dbaas config. */
  dbaas?: Record<string, unknown>;
  /**
   * Runs first in the session's own before hook, so that what `dbaas`
   * names (a test platform and its token) exists when the app reads it.
   */
  prepare?(): Promise<void>;
  onReady(session: ExampleAppSession): void;
  /** The test's own clean-up, before the instances are deleted. */
  beforeCleanup?(): void;
}): void {
  let workDir: string | undefined;
  let app: BackendProcess | undefined;
  let browser: Browser | undefined;

  before(async () => {
    await options.prepare?.();
    requireAppBundle();
    await mkdir(SCREENSHOTS, { recursive: true });
    workDir = await makeTempDir(`jm-e2e-${options.name}-`);
    app = await startExampleApp({
      workDir,
      port: options.port,
      portRange: options.portRange,
      guest: TEAM_A_GUEST,
      dbaas: options.dbaas,
    });
    browser = await launchBrowser();
    const page = await browser.newPage({ viewport: options.viewport });
    recordSecretsFromPage(page);
    options.onReady({ workDir, app, browser, page });
  });

  after(async () => {
    options.beforeCleanup?.();
    await browser?.close();
    if (app) {
      await deleteAllInstances(app);
      await app.stop();
    }
    if (workDir) {
      const left = await redisProcesses(workDir);
      assert.equal(left.size, 0, 'no redis-server outlives the test');
      await removeDir(workDir);
    }
  });
}
