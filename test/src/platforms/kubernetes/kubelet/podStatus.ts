type Obj = Record<string, any>;

/** Where a pod runs, as its status reports it. */
export interface PodPlacement {
  ip: string;
  startTime: string;
  /** Whether its containers were started (init containers done). */
  started: boolean;
}

export const waitingContainer = (container: Obj, waiting: Obj) => ({
  name: container.name,
  image: container.image,
  imageID: '',
  ready: false,
  started: false,
  restartCount: 0,
  state: { waiting },
  lastState: {},
});

/**
 * A pod's status from its containers' statuses: Running once every
 * container runs, Ready (and ContainersReady) once every one is ready,
 * with the kubelet's reason and message when not.
 */
export function podStatus(placement: PodPlacement, statuses: Obj[]): Obj {
  const allRunning = statuses.every(s => s.state.running);
  const ready = allRunning && statuses.every(s => s.ready);
  const time = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  const condition = (type: string, ok: boolean) => ({
    type,
    status: ok ? 'True' : 'False',
    lastProbeTime: null,
    lastTransitionTime: time,
    ...(ok
      ? {}
      : {
          reason: 'ContainersNotReady',
          message: `containers with unready status: [${statuses
            .filter(s => !s.ready)
            .map(s => s.name)
            .join(' ')}]`,
        }),
  });
  return {
    phase: placement.started && allRunning ? 'Running' : 'Pending',
    conditions: [
      condition('Initialized', true),
      condition('Ready', ready),
      condition('ContainersReady', ready),
      condition('PodScheduled', true),
    ],
    hostIP: '127.0.0.1',
    podIP: placement.ip,
    podIPs: [{ ip: placement.ip }],
    startTime: placement.startTime,
    containerStatuses: statuses,
  };
}

/**
 * The status of a pod held up by one container (an image it cannot pull,
 * a volume it cannot mount, a failing init container): that container
 * waits with the reason, the others wait behind it.
 */
export function blockedPodStatus(
  pod: Obj,
  placement: PodPlacement,
  container: Obj,
  reason: string,
  message: string,
): Obj {
  const isInit = (pod.spec.initContainers ?? []).some(
    (c: Obj) => c.name === container.name,
  );
  const statuses = (pod.spec.containers as Obj[]).map(c =>
    waitingContainer(
      c,
      c.name === container.name
        ? { reason, message }
        : { reason: isInit ? 'PodInitializing' : 'ContainerCreating' },
    ),
  );
  const status = podStatus({ ...placement, started: false }, statuses);
  if (isInit)
    status.initContainerStatuses = [
      waitingContainer(container, { reason, message }),
    ];
  return status;
}
