import { createRouteRef } from '@backstage/core-plugin-api';

/** Where the fleet page is mounted. */
export const rootRouteRef = createRouteRef({ id: 'dbaas' });

/**
 * The fleet status page's mount point: an app of the legacy frontend system
 * mounts DbaasStatusPage at /dbaas/status.
 */
export const statusPageRouteRef = createRouteRef({ id: 'dbaas-status' });
