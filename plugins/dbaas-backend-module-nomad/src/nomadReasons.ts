import {
  NomadAllocMetric,
  NomadAllocation,
  NomadTaskEvent,
  NomadTaskState,
} from './client';

/**
 * Nomad's reasons in the words `nomad job status` uses, for an
 * operation's message: why a group could not be placed, why a task is
 * not running.
 */
export function placementFailure(
  group: string,
  metric: NomadAllocMetric,
): string {
  const reasons: string[] = [];
  const available = Object.values(metric.NodesAvailable ?? {}).reduce(
    (n, v) => n + v,
    0,
  );
  if (!metric.NodesEvaluated && !available)
    reasons.push('No nodes were eligible for evaluation');
  for (const [constraint, n] of Object.entries(
    metric.ConstraintFiltered ?? {},
  )) {
    reasons.push(`Constraint "${constraint}": ${n} nodes excluded by filter`);
  }
  if (metric.NodesExhausted)
    reasons.push(`Resources exhausted on ${metric.NodesExhausted} nodes`);
  for (const [dimension, n] of Object.entries(
    metric.DimensionExhausted ?? {},
  )) {
    reasons.push(`Dimension "${dimension}" exhausted on ${n} nodes`);
  }
  for (const quota of metric.QuotaExhausted ?? [])
    reasons.push(`Quota limit hit "${quota}"`);
  return `Nomad could not place ${group}: ${
    reasons.join('; ') || 'no reason given'
  }`;
}

/** Events that say why a task is not (yet) running. */
const TELLING = new Set([
  'Driver Failure',
  'Failed Artifact Download',
  'Setup Failure',
  'Failed Validation',
  'Not Restarting',
  'Template',
  'Restarting',
  'Terminated',
  'Killing',
  'Killed',
  'Sibling Task Failed',
]);

const AFTERMATH = new Set(['Restarting', 'Not Restarting']);

function eventWords(event: NomadTaskEvent): string {
  const words =
    event.DownloadError ||
    event.DriverError ||
    event.SetupError ||
    event.DisplayMessage ||
    event.Message ||
    '';
  return `${event.Type}: ${words}`.trim();
}

/** The latest telling task event of an allocation, or its client description. */
export function allocationReason(alloc: NomadAllocation): string | undefined {
  const events = Object.values(alloc.TaskStates ?? {})
    .flatMap(s => s.Events ?? [])
    .filter(e => TELLING.has(e.Type))
    // Events of one moment share a Time: reversed first, so that the
    // stable sort keeps the later of them first.
    .reverse()
    .sort((a, b) => b.Time - a.Time);
  const [latest] = events;
  if (!latest)
    return alloc.DesiredDescription || alloc.ClientDescription || undefined;
  // "Restarting" and "Not Restarting" say what happens next, not why: the
  // exit or failure before them is what the user needs (an OOM kill, a
  // binary that is not there).
  if (AFTERMATH.has(latest.Type)) {
    const cause = events.find(e => !AFTERMATH.has(e.Type));
    if (cause) return `${eventWords(cause)} (${eventWords(latest)})`;
  }
  return eventWords(latest);
}

/** How Nomad's restart reasons begin once a task has used up its attempts. */
const EXHAUSTED = 'Exceeded allowed attempts';

/**
 * Whether the task used up its restart policy's attempts: in `delay` mode
 * Nomad waits out the interval and tries again, forever, but a server
 * that dies at every start (an OOM kill, a build that exits) will not
 * serve by waiting, so the node counts as failed, not starting.
 */
export function restartsExhausted(task: NomadTaskState | undefined): boolean {
  const restarting = (task?.Events ?? [])
    .filter(e => e.Type === 'Restarting')
    .pop();
  return !!restarting?.RestartReason?.startsWith(EXHAUSTED);
}
