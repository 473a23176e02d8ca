import { ConflictError } from '@backstage/errors';
import { Instance } from '@justmanage/plugin-dbaas-common';
import { OperationWithOwner } from '../database/OperationStore';
import { OperationQueue } from '../operations/OperationQueue';
import { InstanceTls } from './InstanceTls';

/** Starts a certificates operation towards the next generation. */
export async function requestCertificateRotation(
  deps: { tls: InstanceTls; queue: OperationQueue },
  instance: Instance,
  actor: string,
  reason: string,
): Promise<{ instance: Instance; operation: OperationWithOwner }> {
  if (instance.tls !== 'required' && instance.tls !== 'preferred') {
    throw new ConflictError(
      `Instance ${instance.name} does not use TLS; it has no certificates to rotate`,
    );
  }
  if (instance.status !== 'running') {
    throw new ConflictError(
      `Instance ${instance.name} is ${instance.status}; certificates are rotated while it is running`,
    );
  }
  const stored = await deps.tls.stored(instance.id);
  if (!stored) {
    throw new ConflictError(`Instance ${instance.name} has no CA`);
  }
  const generation = stored.generation + 1;
  const operation = await deps.queue.enqueue({
    instance,
    type: 'certificates',
    params: { generation },
    actor,
    event: {
      type: 'certificates-rotation-requested',
      message: `${reason}: certificates of generation ${generation}`,
    },
  });
  return { instance, operation };
}
