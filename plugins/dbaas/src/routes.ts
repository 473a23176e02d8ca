import { createRouteRef, createSubRouteRef } from '@backstage/core-plugin-api';

/** Where the fleet page is mounted. */
export const rootRouteRef = createRouteRef({ id: 'dbaas' });

/**
 * The fleet status page's mount point: an app of the legacy frontend system
 * mounts DbaasStatusPage at /dbaas/status.
 */
export const statusPageRouteRef = createRouteRef({ id: 'dbaas-status' });

/** Links to the status page, resolvable wherever the fleet page is mounted. */
export const statusLinkRouteRef = createSubRouteRef({
  id: 'dbaas-status-link',
  parent: rootRouteRef,
  path: '/status',
});
