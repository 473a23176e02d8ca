import type { Instance, Operation } from '@justmanage/plugin-dbaas-common';

/**
 * Why users cannot be added, changed or revoked now, or undefined when
 * they can: the API's refusals (409) said before asking, so a disabled
 * button is never left unexplained. A revoke is allowed on an instance
 * that is not running (a user one wants gone must not wait for a repair);
 * adding and changing need every node up to take the user.
 */
export function whyNoUserChange(
  instance: Instance,
  active: Operation | undefined,
  action: 'create' | 'update' | 'delete',
): string | undefined {
  if (active) {
    return `Another operation (${active.type}) is in progress; users can be changed when it has finished.`;
  }
  if (instance.status === 'deleting') {
    return 'The instance is being deleted, and its users with it.';
  }
  if (action !== 'delete' && instance.status !== 'running') {
    return `Users can be added and changed while the instance is running; it is ${instance.status}.`;
  }
  return undefined;
}
