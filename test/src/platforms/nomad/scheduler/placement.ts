import { Allocation, isTerminal, Job, Json, newId, TaskGroup } from '../model';
import { askOf, fit, usageOf, Usage } from './fit';
import { constraintKey, inDatacenters, satisfies } from './constraints';
import { Placement } from './reconcile';

/** Why a group could not be placed: Nomad's AllocMetric. */
export type AllocMetric = Json;

export interface PlacementOutcome {
  placed: Allocation[];
  failed: Record<string, AllocMetric>;
}

function emptyMetric(): AllocMetric {
  return {
    NodesEvaluated: 0,
    NodesFiltered: 0,
    NodesInPool: 0,
    NodesAvailable: {},
    ClassFiltered: null,
    ConstraintFiltered: null,
    NodesExhausted: 0,
    ClassExhausted: null,
    DimensionExhausted: null,
    QuotaExhausted: null,
    Scores: null,
    AllocationTime: 0,
    CoalescedFailures: 0,
  };
}

function bump(map: Json | null, key: string): Json {
  const out = map ?? {};
  out[key] = (out[key] ?? 0) + 1;
  return out;
}

/**
 * Places allocations on client nodes: nodes in the job's datacenters and
 * pool that are ready and have the task drivers, pass the constraints, and
 * have room for the group's CPU, memory, disk and ports. Among nodes that
 * fit, the one with fewest allocations of the same job wins (Nomad's job
 * anti-affinity), then the fullest (bin packing). What does not fit is
 * reported as Nomad reports it, with the exhausted dimension.
 */
export function place(
  job: Job,
  placements: Placement[],
  nodes: Json[],
  liveAllocs: Allocation[],
  stopping: Set<string>,
  evalId: string,
): PlacementOutcome {
  const outcome: PlacementOutcome = { placed: [], failed: {} };
  const onNode = new Map<string, Allocation[]>();
  for (const alloc of liveAllocs) {
    if (
      isTerminal(alloc) ||
      alloc.DesiredStatus !== 'run' ||
      stopping.has(alloc.ID)
    )
      continue;
    onNode.set(alloc.NodeID, [...(onNode.get(alloc.NodeID) ?? []), alloc]);
  }
  for (const placement of placements) {
    const { group } = placement;
    const metric = emptyMetric();
    const ask = askOf(group);
    const constraints = [
      ...(job.Constraints ?? []),
      ...(group.Constraints ?? []),
      ...group.Tasks.flatMap(t => t.Constraints ?? []),
    ];
    const distinct = constraints.some(c => c.Operand === 'distinct_hosts');
    let best: { node: Json; ports: Json[]; score: number[] } | undefined;
    for (const node of nodes) {
      if (
        (node.NodePool ?? 'default') !== (job.NodePool ?? 'default') &&
        job.NodePool !== 'all'
      )
        continue;
      if (!inDatacenters(node, job.Datacenters)) continue;
      metric.NodesInPool += 1;
      if (node.Status !== 'ready' || node.SchedulingEligibility !== 'eligible')
        continue;
      metric.NodesAvailable[node.Datacenter] =
        (metric.NodesAvailable[node.Datacenter] ?? 0) + 1;
      metric.NodesEvaluated += 1;
      const missing = group.Tasks.find(t => !node.Drivers?.[t.Driver]?.Healthy);
      if (missing) {
        metric.NodesFiltered += 1;
        metric.ConstraintFiltered = bump(
          metric.ConstraintFiltered,
          'missing drivers',
        );
        continue;
      }
      const failedConstraint = constraints.find(c => !satisfies(c, node));
      if (failedConstraint) {
        metric.NodesFiltered += 1;
        metric.ConstraintFiltered = bump(
          metric.ConstraintFiltered,
          constraintKey(failedConstraint),
        );
        continue;
      }
      const here = onNode.get(node.ID) ?? [];
      const sameJob = here.filter(
        a => a.JobID === job.ID && a.Namespace === job.Namespace,
      ).length;
      if (distinct && sameJob > 0) {
        metric.NodesFiltered += 1;
        metric.ConstraintFiltered = bump(
          metric.ConstraintFiltered,
          'distinct_hosts',
        );
        continue;
      }
      const usage: Usage = usageOf(here);
      const result = fit(node, usage, ask);
      if ('exhausted' in result) {
        metric.NodesExhausted += 1;
        metric.DimensionExhausted = bump(
          metric.DimensionExhausted,
          result.exhausted,
        );
        continue;
      }
      const score = [-sameJob, usage.memoryMB + ask.memoryMB];
      if (
        !best ||
        score[0] > best.score[0] ||
        (score[0] === best.score[0] && score[1] > best.score[1])
      ) {
        best = { node, ports: result.ports, score };
      }
    }
    if (!best) {
      const previous = outcome.failed[group.Name];
      outcome.failed[group.Name] = previous
        ? { ...previous, CoalescedFailures: previous.CoalescedFailures + 1 }
        : metric;
      continue;
    }
    const alloc = newAllocation(
      job,
      placement,
      best.node,
      best.ports,
      metric,
      evalId,
    );
    outcome.placed.push(alloc);
    onNode.set(best.node.ID, [...(onNode.get(best.node.ID) ?? []), alloc]);
  }
  return outcome;
}

function newAllocation(
  job: Job,
  { group, name, previous }: Placement,
  node: Json,
  ports: Json[],
  metric: AllocMetric,
  evalId: string,
): Allocation {
  const tasks: Json = {};
  for (const task of group.Tasks) {
    tasks[task.Name] = {
      Cpu: { CpuShares: task.Resources?.CPU ?? 0 },
      Memory: {
        MemoryMB: task.Resources?.MemoryMB ?? 0,
        MemoryMaxMB: task.Resources?.MemoryMaxMB ?? 0,
      },
      Networks: null,
    };
  }
  const ip = node.NodeResources.Networks[0].IP;
  return {
    ID: newId(),
    Namespace: job.Namespace,
    EvalID: evalId,
    Name: name,
    NodeID: node.ID,
    NodeName: node.Name,
    JobID: job.ID,
    Job: structuredClone(job),
    JobVersion: job.Version,
    TaskGroup: group.Name,
    DesiredStatus: 'run',
    DesiredDescription: '',
    DesiredTransition: {},
    ClientStatus: 'pending',
    ClientDescription: '',
    TaskStates: null,
    DeploymentID: '',
    DeploymentStatus: null,
    PreviousAllocation: previous?.ID ?? '',
    NextAllocation: '',
    RescheduleTracker:
      previous?.ClientStatus === 'failed'
        ? {
            Events: [
              ...(previous.RescheduleTracker?.Events ?? []),
              {
                PrevAllocID: previous.ID,
                PrevNodeID: previous.NodeID,
                RescheduleTime: Date.now() * 1e6,
                Delay: 0,
              },
            ],
          }
        : previous?.RescheduleTracker ?? null,
    AllocatedResources: {
      Tasks: tasks,
      Shared: {
        DiskMB: group.EphemeralDisk?.SizeMB ?? 0,
        Ports: ports,
        Networks: [
          {
            Mode: 'host',
            IP: ip,
            Device: 'lo',
            DynamicPorts: ports
              .filter(
                p =>
                  !(group.Networks ?? []).some((n: Json) =>
                    (n.ReservedPorts ?? []).some(
                      (r: Json) => r.Label === p.Label,
                    ),
                  ),
              )
              .map(p => ({
                Label: p.Label,
                Value: p.Value,
                To: p.To,
                HostNetwork: 'default',
              })),
            ReservedPorts: ports
              .filter(p =>
                (group.Networks ?? []).some((n: Json) =>
                  (n.ReservedPorts ?? []).some(
                    (r: Json) => r.Label === p.Label,
                  ),
                ),
              )
              .map(p => ({
                Label: p.Label,
                Value: p.Value,
                To: p.To,
                HostNetwork: 'default',
              })),
          },
        ],
      },
    },
    Metrics: metric,
  } as unknown as Allocation;
}

export type { TaskGroup };
