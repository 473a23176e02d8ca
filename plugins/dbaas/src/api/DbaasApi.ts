import { createApiRef } from '@backstage/core-plugin-api';
import type {
  ConnectionDetails,
  Instance,
  InstanceStatus,
  Operation,
  Platform,
} from '@justmanage/plugin-dbaas-common';

/** @public */
export interface DbaasInstanceFilter {
  owner?: string;
  status?: InstanceStatus;
  platform?: string;
  name?: string;
}

/** What a delete returns: the instance and the operation doing the work. @public */
export interface DbaasAcceptedResponse {
  instance: Instance;
  operation: Operation;
}

/**
 * The dbaas backend's REST API as the frontend uses it.
 * @public
 */
export interface DbaasApi {
  listPlatforms(): Promise<Platform[]>;
  listInstances(filter?: DbaasInstanceFilter): Promise<Instance[]>;
  getInstance(id: string): Promise<Instance>;
  listOperations(instanceId: string): Promise<Operation[]>;
  /** Audited on the backend; only for users with the credentials permission. */
  getConnection(instanceId: string): Promise<ConnectionDetails>;
  deleteInstance(id: string): Promise<DbaasAcceptedResponse>;
  getOperation(id: string, options?: { waitMs?: number }): Promise<Operation>;
}

/** @public */
export const dbaasApiRef = createApiRef<DbaasApi>({ id: 'plugin.dbaas.api' });
