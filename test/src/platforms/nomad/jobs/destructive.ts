import { Json, TaskGroup } from '../model';

/** What a task keeps across an in-place update; everything else is the task itself. */
function taskIdentity(task: Json): Json {
  const { RestartPolicy, Services, ...rest } = task;
  return rest;
}

/**
 * Whether moving an allocation from group `a` to group `b` needs a new
 * allocation (Nomad's "destructive update"): anything that changes what
 * runs or what it is given (tasks, their resources, templates and config,
 * networks, disk, meta) does; count, update strategy, services, constraints
 * and policies are updated in place.
 */
export function isDestructive(a: TaskGroup, b: TaskGroup): boolean {
  const shape = (g: TaskGroup) =>
    JSON.stringify({
      tasks: g.Tasks.map(taskIdentity),
      networks: g.Networks ?? null,
      disk: g.EphemeralDisk ?? null,
      meta: g.Meta ?? null,
      volumes: g.Volumes ?? null,
    });
  return shape(a) !== shape(b);
}
