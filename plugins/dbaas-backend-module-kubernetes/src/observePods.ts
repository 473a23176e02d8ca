import {
  ObservedInstance,
  ObservedNode,
  ObservedPhase,
} from '@justmanage/plugin-dbaas-node';
import { KubeObject } from './kube/KubeApi';
import {
  ordinalOfPod,
  ordinalOfSentinel,
  podName,
  REDIS_PORT,
  SENTINEL_PORT,
  sentinelSetName,
} from './names';

/** Waiting reasons the kubelet will not get past without a change: the node is failed, not starting. */
const STUCK = new Set([
  'ImagePullBackOff',
  'ErrImagePull',
  'InvalidImageName',
  'CreateContainerConfigError',
  'CrashLoopBackOff',
  'Init:CrashLoopBackOff',
]);

function containerProblem(
  pod: KubeObject,
): { stuck: boolean; message: string } | undefined {
  const statuses = [
    ...(pod.status?.initContainerStatuses ?? []),
    ...(pod.status?.containerStatuses ?? []),
  ];
  for (const s of statuses) {
    const waiting = s.state?.waiting;
    if (
      !waiting?.reason ||
      ['ContainerCreating', 'PodInitializing'].includes(waiting.reason)
    )
      continue;
    const last = s.lastState?.terminated;
    const lastWords = last?.reason
      ? ` (last exit: ${last.reason}, code ${last.exitCode})`
      : '';
    return {
      stuck: STUCK.has(waiting.reason),
      message: `${s.name}: ${waiting.reason}${
        waiting.message ? `: ${waiting.message}` : ''
      }${lastWords}`,
    };
  }
  return undefined;
}

/** Why a pod is not Ready, in Kubernetes' words, with the latest warning event about it. */
function podMessage(pod: KubeObject, warning?: string): string | undefined {
  if (pod.status?.reason)
    return `${pod.status.reason}: ${pod.status.message ?? ''}`;
  const problem = containerProblem(pod)?.message;
  const scheduled = pod.status?.conditions?.find(
    (c: any) => c.type === 'PodScheduled',
  );
  const unscheduled =
    scheduled?.status === 'False'
      ? `${scheduled.reason}: ${scheduled.message}`
      : undefined;
  return problem ?? unscheduled ?? warning;
}

function phaseOf(pod: KubeObject): ObservedPhase {
  if (pod.metadata?.deletionTimestamp) return 'stopped';
  // Set by the node controller (NodeLost): the kubelet will not fix it.
  if (pod.status?.reason) return 'failed';
  const ready = pod.status?.conditions?.some(
    (c: any) => c.type === 'Ready' && c.status === 'True',
  );
  if (pod.status?.phase === 'Running' && ready) return 'running';
  if (pod.status?.phase === 'Failed') return 'failed';
  return containerProblem(pod)?.stuck ? 'failed' : 'starting';
}

/** One pod as a node: phase, endpoint, version and why it is not running. */
function podNode(
  base: Pick<ObservedNode, 'id' | 'name' | 'role' | 'ordinal'>,
  pod: KubeObject | undefined,
  port: number,
  expected: boolean,
  warning: string | undefined,
): ObservedNode {
  if (!pod) {
    return {
      ...base,
      phase: expected ? 'starting' : 'stopped',
      message: `pod ${base.id} not created yet`,
    };
  }
  const ip: string | undefined = pod.status?.podIP;
  const phase = phaseOf(pod);
  return {
    ...base,
    phase,
    ...(ip ? { endpoint: { host: ip, port, tls: false } } : {}),
    version: pod.metadata?.labels?.['app.kubernetes.io/version'],
    ...(phase === 'running' ? {} : { message: podMessage(pod, warning) }),
  };
}

/**
 * What runs, read from the instance's pods: one data node per ordinal the
 * StatefulSet asks for, its id the pod's name (a replaced pod keeps it),
 * its endpoint the pod's IP on 6379; then the Sentinels on 26379. The
 * primary is the pod at the address the Sentinels give (`primaryIp`);
 * without one (standalone, or no Sentinel answering yet) it is ordinal 0,
 * which the seed Service selects.
 */
export function observePods(options: {
  instanceId: string;
  statefulSet?: KubeObject;
  sentinelSet?: KubeObject;
  pods: KubeObject[];
  warnings: Map<string, string>;
  primaryIp?: string;
}): ObservedInstance {
  const { instanceId, statefulSet, sentinelSet, pods, warnings, primaryIp } =
    options;
  if (!statefulSet && !sentinelSet && !pods.length)
    return { instanceId, phase: 'absent', nodes: [] };
  const data = new Map<number, KubeObject>();
  const sentinels = new Map<number, KubeObject>();
  for (const pod of pods) {
    const name = pod.metadata?.name ?? '';
    const ordinal = ordinalOfPod(instanceId, name);
    if (ordinal !== undefined) data.set(ordinal, pod);
    const sentinel = ordinalOfSentinel(instanceId, name);
    if (sentinel !== undefined) sentinels.set(sentinel, pod);
  }
  const ordinals = (wanted: number, found: Map<number, KubeObject>) =>
    [
      ...new Set([
        ...Array.from({ length: wanted }, (_, i) => i),
        ...found.keys(),
      ]),
    ].sort((a, b) => a - b);
  const byIp = [...data].find(
    ([, pod]) => primaryIp && pod.status?.podIP === primaryIp,
  )?.[0];
  const primaryOrdinal = byIp ?? 0;
  const dataNodes = ordinals(statefulSet?.spec?.replicas ?? 0, data).map(
    ordinal => {
      const name = podName(instanceId, ordinal);
      return podNode(
        {
          id: name,
          name: `node-${ordinal}`,
          role: ordinal === primaryOrdinal ? 'primary' : 'replica',
          ordinal,
        },
        data.get(ordinal),
        REDIS_PORT,
        !!statefulSet,
        warnings.get(name),
      );
    },
  );
  const sentinelNodes = ordinals(
    sentinelSet?.spec?.replicas ?? 0,
    sentinels,
  ).map(ordinal => {
    const name = `${sentinelSetName(instanceId)}-${ordinal}`;
    return podNode(
      { id: name, name: `sentinel-${ordinal}`, role: 'sentinel' },
      sentinels.get(ordinal),
      SENTINEL_PORT,
      !!sentinelSet,
      warnings.get(name),
    );
  });
  const primary = dataNodes.find(n => n.role === 'primary');
  const nodes = [
    ...(primary ? [primary] : []),
    ...dataNodes.filter(n => n !== primary),
    ...sentinelNodes,
  ];
  return {
    instanceId,
    phase: primary?.phase ?? 'stopped',
    nodes,
    ...(primary?.message
      ? { message: `${primary.name}: ${primary.message}` }
      : {}),
  };
}
