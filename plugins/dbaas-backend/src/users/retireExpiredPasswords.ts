import { LoggerService } from '@backstage/backend-plugin-api';
import { ConflictError } from '@backstage/errors';
import { InstanceStore } from '../database/InstanceStore';
import { AclUserStore } from './AclUserStore';
import { AclUserService } from './AclUserService';

/** Task id; tests trigger it instead of waiting for the clock. */
export const RETIRE_PASSWORDS_TASK = 'dbaas-retire-passwords';
/** Who the retirement operations are recorded as. */
const RETIREMENT_ACTOR = 'justmanage:password-retirement';

/**
 * One round of the scheduled retirement: every user holding a password
 * whose grace period has ended gets a users operation that takes it off
 * every node. An instance busy with another operation is left for the
 * next round; until then the old password still works, which is the safe
 * side of a rotation.
 */
export async function retireExpiredPasswords(deps: {
  users: AclUserStore;
  instances: InstanceStore;
  service: AclUserService;
  logger: LoggerService;
}): Promise<void> {
  for (const {
    instanceId,
    username,
  } of await deps.users.withExpiredPasswords()) {
    const instance = await deps.instances.get(instanceId);
    if (!instance) continue;
    try {
      await deps.service.retire(instance, username, RETIREMENT_ACTOR);
    } catch (error) {
      if (error instanceof ConflictError) continue;
      deps.logger.warn(
        `Could not retire the old passwords of ${username} on ${
          instance.name
        }: ${(error as Error).message}`,
      );
    }
  }
}
