import {
  ObservedInstance,
  PlatformUnavailableError,
} from '@justmanage/plugin-dbaas-node';
import { NomadClient, NomadJob } from './client';

/** Groups both jobs have whose definitions differ: those Nomad updates. */
export function changedGroups(before: NomadJob, after: NomadJob): string[] {
  return after.TaskGroups.filter(group => {
    const old = before.TaskGroups.find(g => g.Name === group.Name);
    return old && JSON.stringify(old) !== JSON.stringify(group);
  }).map(g => g.Name);
}

/**
 * Waits until each of `groups` serves from an allocation of job version
 * `version` or later: an update limited to some nodes returns only once
 * they have been replaced, so the control plane's next step (a replica
 * catching up, a switchover) sees the new node, not the old one.
 */
export async function waitForGroups(options: {
  client: NomadClient;
  jobId: string;
  groups: string[];
  /** The job version registered for them, if this call registered one. */
  version?: number;
  /** The engine version they must report. */
  engineVersion: string;
  observe(): Promise<ObservedInstance>;
  timeoutMs: number;
  signal: AbortSignal;
}): Promise<void> {
  const { client, jobId, groups, version, signal } = options;
  const deadline = Date.now() + options.timeoutMs;
  let problem = 'not placed yet';
  let index = 0;
  let awaitingReplacement = false;
  for (;;) {
    signal.throwIfAborted();
    // While Nomad has not replaced the groups, a blocking query: it answers
    // as soon as an allocation of the job changes. Checks passing do not
    // move that index, so once replaced the loop polls.
    const { value: allocs, index: next } = await client.jobAllocations(
      jobId,
      index && awaitingReplacement
        ? {
            index,
            waitMs: Math.max(1, Math.min(1000, deadline - Date.now())),
            signal,
          }
        : undefined,
    );
    index = next;
    awaitingReplacement = false;
    const replaced =
      version === undefined ||
      groups.every(group =>
        allocs.some(
          a =>
            a.TaskGroup === group &&
            a.DesiredStatus === 'run' &&
            a.ClientStatus === 'running' &&
            a.JobVersion >= version,
        ),
      );
    if (replaced) {
      const observed = await options.observe();
      const waiting = groups
        .map(g => observed.nodes.find(n => n.name === g))
        .filter(
          n =>
            !n ||
            n.phase !== 'running' ||
            !n.endpoint ||
            (n.version !== undefined && n.version !== options.engineVersion),
        );
      if (!waiting.length) return;
      problem = waiting
        .map(n => `${n?.name}: ${n?.message ?? n?.phase ?? 'not reported'}`)
        .join('; ');
      // A node that used up its restarts will not serve by waiting longer.
      if (waiting.some(n => n?.phase === 'failed')) {
        throw new PlatformUnavailableError(
          `${jobId}: ${groups.join(', ')} keep failing: ${problem}`,
        );
      }
    } else {
      awaitingReplacement = true;
      problem = `Nomad has not replaced ${groups.join(
        ', ',
      )} with job version ${version} yet`;
    }
    if (Date.now() > deadline) {
      throw new PlatformUnavailableError(
        `${jobId}: ${groups.join(', ')} did not serve within ${
          options.timeoutMs / 1000
        } s: ${problem}`,
      );
    }
    await new Promise(resolve => setTimeout(resolve, 100));
  }
}

/**
 * Waits until no allocation of `groups` (groups the job no longer has)
 * still runs: removing a replica is done once its server is gone, not
 * when Nomad was told.
 */
export async function waitForGroupsGone(options: {
  client: NomadClient;
  jobId: string;
  groups: string[];
  timeoutMs: number;
  signal: AbortSignal;
}): Promise<void> {
  const { client, jobId, groups, signal } = options;
  const deadline = Date.now() + options.timeoutMs;
  for (;;) {
    signal.throwIfAborted();
    const { value: allocs } = await client.jobAllocations(jobId);
    const left = allocs.filter(
      a =>
        groups.includes(a.TaskGroup) &&
        !['complete', 'failed', 'lost'].includes(a.ClientStatus),
    );
    if (!left.length) return;
    if (Date.now() > deadline) {
      throw new PlatformUnavailableError(
        `${jobId}: Nomad has not stopped ${left
          .map(a => `${a.TaskGroup} (${a.ClientStatus})`)
          .join(', ')} within ${options.timeoutMs / 1000} s`,
      );
    }
    await new Promise(resolve => setTimeout(resolve, 100));
  }
}
