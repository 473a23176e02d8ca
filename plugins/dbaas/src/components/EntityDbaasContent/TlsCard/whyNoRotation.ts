import type { Instance, Operation } from '@justmanage/plugin-dbaas-common';

/**
 * Why Rotate certificates is disabled, or undefined when it is not: the
 * API's refusals (409) said before asking.
 */
export function whyNoRotation(
  instance: Instance,
  active: Operation | undefined,
): string | undefined {
  if (active) {
    return `Another operation (${active.type}) is in progress; certificates can be rotated when it has finished.`;
  }
  if (instance.status !== 'running') {
    return `Certificates are rotated while the instance is running; it is ${instance.status}.`;
  }
  return undefined;
}
