import { ConflictError, InputError } from '@backstage/errors';
import {
  Instance,
  setReplicasRequestSchema,
  validate,
} from '@justmanage/plugin-dbaas-common';
import { InstanceStore } from '../database/InstanceStore';
import { OperationWithOwner } from '../database/OperationStore';
import { DriverRegistry } from '../drivers/DriverRegistry';
import { OperationQueue } from '../operations/OperationQueue';
import { checkAgainstPlatform } from '../service/checkAgainstPlatform';

export interface ReplicaChangeDeps {
  instances: InstanceStore;
  drivers: DriverRegistry;
  queue: OperationQueue;
}

/**
 * Checks a new replica count and persists it with a `replicas` operation,
 * in one transaction. Like an update, the row holds what was asked from
 * now on and the operation keeps the previous count to go back to.
 */
export async function requestReplicaChange(
  deps: ReplicaChangeDeps,
  instance: Instance,
  body: unknown,
  actor: string,
): Promise<{ instance: Instance; operation: OperationWithOwner }> {
  const parsed = validate(setReplicasRequestSchema, body);
  if (!parsed.ok) throw new InputError(parsed.message);
  const { replicas } = parsed.value;
  checkAgainstPlatform(
    { platform: instance.platform, replicas },
    await deps.drivers.get(instance.platform).capabilities(),
  );
  if (instance.status !== 'running') {
    throw new ConflictError(
      `Instance ${instance.name} is ${instance.status}; replicas can be added or removed while it is running`,
    );
  }
  if (instance.tls === 'preferred' && replicas > 0) {
    throw new ConflictError(
      `replicas: instance ${instance.name} is moving to TLS (preferred); finish with required, or go back to disabled, before adding replicas`,
    );
  }
  if (replicas === instance.replicas) {
    throw new ConflictError(
      `replicas: instance ${instance.name} already runs ${replicas} replicas`,
    );
  }
  const changed: Instance = {
    ...instance,
    replicas,
    status: 'updating',
    updatedAt: new Date().toISOString(),
  };
  const operation = await deps.queue.enqueue({
    instance,
    type: 'replicas',
    params: {
      changes: { replicas },
      previous: { replicas: instance.replicas },
    },
    actor,
    status: 'updating',
    event: {
      type: 'replicas-requested',
      message: `Requested ${replicas} replicas instead of ${instance.replicas}`,
    },
    within: tx => deps.instances.update(changed, tx),
  });
  return { instance: changed, operation };
}
