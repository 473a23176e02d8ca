import { createPermissionResourceRef } from '@backstage/plugin-permission-node';
import { DBAAS_INSTANCE_RESOURCE_TYPE } from '@justmanage/plugin-dbaas-common';

/**
 * What permission rules look at. Operations of a deleted instance carry the
 * same facts, so their history stays authorizable.
 * @public
 */
export interface DbaasInstanceResource {
  id: string;
  name: string;
  owner: string;
}

/** A query over instances: the columns rules may filter on. @public */
export type DbaasInstanceQuery = { property: 'owner'; values: string[] };

/** @public */
export const dbaasInstanceResourceRef = createPermissionResourceRef<
  DbaasInstanceResource,
  DbaasInstanceQuery
>().with({ pluginId: 'dbaas', resourceType: DBAAS_INSTANCE_RESOURCE_TYPE });
