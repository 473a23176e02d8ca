import { PageBlueprint } from '@backstage/frontend-plugin-api';
import { rootRouteRef } from '../routes';

/** The fleet page; the app's page layout gives it its header and nav item. */
export const dbaasPage = PageBlueprint.make({
  params: {
    path: '/dbaas',
    routeRef: rootRouteRef,
    loader: () =>
      import('../components/FleetPage').then(m => <m.FleetContent />),
  },
});
