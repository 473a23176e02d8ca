import {
  NomadFieldDiff,
  NomadJobPlanResponse,
  NomadObjectDiff,
} from './client';

/** Templates and long strings are summarised: the log is for people. */
function shown(value: string): string {
  if (value.includes('\n') || value.length > 80)
    return `(${value.split('\n').length} lines)`;
  return value;
}

function fields(
  prefix: string,
  diffs: NomadFieldDiff[] | null | undefined,
  out: string[],
): void {
  for (const f of diffs ?? []) {
    let change = `${shown(f.Old)} => ${shown(f.New)}`;
    if (f.Type === 'Added') change = `+ ${shown(f.New)}`;
    if (f.Type === 'Deleted') change = `- ${shown(f.Old)}`;
    out.push(`${prefix}${f.Name}: ${change}`);
  }
}

function objects(
  prefix: string,
  diffs: NomadObjectDiff[] | null | undefined,
  out: string[],
): void {
  for (const o of diffs ?? []) {
    fields(`${prefix}${o.Name}.`, o.Fields, out);
    objects(`${prefix}${o.Name}.`, o.Objects, out);
  }
}

/**
 * A plan as lines for the operation's log: what the scheduler will do per
 * group and each changed field, e.g. `node-0 (create/destroy update 1):
 * redis.Resources.MemoryMB: 128 => 192`.
 */
export function describePlan(plan: NomadJobPlanResponse): string[] {
  const diff = plan.Diff;
  if (!diff || diff.Type === 'None') return ['no changes'];
  const updates = (group: { Updates?: Record<string, number> | null }) =>
    Object.entries(group.Updates ?? {})
      .map(([what, n]) => `${what} ${n}`)
      .join(', ');
  if (diff.Type === 'Added') {
    // Every field of a new job is new; what matters is what gets placed.
    return [
      `new job: ${(diff.TaskGroups ?? [])
        .map(g => `${g.Name} (${updates(g)})`)
        .join(', ')}`,
    ];
  }
  const lines: string[] = [];
  fields('job.', diff.Fields, lines);
  objects('job.', diff.Objects, lines);
  for (const group of diff.TaskGroups ?? []) {
    if (group.Type === 'None') continue;
    const planned = updates(group);
    const changes: string[] = [];
    fields('', group.Fields, changes);
    objects('', group.Objects, changes);
    for (const task of group.Tasks ?? []) {
      fields(`${task.Name}.`, task.Fields, changes);
      objects(`${task.Name}.`, task.Objects, changes);
    }
    lines.push(
      `${group.Name} (${group.Type.toLowerCase()}${
        planned ? `; ${planned}` : ''
      })${changes.length ? `: ${changes.join('; ')}` : ''}`,
    );
  }
  return lines;
}
