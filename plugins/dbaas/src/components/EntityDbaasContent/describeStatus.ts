import type { Instance } from '@justmanage/plugin-dbaas-common';

/** How a status light looks; maps onto core-components' Status* icons. */
export type StatusTone = 'ok' | 'error' | 'running' | 'pending';

/** @internal */
export interface StatusDescription {
  word: 'Up' | 'Down' | 'Provisioning' | 'Updating' | 'Deleting' | 'Failed';
  tone: StatusTone;
}

/**
 * The word users see for an instance. `running` is what the control plane
 * last decided; a newer failed health check wins over it, because the
 * backend only flips the status to `down` on its next pass.
 */
export function describeStatus(
  instance: Pick<Instance, 'status' | 'health'>,
): StatusDescription {
  switch (instance.status) {
    case 'running':
      return instance.health?.up === false
        ? { word: 'Down', tone: 'error' }
        : { word: 'Up', tone: 'ok' };
    case 'down':
      return { word: 'Down', tone: 'error' };
    case 'provisioning':
      return { word: 'Provisioning', tone: 'running' };
    case 'updating':
      return { word: 'Updating', tone: 'running' };
    case 'deleting':
      return { word: 'Deleting', tone: 'pending' };
    case 'failed':
    default:
      return { word: 'Failed', tone: 'error' };
  }
}
