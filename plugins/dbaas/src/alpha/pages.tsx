import { PageBlueprint } from '@backstage/frontend-plugin-api';
import { rootRouteRef, statusPageRouteRef } from '../routes';

/** The fleet page; the app's page layout gives it its header and nav item. */
export const dbaasPage = PageBlueprint.make({
  params: {
    path: '/dbaas',
    routeRef: rootRouteRef,
    loader: () =>
      import('../components/FleetPage').then(m => <m.FleetContent />),
  },
});

/** The fleet status page, beside the fleet page that links to it. */
export const dbaasStatusPage = PageBlueprint.make({
  name: 'status',
  params: {
    path: '/dbaas/status',
    routeRef: statusPageRouteRef,
    title: 'Redis status',
    loader: () =>
      import('../components/StatusPage').then(m => <m.StatusContent />),
  },
});
