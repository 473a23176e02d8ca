import { LoggerService } from '@backstage/backend-plugin-api';
import { ConflictError } from '@backstage/errors';
import { InstanceStore } from '../database/InstanceStore';
import { OperationStore } from '../database/OperationStore';
import { CredentialStore } from '../database/CredentialStore';
import { DriverRegistry } from '../drivers/DriverRegistry';
import { RedisAdmin } from '../redis/RedisAdmin';
import { AclUserStore } from './AclUserStore';
import { AclUserService } from './AclUserService';
import { findUserDrift } from './findUserDrift';

/** Task id; runs at the health check's interval. */
export const USERS_DRIFT_TASK = 'dbaas-users-drift';
const DRIFT_ACTOR = 'justmanage:users-drift';

/**
 * One round of the drift check: every running instance without an
 * operation under way has its nodes' users compared with the records, and
 * a users operation brings drifted nodes back in line.
 */
export async function syncDriftedUsers(deps: {
  instances: InstanceStore;
  operations: OperationStore;
  users: AclUserStore;
  credentials: CredentialStore;
  admin: RedisAdmin;
  drivers: DriverRegistry;
  service: AclUserService;
  logger: LoggerService;
}): Promise<void> {
  for (const instance of await deps.instances.list({ status: ['running'] })) {
    try {
      if (await deps.operations.hasActive(instance.id)) continue;
      const drift = await findUserDrift(
        deps,
        deps.drivers.get(instance.platform),
        instance,
      );
      if (!drift.length) continue;
      deps.logger.info(
        `Users of ${instance.name} drifted (${drift.join(
          '; ',
        )}); bringing them back in line`,
      );
      await deps.service.sync(instance, drift, DRIFT_ACTOR);
    } catch (error) {
      if (error instanceof ConflictError) continue;
      deps.logger.warn(
        `Could not check the users of ${instance.name}: ${
          (error as Error).message
        }`,
      );
    }
  }
}
