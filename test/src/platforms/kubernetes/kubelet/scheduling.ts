import { quantity } from '../store/validate';

type Obj = Record<string, any>;

/** CPU in millicores and memory in bytes. */
export interface Resources {
  cpu: number;
  memory: number;
}

const requestOf = (c: Obj, r: 'cpu' | 'memory') =>
  quantity(c.resources?.requests?.[r] ?? c.resources?.limits?.[r] ?? 0) *
  (r === 'cpu' ? 1000 : 1);

/**
 * A pod's effective request, as the scheduler counts it: the sum over its
 * containers, or the largest init container if that is more.
 */
export function podRequests(pod: Obj): Resources {
  const total = (cs: Obj[], r: 'cpu' | 'memory') =>
    cs.reduce((n, c) => n + requestOf(c, r), 0);
  const most = (cs: Obj[], r: 'cpu' | 'memory') =>
    Math.max(0, ...cs.map(c => requestOf(c, r)));
  const containers: Obj[] = pod.spec?.containers ?? [];
  const inits: Obj[] = pod.spec?.initContainers ?? [];
  return {
    cpu: Math.max(total(containers, 'cpu'), most(inits, 'cpu')),
    memory: Math.max(total(containers, 'memory'), most(inits, 'memory')),
  };
}

/**
 * Why the node cannot take the pod, in the scheduler's words, or
 * undefined when it fits.
 */
export function unschedulable(
  wanted: Resources,
  used: Resources,
  capacity: Resources | undefined,
  freeAddresses: number,
): string | undefined {
  const reasons: string[] = [];
  if (capacity && used.cpu + wanted.cpu > capacity.cpu)
    reasons.push('Insufficient cpu');
  if (capacity && used.memory + wanted.memory > capacity.memory)
    reasons.push('Insufficient memory');
  if (freeAddresses === 0) reasons.push('Too many pods');
  if (!reasons.length) return undefined;
  return `0/1 nodes are available: ${reasons
    .map(r => `1 ${r}`)
    .join(
      ', ',
    )}. preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.`;
}
