/** What one health check found. */
export interface HealthCheckResult {
  up: boolean;
  checkedAt: string;
  error?: string;
}

/** Everything kept per instance between checks. */
export interface TrackedState {
  firstCheckedAt: string;
  lastCheckedAt: string;
  up: boolean;
  /** When the current up or down run began: the first check of the run. */
  since: string;
  consecutiveFailures: number;
  checks: number;
}

/** How a check changes the incident record. */
export type IncidentChange =
  | { kind: 'open'; startedAt: string; error?: string }
  | { kind: 'extend' }
  | { kind: 'close'; endedAt: string };

/**
 * The one place that decides how a check moves the state: an incident
 * opens at the first failed check and closes at the first successful one
 * after it, so a check's result stands until the next check. A check no
 * newer than the last one recorded changes nothing (undefined).
 */
export function applyCheck(
  previous: TrackedState | undefined,
  check: HealthCheckResult,
): { next: TrackedState; incident?: IncidentChange } | undefined {
  if (!previous) {
    return {
      next: {
        firstCheckedAt: check.checkedAt,
        lastCheckedAt: check.checkedAt,
        up: check.up,
        since: check.checkedAt,
        consecutiveFailures: check.up ? 0 : 1,
        checks: 1,
      },
      incident: check.up
        ? undefined
        : { kind: 'open', startedAt: check.checkedAt, error: check.error },
    };
  }
  if (Date.parse(check.checkedAt) <= Date.parse(previous.lastCheckedAt)) {
    return undefined;
  }
  const flipped = previous.up !== check.up;
  const next: TrackedState = {
    ...previous,
    lastCheckedAt: check.checkedAt,
    up: check.up,
    since: flipped ? check.checkedAt : previous.since,
    consecutiveFailures: check.up ? 0 : previous.consecutiveFailures + 1,
    checks: previous.checks + 1,
  };
  let incident: IncidentChange | undefined;
  if (!check.up) {
    incident = flipped
      ? { kind: 'open', startedAt: check.checkedAt, error: check.error }
      : { kind: 'extend' };
  } else if (flipped) {
    incident = { kind: 'close', endedAt: check.checkedAt };
  }
  return { next, incident };
}
