import { InputError } from '@backstage/errors';

/**
 * How instances and nodes are named in Nomad. A data node is a task group
 * (`node-0`, `node-1`, ...), so it keeps its name, its variable and its
 * sticky disk across new allocations; its node id adds the instance id,
 * so ids are unique across instances as the control plane expects.
 */

/** Job ids and variable paths allow letters, digits and dashes without trouble. */
const INSTANCE_ID = /^[a-z0-9][a-z0-9-]{0,62}$/i;

export const REDIS_PORT_LABEL = 'redis';
export const REDIS_TASK = 'redis';

export function checkInstanceId(instanceId: string): void {
  if (!INSTANCE_ID.test(instanceId)) {
    throw new InputError(
      `Instance id "${instanceId}" cannot name a Nomad job: letters, digits and dashes only, up to 63`,
    );
  }
}

export const jobIdOf = (prefix: string, instanceId: string) =>
  `${prefix}${instanceId}`;

export function instanceIdOf(
  prefix: string,
  jobId: string,
): string | undefined {
  return jobId.startsWith(prefix) ? jobId.slice(prefix.length) : undefined;
}

export const dataGroup = (ordinal: number) => `node-${ordinal}`;

/** Sentinels of a replicated instance: three, so two agree on a failover. */
export const SENTINEL_COUNT = 3;
export const SENTINEL_QUORUM = 2;
export const sentinelGroup = (index: number) => `sentinel-${index}`;
export const isSentinelGroup = (group: string) => /^sentinel-\d+$/.test(group);

export function ordinalOf(group: string): number | undefined {
  const m = /^node-(\d+)$/.exec(group);
  return m ? Number(m[1]) : undefined;
}

export const nodeIdOf = (instanceId: string, group: string) =>
  `${instanceId}-${group}`;

export function groupOfNodeId(instanceId: string, nodeId: string): string {
  const prefix = `${instanceId}-`;
  if (!nodeId.startsWith(prefix)) {
    throw new InputError(`Node "${nodeId}" is not a node of ${instanceId}`);
  }
  return nodeId.slice(prefix.length);
}

/**
 * Where a group's settings live. Nomad lets a task read
 * `nomad/jobs/<job>/<group>` with its workload identity, so templates need
 * no extra policy.
 */
export const variablePath = (jobId: string, group: string) =>
  `nomad/jobs/${jobId}/${group}`;
