import { createRouteRef } from '@backstage/core-plugin-api';

/** Where the fleet page is mounted. */
export const rootRouteRef = createRouteRef({ id: 'dbaas' });
