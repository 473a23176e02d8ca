import { InputError } from '@backstage/errors';

/**
 * How instances are named in Kubernetes. Every object of an instance is
 * `jm-<instance id>` (the headless Service adds `-nodes`); a pod is
 * `jm-<id>-<ordinal>`, which is also its node id, since a StatefulSet
 * gives a replaced pod the same name. The id is limited so that the
 * Sentinels' `controller-revision-hash` label (`jm-<id>-sentinel-<10
 * chars>`) stays within 63.
 */
const INSTANCE_ID = /^[a-z0-9]([-a-z0-9]{0,38}[a-z0-9])?$/;

export const MANAGED_BY = 'justmanage';
export const REDIS_PORT = 6379;
export const SENTINEL_PORT = 26379;

export function checkInstanceId(instanceId: string): void {
  if (!INSTANCE_ID.test(instanceId)) {
    throw new InputError(
      `Instance id "${instanceId}" cannot name Kubernetes objects: lower-case letters, digits and dashes, up to 40, starting and ending with a letter or digit`,
    );
  }
}

export const objectName = (instanceId: string) => `jm-${instanceId}`;
export const headlessServiceName = (instanceId: string) =>
  `jm-${instanceId}-nodes`;
export const podName = (instanceId: string, ordinal: number) =>
  `jm-${instanceId}-${ordinal}`;

export function ordinalOfPod(
  instanceId: string,
  name: string,
): number | undefined {
  const prefix = `${objectName(instanceId)}-`;
  if (!name.startsWith(prefix)) return undefined;
  const rest = name.slice(prefix.length);
  return /^\d+$/.test(rest) ? Number(rest) : undefined;
}

/** The labels that select an instance's pods; they never change. */
export function selectorLabels(instanceId: string): Record<string, string> {
  return {
    'app.kubernetes.io/name': 'redis',
    'app.kubernetes.io/instance': instanceId,
    'app.kubernetes.io/managed-by': MANAGED_BY,
  };
}

export function labels(
  instanceId: string,
  component: string,
  extra: Record<string, string> = {},
): Record<string, string> {
  return {
    ...selectorLabels(instanceId),
    'app.kubernetes.io/component': component,
    ...extra,
  };
}

export const instanceSelector = (instanceId: string) =>
  Object.entries(selectorLabels(instanceId))
    .map(([k, v]) => `${k}=${v}`)
    .join(',');

export const sentinelSetName = (instanceId: string) =>
  `jm-${instanceId}-sentinel`;

export function ordinalOfSentinel(
  instanceId: string,
  name: string,
): number | undefined {
  const prefix = `${sentinelSetName(instanceId)}-`;
  if (!name.startsWith(prefix)) return undefined;
  const rest = name.slice(prefix.length);
  return /^\d+$/.test(rest) ? Number(rest) : undefined;
}

/** The data pods' selector: Sentinels carry the same instance labels. */
export const dataSelector = (instanceId: string) => ({
  ...selectorLabels(instanceId),
  'app.kubernetes.io/component': 'data',
});

export const sentinelSelector = (instanceId: string) => ({
  ...selectorLabels(instanceId),
  'app.kubernetes.io/component': 'sentinel',
});
