export { launchBrowser } from './browser';
export { APP_DIST, requireAppBundle } from './appBundle';
export { startExampleApp, TEAM_A_GUEST, TEAM_B_GUEST } from './e2eBackend';
export type { GuestIdentity } from './e2eBackend';
export { catalogHasEntity, dbaasStatus, eventually } from './catalog';
export { deleteAllInstances } from './cleanup';
export { withFailureScreenshot } from './failureScreenshot';
export { waitForValue } from './waitForValue';
