import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { createScaffolderFieldExtension } from '@backstage/plugin-scaffolder-react';
import { DbaasApiClient } from '@justmanage/plugin-dbaas-common';
import { dbaasApiRef } from './api';
import {
  DbaasPlatformRegionPicker,
  DbaasPlatformRegionPickerFieldSchema,
  dbaasPlatformRegionValidation,
  DbaasVersionPicker,
  DbaasVersionPickerFieldSchema,
  dbaasVersionValidation,
} from './components/fields';
import { rootRouteRef, statusPageRouteRef } from './routes';

/**
 * The dbaas plugin for apps of the legacy frontend system.
 * @public
 */
export const dbaasPlugin = createPlugin({
  id: 'dbaas',
  apis: [
    createApiFactory({
      api: dbaasApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new DbaasApiClient({ discoveryApi, fetchApi }),
    }),
  ],
  routes: {
    root: rootRouteRef,
    status: statusPageRouteRef,
  },
});

/**
 * The fleet page: every instance the user may see.
 * @public
 */
export const DbaasPage = dbaasPlugin.provide(
  createRoutableExtension({
    name: 'DbaasPage',
    component: () => import('./components/FleetPage').then(m => m.FleetPage),
    mountPoint: rootRouteRef,
  }),
);

/**
 * The fleet status page: every instance up or down, uptime over 24 h and
 * 7 d, open incidents and firing alerts. Mount it at /dbaas/status, where
 * the fleet page links to.
 * @public
 */
export const DbaasStatusPage = dbaasPlugin.provide(
  createRoutableExtension({
    name: 'DbaasStatusPage',
    component: () => import('./components/StatusPage').then(m => m.StatusPage),
    mountPoint: statusPageRouteRef,
  }),
);

/**
 * The Redis tab of an instance's entity page; mount it behind
 * {@link isDbaasAvailable}.
 * @public
 */
export const EntityDbaasContent = dbaasPlugin.provide(
  createComponentExtension({
    name: 'EntityDbaasContent',
    component: {
      lazy: () =>
        import('./components/EntityDbaasContent').then(
          m => m.EntityDbaasContent,
        ),
    },
  }),
);

/*
 * The fields are provided by this plugin rather than the scaffolder's so
 * that using them registers the dbaas API they read the platforms from.
 */

/**
 * Scaffolder field `DbaasPlatformRegionPicker`: `{ platform, region }`.
 * @public
 */
export const DbaasPlatformRegionPickerFieldExtension = dbaasPlugin.provide(
  createScaffolderFieldExtension({
    name: 'DbaasPlatformRegionPicker',
    component: DbaasPlatformRegionPicker,
    validation: dbaasPlatformRegionValidation,
    schema: DbaasPlatformRegionPickerFieldSchema.schema,
  }),
);

/**
 * Scaffolder field `DbaasVersionPicker`: `{ engine, version }` offered by the
 * platform chosen in the form.
 * @public
 */
export const DbaasVersionPickerFieldExtension = dbaasPlugin.provide(
  createScaffolderFieldExtension({
    name: 'DbaasVersionPicker',
    component: DbaasVersionPicker,
    validation: dbaasVersionValidation,
    schema: DbaasVersionPickerFieldSchema.schema,
  }),
);

export { isDbaasAvailable } from './components/EntityDbaasContent/isDbaasAvailable';
export { dbaasApiRef } from './api';
