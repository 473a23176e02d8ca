import { isDestructive } from '../jobs/destructive';
import { Allocation, isTerminal, Job, TaskGroup } from '../model';

/** One allocation the scheduler wants placed. */
export interface Placement {
  group: TaskGroup;
  /** `job.group[index]`: the name an allocation keeps across replacements. */
  name: string;
  previous?: Allocation;
}

export interface Reconciled {
  place: Placement[];
  stop: Array<{
    alloc: Allocation;
    description: string;
    clientStatus?: string;
  }>;
  inPlace: Allocation[];
  /** Per group, as a plan's Annotations.DesiredTGUpdates. */
  desired: Record<string, Record<string, number>>;
}

const emptyUpdates = () => ({
  Ignore: 0,
  Place: 0,
  Migrate: 0,
  Stop: 0,
  InPlaceUpdate: 0,
  DestructiveUpdate: 0,
  Canary: 0,
  Preemptions: 0,
});

/**
 * What a job needs done against its allocations: the reconciliation of
 * Nomad's service scheduler, reduced to what a job of count-1 groups meets.
 * Allocations of groups that left the job, or beyond a group's count, are
 * stopped; a group whose tasks changed gets a new allocation in place of
 * the old one (a destructive update); other changes are made in place;
 * failed and lost allocations are replaced.
 */
export function reconcile(
  job: Job | undefined,
  allocs: Allocation[],
): Reconciled {
  const result: Reconciled = { place: [], stop: [], inPlace: [], desired: {} };
  const live = allocs.filter(a => a.DesiredStatus === 'run' && !isTerminal(a));
  const groups = new Map(
    (job && !job.Stop ? job.TaskGroups : []).map(g => [g.Name, g]),
  );

  for (const alloc of live) {
    if (!groups.has(alloc.TaskGroup)) {
      result.stop.push({
        alloc,
        description:
          job?.Stop || !job
            ? 'alloc not needed since job was stopped'
            : 'alloc not needed due to job update',
      });
      const d = (result.desired[alloc.TaskGroup] ??= emptyUpdates());
      d.Stop += 1;
    }
  }
  if (!job || job.Stop) return result;

  for (const group of groups.values()) {
    const d = (result.desired[group.Name] ??= emptyUpdates());
    const mine = live
      .filter(a => a.TaskGroup === group.Name)
      .sort((a, b) => a.Name.localeCompare(b.Name));
    const names = Array.from(
      { length: group.Count },
      (_, i) => `${job.ID}.${group.Name}[${i}]`,
    );
    const kept = new Set<string>();
    for (const alloc of mine) {
      if (!names.includes(alloc.Name) || kept.has(alloc.Name)) {
        result.stop.push({
          alloc,
          description: 'alloc not needed due to job update',
        });
        d.Stop += 1;
        continue;
      }
      kept.add(alloc.Name);
      const current = alloc.Job.TaskGroups.find(
        (g: TaskGroup) => g.Name === group.Name,
      );
      if (
        alloc.Job.Version === job.Version &&
        alloc.Job.JobModifyIndex === job.JobModifyIndex
      ) {
        d.Ignore += 1;
      } else if (!current || isDestructive(current, group)) {
        result.stop.push({
          alloc,
          description: 'alloc is being updated due to job update',
        });
        result.place.push({ group, name: alloc.Name, previous: alloc });
        d.DestructiveUpdate += 1;
      } else {
        result.inPlace.push(alloc);
        d.InPlaceUpdate += 1;
      }
    }
    for (const name of names) {
      if (kept.has(name)) continue;
      // A failed or lost allocation of this name is replaced, and linked.
      const previous = allocs.find(
        a =>
          a.Name === name &&
          a.TaskGroup === group.Name &&
          ['failed', 'lost'].includes(a.ClientStatus) &&
          !a.NextAllocation,
      );
      const reschedule = group.ReschedulePolicy ?? {};
      if (
        previous?.ClientStatus === 'failed' &&
        !reschedule.Unlimited &&
        (previous.RescheduleTracker?.Events?.length ?? 0) >=
          (reschedule.Attempts ?? 0)
      ) {
        // Out of reschedule attempts: the failure stands.
        d.Ignore += 1;
        continue;
      }
      result.place.push({ group, name, previous });
      d.Place += 1;
    }
  }
  return result;
}
