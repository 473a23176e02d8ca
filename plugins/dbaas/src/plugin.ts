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
  DbaasInstanceName,
  DbaasInstanceNameFieldSchema,
  dbaasInstanceNameValidation,
  DbaasOwnerPicker,
  DbaasOwnerPickerFieldSchema,
  dbaasOwnerValidation,
  DbaasResourcesPicker,
  DbaasResourcesPickerFieldSchema,
  dbaasResourcesValidation,
  DbaasUpgradePolicyPicker,
  DbaasUpgradePolicyPickerFieldSchema,
  dbaasUpgradePolicyValidation,
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

/**
 * Scaffolder field `DbaasInstanceName`: the name, checked against the rule
 * and the names taken.
 * @public
 */
export const DbaasInstanceNameFieldExtension = dbaasPlugin.provide(
  createScaffolderFieldExtension({
    name: 'DbaasInstanceName',
    component: DbaasInstanceName,
    validation: dbaasInstanceNameValidation,
    schema: DbaasInstanceNameFieldSchema.schema,
  }),
);

/**
 * Scaffolder field `DbaasOwnerPicker`: the user or one of their groups.
 * @public
 */
export const DbaasOwnerPickerFieldExtension = dbaasPlugin.provide(
  createScaffolderFieldExtension({
    name: 'DbaasOwnerPicker',
    component: DbaasOwnerPicker,
    validation: dbaasOwnerValidation,
    schema: DbaasOwnerPickerFieldSchema.schema,
  }),
);

/**
 * Scaffolder field `DbaasResourcesPicker`: memory, CPU and disk within the
 * chosen platform's limits.
 * @public
 */
export const DbaasResourcesPickerFieldExtension = dbaasPlugin.provide(
  createScaffolderFieldExtension({
    name: 'DbaasResourcesPicker',
    component: DbaasResourcesPicker,
    validation: dbaasResourcesValidation,
    schema: DbaasResourcesPickerFieldSchema.schema,
  }),
);

/**
 * Scaffolder field `DbaasUpgradePolicyPicker`: manual, or automatic patches
 * in a maintenance window read as it is typed.
 * @public
 */
export const DbaasUpgradePolicyPickerFieldExtension = dbaasPlugin.provide(
  createScaffolderFieldExtension({
    name: 'DbaasUpgradePolicyPicker',
    component: DbaasUpgradePolicyPicker,
    validation: dbaasUpgradePolicyValidation,
    schema: DbaasUpgradePolicyPickerFieldSchema.schema,
  }),
);

export { isDbaasAvailable } from './components/EntityDbaasContent/isDbaasAvailable';
export { dbaasApiRef } from './api';
