import type { Platform } from '@justmanage/plugin-dbaas-common';

/** "0 to 5 on Local processes": the platform's limit, under the field. */
export function limitText(platform: Platform): string {
  return `0 to ${platform.ha.maxReplicas} on ${platform.title}`;
}

/**
 * What is wrong with the typed count, in the words the API would use, so
 * that nothing the platform refuses is sent.
 */
export function replicasProblem(
  typed: string,
  platform: Platform,
): string | undefined {
  const text = typed.trim();
  const value = Number(text);
  if (text === '' || !Number.isInteger(value)) {
    return 'must be a whole number';
  }
  if (value < 0 || value > platform.ha.maxReplicas) {
    return `must be between 0 and ${platform.ha.maxReplicas} on ${platform.title}`;
  }
  return undefined;
}
