import {
  NodeEndpoint,
  ObservedInstance,
  ObservedNode,
  ObservedPhase,
} from '@justmanage/plugin-dbaas-node';
import {
  NomadAllocation,
  NomadCheckResult,
  NomadClient,
  NomadEvaluation,
  NomadJob,
} from './client';
import {
  allocationReason,
  placementFailure,
  restartsExhausted,
} from './nomadReasons';
import {
  isSentinelGroup,
  nodeIdOf,
  ordinalOf,
  REDIS_PORT_LABEL,
  REDIS_TASK,
} from './names';
import { META_NAME } from './jobSpec';
import { PrimaryAddress } from './replication/replicaConf';

/** What observe reads of one allocation beyond the list: its address and checks. */
export interface AllocDetails {
  endpoint?: NodeEndpoint;
  /** The engine version the allocation's job version runs. */
  version?: string;
  checks: NomadCheckResult[];
}

/** What never changes for an allocation: read once, then cached. */
export type PlacedAlloc = Omit<AllocDetails, 'checks'>;

export interface ObserveInputs {
  instanceId: string;
  job?: NomadJob;
  allocs: NomadAllocation[];
  latestEval?: NomadEvaluation;
  details(alloc: NomadAllocation): Promise<AllocDetails>;
  /** Where the Sentinels say the primary is, for a replicated instance. */
  askPrimary(
    sentinels: ObservedNode[],
    masterName: string,
  ): Promise<PrimaryAddress | undefined>;
}

const hasExited = (a: NomadAllocation) =>
  ['complete', 'failed', 'lost'].includes(a.ClientStatus);

/** Meant to run and not finished. */
const isLive = (a: NomadAllocation) =>
  a.DesiredStatus === 'run' && !hasExited(a);

/** The allocation that stands for a group now: the live one, else the latest. */
function currentAlloc(
  allocs: NomadAllocation[],
  group: string,
): NomadAllocation | undefined {
  const mine = allocs
    .filter(a => a.TaskGroup === group)
    .sort((a, b) => b.CreateIndex - a.CreateIndex);
  return mine.find(isLive) ?? mine[0];
}

async function observeNode(
  inputs: ObserveInputs,
  group: string,
): Promise<ObservedNode> {
  const alloc = currentAlloc(inputs.allocs, group);
  const node: ObservedNode = {
    id: nodeIdOf(inputs.instanceId, group),
    name: group,
    role: isSentinelGroup(group) ? 'sentinel' : 'replica',
    ...(ordinalOf(group) !== undefined ? { ordinal: ordinalOf(group) } : {}),
    phase: 'starting',
  };
  const failed = inputs.latestEval?.FailedTGAllocs?.[group];
  if (!alloc || !isLive(alloc)) {
    if (failed) node.message = placementFailure(group, failed);
    else if (alloc) node.message = allocationReason(alloc);
    else node.message = 'waiting for Nomad to place it';
    node.phase =
      alloc?.ClientStatus === 'failed' && !failed ? 'failed' : 'starting';
    return node;
  }
  const { endpoint, checks, version } = await inputs.details(alloc);
  if (endpoint) node.endpoint = endpoint;
  if (version) node.version = version;
  const task = alloc.TaskStates?.[REDIS_TASK];
  let phase: ObservedPhase = 'starting';
  if (alloc.ClientStatus === 'running' && task?.State === 'running') {
    // A running task is not yet a server that answers: the tcp check says so.
    const failing = checks.find(c => c.Status !== 'success');
    if (!failing && checks.length) phase = 'running';
    else
      node.message = failing
        ? `check ${failing.Check}: ${failing.Output}`
        : 'waiting for its first check';
  } else {
    node.message =
      allocationReason(alloc) ?? `allocation ${alloc.ClientStatus}`;
    if (restartsExhausted(task)) phase = 'failed';
  }
  node.phase = phase;
  return node;
}

/**
 * An instance as Nomad runs it: a node per data group of the job, each
 * from its current allocation (address from the allocation's port, phase
 * from its task state and the tcp check). A job that is gone is absent
 * once none of its allocations still runs.
 */
export async function observeInstance(
  inputs: ObserveInputs,
): Promise<ObservedInstance> {
  const { instanceId, job, allocs } = inputs;
  if (!job || job.Stop) {
    // Told to stop is not stopped: a server may still answer until its
    // client reports the allocation complete.
    const stopping = allocs.filter(a => !hasExited(a));
    if (!stopping.length) return { instanceId, phase: 'absent', nodes: [] };
    return {
      instanceId,
      phase: 'stopped',
      nodes: [],
      message: `Nomad is stopping ${stopping.length} allocation(s) of ${
        inputs.job?.ID ?? 'the job'
      }`,
    };
  }
  const groups = job.TaskGroups.map(g => g.Name).filter(
    g => ordinalOf(g) !== undefined || isSentinelGroup(g),
  );
  const observed = await Promise.all(groups.map(g => observeNode(inputs, g)));
  const dataNodes = observed
    .filter(n => n.role !== 'sentinel')
    .sort((a, b) => (a.ordinal ?? 0) - (b.ordinal ?? 0));
  const sentinels = observed
    .filter(n => n.role === 'sentinel')
    .sort((a, b) => a.name.localeCompare(b.name));
  const primary = await choosePrimary(inputs, job, dataNodes, sentinels);
  if (primary) primary.role = 'primary';
  const nodes = [
    ...(primary ? [primary] : []),
    ...dataNodes.filter(n => n !== primary),
    ...sentinels,
  ];
  return {
    instanceId,
    phase: primary?.phase ?? 'starting',
    nodes,
    ...(primary?.message ? { message: primary.message } : {}),
  };
}

/**
 * The data node that is the primary: Sentinel's choice once the instance
 * has Sentinels (so the report follows a failover), node-0 otherwise or
 * when no Sentinel answers.
 */
async function choosePrimary(
  inputs: ObserveInputs,
  job: NomadJob,
  dataNodes: ObservedNode[],
  sentinels: ObservedNode[],
): Promise<ObservedNode | undefined> {
  const reachable = sentinels.filter(s => s.phase === 'running' && s.endpoint);
  const masterName = job.Meta?.[META_NAME];
  if (reachable.length && masterName) {
    const named = await inputs.askPrimary(reachable, masterName);
    const found =
      named &&
      dataNodes.find(
        n => n.endpoint?.host === named.host && n.endpoint.port === named.port,
      );
    if (found) return found;
  }
  return dataNodes.find(n => n.ordinal === 0) ?? dataNodes[0];
}

/** Reads what observe needs of an allocation that the list does not carry. */
export async function readAllocDetails(
  client: NomadClient,
  alloc: NomadAllocation,
  cached?: PlacedAlloc,
): Promise<AllocDetails> {
  let placed = cached;
  if (!placed?.endpoint) {
    const full = (await client.readAllocation(alloc.ID))?.value;
    const port = full?.AllocatedResources?.Shared?.Ports?.find(
      p => p.Label === REDIS_PORT_LABEL,
    );
    const task = full?.Job?.TaskGroups.find(g => g.Name === alloc.TaskGroup)
      ?.Tasks[0];
    placed = {
      ...(port
        ? { endpoint: { host: port.HostIP, port: port.Value, tls: false } }
        : {}),
      ...(task?.Meta?.version ? { version: task.Meta.version } : {}),
    };
  }
  const checks =
    alloc.ClientStatus === 'running'
      ? Object.values(await client.allocationChecks(alloc.ID))
      : [];
  return { ...placed, checks };
}
