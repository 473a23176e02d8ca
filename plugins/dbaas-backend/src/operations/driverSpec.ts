import { DriverInstanceSpec } from '@justmanage/plugin-dbaas-node';
import { Instance } from '@justmanage/plugin-dbaas-common';
import { OperationDeps } from './types';
import { adminSecretOf, toAclUsers } from './aclUsers';

/** The desired state as a driver sees it: password hashes, the admin's behind a reveal. */
export async function buildDriverSpec(
  instance: Instance,
  deps: OperationDeps,
): Promise<DriverInstanceSpec> {
  const admin = await deps.credentials.get(instance.id, 'admin');
  if (!admin)
    throw new Error(`Instance ${instance.name} has no admin credentials`);
  const users = await deps.users.withPasswords(instance.id);
  if (instance.tls === 'required' && !deps.tls) {
    throw new Error(
      `Instance ${instance.name} requires TLS, which is not set up`,
    );
  }
  const tls = await deps.tls?.driverTls(instance);
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
    users: toAclUsers(admin, users),
    admin: adminSecretOf(admin),
    ...(tls ? { tls } : {}),
    ...(instance.allowList ? { allowList: instance.allowList } : {}),
  };
}
