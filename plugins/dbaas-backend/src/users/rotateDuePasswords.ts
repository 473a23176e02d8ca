import { LoggerService } from '@backstage/backend-plugin-api';
import { ConflictError } from '@backstage/errors';
import { InstanceStore } from '../database/InstanceStore';
import { OperationStore } from '../database/OperationStore';
import { AclUserStore } from './AclUserStore';
import { AclUserService } from './AclUserService';

/** Task id; tests trigger it instead of waiting for the clock. */
export const ROTATE_PASSWORDS_TASK = 'dbaas-rotate-passwords';
/** Who the scheduled rotations are recorded as. */
export const ROTATION_SCHEDULE_ACTOR = 'justmanage:scheduled-rotation';
/**
 * A failed rotation is undone, which leaves the user due again; without a
 * pause a broken instance would get a failing rotation every round.
 */
const RETRY_AFTER_FAILURE_MS = 60 * 60 * 1000;

/**
 * One round of the scheduled rotation: every user whose schedule is due
 * gets the rotation the on-demand endpoint starts, with the schedule's
 * grace. An instance busy with another operation (or not running) is left
 * for the next round; until then the current password keeps working.
 */
export async function rotateDuePasswords(deps: {
  users: AclUserStore;
  instances: InstanceStore;
  operations: OperationStore;
  service: AclUserService;
  logger: LoggerService;
  now?: () => Date;
}): Promise<void> {
  const now = deps.now?.() ?? new Date();
  for (const due of await deps.users.dueRotations(now)) {
    const instance = await deps.instances.get(due.instanceId);
    if (!instance) continue;
    if (await failedLately(deps.operations, due, now)) continue;
    try {
      await deps.service.rotateOnSchedule(
        instance,
        due,
        ROTATION_SCHEDULE_ACTOR,
      );
    } catch (error) {
      if (error instanceof ConflictError) continue;
      deps.logger.warn(
        `Could not rotate the password of ${due.username} on ${
          instance.name
        } as scheduled: ${(error as Error).message}`,
      );
    }
  }
}

async function failedLately(
  operations: OperationStore,
  due: { instanceId: string; username: string },
  now: Date,
): Promise<boolean> {
  const last = (await operations.listForInstance(due.instanceId)).find(
    op =>
      op.type === 'users' &&
      op.createdBy === ROTATION_SCHEDULE_ACTOR &&
      op.params.action === 'rotate' &&
      op.params.username === due.username,
  );
  return (
    last?.status === 'failed' &&
    now.getTime() - Date.parse(last.finishedAt ?? last.createdAt) <
      RETRY_AFTER_FAILURE_MS
  );
}
