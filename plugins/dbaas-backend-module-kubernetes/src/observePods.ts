import {
  ObservedInstance,
  ObservedNode,
  ObservedPhase,
} from '@justmanage/plugin-dbaas-node';
import { KubeObject } from './kube/KubeApi';
import { ordinalOfPod, podName, REDIS_PORT } from './names';

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
  const ready = pod.status?.conditions?.some(
    (c: any) => c.type === 'Ready' && c.status === 'True',
  );
  if (pod.status?.phase === 'Running' && ready) return 'running';
  if (pod.status?.phase === 'Failed') return 'failed';
  return containerProblem(pod)?.stuck ? 'failed' : 'starting';
}

/**
 * What runs, read from the instance's pods: one data node per ordinal the
 * StatefulSet asks for, its id the pod's name (a replaced pod keeps it),
 * its endpoint the pod's IP on 6379. Ordinal 0 is the primary of a
 * standalone instance.
 */
export function observePods(options: {
  instanceId: string;
  statefulSet?: KubeObject;
  pods: KubeObject[];
  warnings: Map<string, string>;
}): ObservedInstance {
  const { instanceId, statefulSet, pods, warnings } = options;
  if (!statefulSet && !pods.length)
    return { instanceId, phase: 'absent', nodes: [] };
  const wanted: number = statefulSet ? statefulSet.spec?.replicas ?? 1 : 0;
  const byOrdinal = new Map<number, KubeObject>();
  for (const pod of pods) {
    const ordinal = ordinalOfPod(instanceId, pod.metadata?.name ?? '');
    if (ordinal !== undefined) byOrdinal.set(ordinal, pod);
  }
  const ordinals = [
    ...new Set([
      ...Array.from({ length: wanted }, (_, i) => i),
      ...byOrdinal.keys(),
    ]),
  ].sort((a, b) => a - b);
  const nodes: ObservedNode[] = ordinals.map(ordinal => {
    const name = podName(instanceId, ordinal);
    const pod = byOrdinal.get(ordinal);
    const base = {
      id: name,
      name: `node-${ordinal}`,
      role: ordinal === 0 ? ('primary' as const) : ('replica' as const),
      ordinal,
    };
    if (!pod)
      return {
        ...base,
        phase: statefulSet ? 'starting' : 'stopped',
        message: `pod ${name} not created yet`,
      };
    const ip: string | undefined = pod.status?.podIP;
    return {
      ...base,
      phase: phaseOf(pod),
      ...(ip ? { endpoint: { host: ip, port: REDIS_PORT, tls: false } } : {}),
      version: pod.metadata?.labels?.['app.kubernetes.io/version'],
      ...(phaseOf(pod) === 'running'
        ? {}
        : { message: podMessage(pod, warnings.get(name)) }),
    };
  });
  const primary = nodes[0];
  return {
    instanceId,
    phase: primary?.phase ?? 'stopped',
    nodes,
    ...(primary?.message
      ? { message: `${primary.name}: ${primary.message}` }
      : {}),
  };
}
