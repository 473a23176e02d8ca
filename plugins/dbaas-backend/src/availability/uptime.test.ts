import fc from 'fast-check';
import {
  applyCheck,
  HealthCheckResult,
  TrackedState,
} from './healthTransitions';
import { DownSpan, uptimePercent } from './uptime';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const NOW = Date.parse('2026-03-10T12:00:00.000Z');

/** Feeds checks through applyCheck and keeps the incidents it opens and closes. */
function replay(checks: HealthCheckResult[]) {
  let state: TrackedState | undefined;
  const incidents: DownSpan[] = [];
  for (const check of checks) {
    const step = applyCheck(state, check);
    if (!step) continue;
    state = step.next;
    if (step.incident?.kind === 'open') {
      incidents.push({ startedAt: Date.parse(step.incident.startedAt) });
    } else if (step.incident?.kind === 'close') {
      incidents[incidents.length - 1].endedAt = Date.parse(
        step.incident.endedAt,
      );
    }
  }
  return { state, incidents };
}

/**
 * The definition, from every check: each result stands from its check to
 * the next one (the last until `to`); uptime is the up share of the
 * covered part of the window.
 */
function uptimeFromEveryCheck(
  checks: HealthCheckResult[],
  from: number,
  to: number,
): number | undefined {
  let covered = 0;
  let up = 0;
  checks.forEach((check, i) => {
    const start = Math.max(Date.parse(check.checkedAt), from);
    const end = Math.min(
      i + 1 < checks.length ? Date.parse(checks[i + 1].checkedAt) : to,
      to,
    );
    if (end <= start) return;
    covered += end - start;
    if (check.up) up += end - start;
  });
  return covered > 0 ? (100 * up) / covered : undefined;
}

describe('uptime from incidents', () => {
  it('is the share of the window outside incidents', () => {
    // 36 minutes down within the last day: 97.5 %
    const incidents = [
      { startedAt: NOW - 5 * HOUR, endedAt: NOW - 5 * HOUR + 36 * 60_000 },
    ];
    expect(
      uptimePercent({
        from: NOW - DAY,
        to: NOW,
        trackedSince: NOW - 30 * DAY,
        incidents,
      }),
    ).toBeCloseTo(97.5, 10);
  });

  it('counts an open incident until now, and only what lies in the window', () => {
    const incidents = [
      // began two days ago, ended 23 h ago: 1 h inside the last day
      { startedAt: NOW - 2 * DAY, endedAt: NOW - 23 * HOUR },
      // still open, began 2 h ago
      { startedAt: NOW - 2 * HOUR },
    ];
    const uptime = uptimePercent({
      from: NOW - DAY,
      to: NOW,
      trackedSince: NOW - 7 * DAY,
      incidents,
    });
    expect(uptime).toBeCloseTo((100 * 21) / 24, 10);
  });

  it('measures only from the first check on', () => {
    // tracked for 12 h of which 3 h down: 75 % over "24 h"
    const uptime = uptimePercent({
      from: NOW - DAY,
      to: NOW,
      trackedSince: NOW - 12 * HOUR,
      incidents: [{ startedAt: NOW - 6 * HOUR, endedAt: NOW - 3 * HOUR }],
    });
    expect(uptime).toBe(75);
  });

  it('has no figure before the first check', () => {
    expect(
      uptimePercent({
        from: NOW - DAY,
        to: NOW,
        trackedSince: NOW,
        incidents: [],
      }),
    ).toBeUndefined();
  });

  it('opens an incident at the first failed check and closes it at the first good one', () => {
    const at = (minutes: number) =>
      new Date(NOW + minutes * 60_000).toISOString();
    const { state, incidents } = replay([
      { up: true, checkedAt: at(0) },
      { up: false, checkedAt: at(1), error: 'refused' },
      { up: false, checkedAt: at(2) },
      { up: true, checkedAt: at(3) },
      // out of order: ignored
      { up: false, checkedAt: at(2.5) },
      { up: true, checkedAt: at(4) },
    ]);
    expect(incidents).toEqual([
      { startedAt: NOW + 60_000, endedAt: NOW + 3 * 60_000 },
    ]);
    expect(state).toMatchObject({
      up: true,
      since: at(3),
      consecutiveFailures: 0,
      checks: 5,
      firstCheckedAt: at(0),
      lastCheckedAt: at(4),
    });
  });

  it('equals the uptime computed from every single check, for any checks and window', () => {
    const checkSequence = fc.array(
      fc.record({
        gapMs: fc.integer({ min: 1, max: 6 * HOUR }),
        up: fc.boolean(),
      }),
      { minLength: 1, maxLength: 60 },
    );
    fc.assert(
      fc.property(
        checkSequence,
        fc.integer({ min: 0, max: 10 * DAY }),
        fc.integer({ min: 1, max: 8 * DAY }),
        (steps, windowEndOffset, windowLength) => {
          let t = NOW - 10 * DAY;
          const checks = steps.map(step => {
            t += step.gapMs;
            return { up: step.up, checkedAt: new Date(t).toISOString() };
          });
          const to = Math.max(t, NOW - 10 * DAY + windowEndOffset);
          const from = to - windowLength;
          const { incidents } = replay(checks);
          const fromIncidents = uptimePercent({
            from,
            to,
            trackedSince: Date.parse(checks[0].checkedAt),
            incidents,
          });
          const fromChecks = uptimeFromEveryCheck(checks, from, to);
          expect(fromIncidents === undefined).toBe(fromChecks === undefined);
          expect(fromIncidents ?? 0).toBeCloseTo(fromChecks ?? 0, 9);
        },
      ),
      { numRuns: 500 },
    );
  });
});
