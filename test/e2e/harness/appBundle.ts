import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../../src/harness';

/** Where `backstage-cli package build` puts the example app's frontend. */
export const APP_DIST = join(REPO_ROOT, 'examples/app/packages/app/dist');

/**
 * The browser tests use the production bundle, served by the backend's app
 * plugin, as an operator would run it. scripts/test-all.sh builds it first.
 */
export function requireAppBundle(): void {
  if (!existsSync(join(APP_DIST, 'index.html'))) {
    throw new Error(
      `No frontend bundle at ${APP_DIST}: run \`npm run build -w app\` (scripts/test-all.sh does).`,
    );
  }
}
