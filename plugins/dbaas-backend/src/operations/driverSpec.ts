import { DriverInstanceSpec } from '@justmanage/plugin-dbaas-node';
import { Instance } from '@justmanage/plugin-dbaas-common';
import { OperationDeps } from './types';
import { adminSecretOf, toAclUsers } from './aclUsers';

/** The desired state as a driver sees it: password hashes, the admin's behind a reveal. */
export async function buildDriverSpec(
  instance: Instance,
  deps: OperationDeps,
): Promise<DriverInstanceSpec> {
  const credentials = await deps.credentials.list(instance.id);
  return {
    instanceId: instance.id,
    name: instance.name,
    engine: instance.engine,
    version: instance.version,
    region: instance.region,
    resources: instance.resources,
    persistence: instance.persistence,
    maxmemoryPolicy: instance.maxmemoryPolicy,
    config: instance.config,
    replicas: instance.replicas,
    users: toAclUsers(credentials),
    admin: adminSecretOf(credentials),
  };
}
