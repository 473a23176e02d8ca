import fc from 'fast-check';
import { DateTime, IANAZone } from 'luxon';
import { formatWindow, windowLengthMinutes } from './formatWindow';
import { isOpen, remainingOpenTime } from './isOpen';
import { nextOpenings, openingsBetween } from './openings';
import { parseWindowPhrase } from './parseWindowPhrase';
import type { MaintenanceWindow } from '../generated';
import { Weekday } from './types';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

// The three zones the issue names, plus zones whose clocks change at midnight
// (Santiago, Havana), by 30 minutes (Lord Howe) or at odd offsets (Chatham).
const ZONES = [
  'Europe/Berlin',
  'America/New_York',
  'Australia/Lord_Howe',
  'America/Santiago',
  'America/Havana',
  'Pacific/Chatham',
  'Asia/Kolkata',
  'UTC',
];
const FROM = Date.UTC(2025, 0, 1);
const TO = Date.UTC(2029, 0, 1);

const offsetOf = (zone: string, instant: number) =>
  IANAZone.create(zone).offset(instant) * MINUTE;

/** Every instant in [FROM, TO) at which the zone's offset changes. */
function transitionsOf(zone: string): number[] {
  const found: number[] = [];
  for (let day = FROM; day < TO; day += DAY) {
    if (offsetOf(zone, day) === offsetOf(zone, day + DAY)) continue;
    let [before, after] = [day, day + DAY];
    while (after - before > MINUTE) {
      const middle =
        before + Math.floor((after - before) / 2 / MINUTE) * MINUTE;
      if (offsetOf(zone, middle) === offsetOf(zone, day)) before = middle;
      else after = middle;
    }
    found.push(after);
  }
  return found;
}
const TRANSITIONS = new Map(ZONES.map(zone => [zone, transitionsOf(zone)]));

/** The zone's clock at an instant, read through luxon's calendar fields. */
function clockAt(zone: string, instant: number): number {
  const t = DateTime.fromMillis(instant, { zone });
  return Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second);
}

/**
 * The documented rule, computed the slow way: the earliest instant whose clock
 * shows `wall` or later, found by walking minutes back from luxon's reading.
 */
function oracleResolve(zone: string, wall: number): number {
  const d = new Date(wall);
  const luxonGuess = DateTime.fromObject(
    {
      year: d.getUTCFullYear(),
      month: d.getUTCMonth() + 1,
      day: d.getUTCDate(),
      hour: d.getUTCHours(),
      minute: d.getUTCMinutes(),
    },
    { zone },
  ).toMillis();
  const quiet =
    offsetOf(zone, luxonGuess - 3 * HOUR) === offsetOf(zone, luxonGuess) &&
    clockAt(zone, luxonGuess) === wall;
  if (quiet) return luxonGuess;
  let earliest = luxonGuess;
  for (let t = luxonGuess - 3 * HOUR; t <= luxonGuess; t += MINUTE) {
    if (clockAt(zone, t) >= wall) {
      earliest = t;
      break;
    }
  }
  return earliest;
}

/** Whether one window is open at an instant, from the rule, not the enumeration. */
function oracleIsOpen(window: MaintenanceWindow, instant: number): boolean {
  const [h, m] = window.start.split(':').map(Number);
  const length = windowLengthMinutes(window) * MINUTE;
  const today = Math.floor(clockAt(window.timeZone, instant) / DAY);
  for (let day = today - 2; day <= today + 1; day++) {
    const weekday = (((new Date(day * DAY).getUTCDay() + 6) % 7) +
      1) as Weekday;
    if (!window.days.includes(weekday)) continue;
    const opensWall = day * DAY + (h * 60 + m) * MINUTE;
    const start = oracleResolve(window.timeZone, opensWall);
    const end = oracleResolve(window.timeZone, opensWall + length);
    if (start <= instant && instant < end) return true;
  }
  return false;
}

const pad = (n: number) => String(n).padStart(2, '0');
const hhmm = (minutes: number) =>
  `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;

// Clock times near transitions (00:00-03:59) come up often.
const clockTime = fc
  .oneof(
    fc.integer({ min: 0, max: 1439 }),
    fc.integer({ min: 0, max: 239 }),
    fc.constantFrom(0, 60, 90, 105, 120, 150, 165, 180, 1410),
  )
  .map(hhmm);

const windowIn = (zone: string) =>
  fc.record({
    days: fc
      .uniqueArray(fc.integer({ min: 1, max: 7 }), {
        minLength: 1,
        maxLength: 7,
      })
      .map(days => days.sort((a, b) => a - b) as Weekday[]),
    start: clockTime,
    end: clockTime,
    timeZone: fc.constant(zone),
  });

/** Instants spread over 2025-2028, half of them within two days of a DST change. */
const instantIn = (zone: string) => {
  const transitions = TRANSITIONS.get(zone)!;
  const uniform = fc.integer({ min: FROM, max: TO - 1 });
  if (transitions.length === 0) return uniform;
  return fc.oneof(
    uniform,
    fc
      .tuple(
        fc.constantFrom(...transitions),
        fc.integer({ min: -2 * DAY, max: 2 * DAY }),
        fc.boolean(),
      )
      .map(([t, shift, onMinute]) =>
        onMinute ? t + Math.round(shift / MINUTE) * MINUTE : t + shift,
      ),
  );
};

const scenario = fc.constantFrom(...ZONES).chain(zone =>
  fc.record({
    windows: fc.array(windowIn(zone), { minLength: 1, maxLength: 2 }),
    instant: instantIn(zone),
  }),
);

describe('maintenance windows (properties)', () => {
  it('finds DST changes in the zones under test', () => {
    expect(TRANSITIONS.get('Europe/Berlin')).toContain(
      Date.parse('2026-03-29T01:00Z'),
    );
    expect(TRANSITIONS.get('Australia/Lord_Howe')).toContain(
      Date.parse('2026-10-03T15:30Z'),
    );
    expect(TRANSITIONS.get('UTC')).toEqual([]);
  });

  it('is open exactly when the rule says so', () => {
    fc.assert(
      fc.property(scenario, ({ windows, instant }) => {
        const expected = windows.some(w => oracleIsOpen(w, instant));
        expect(isOpen(windows, instant)).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('is open iff the instant lies within an opening the enumeration returns', () => {
    fc.assert(
      fc.property(scenario, ({ windows, instant }) => {
        const openings = nextOpenings(windows, instant, 3);
        const holds = openings.some(
          o => o.start.getTime() <= instant && instant < o.end.getTime(),
        );
        expect(isOpen(windows, instant)).toBe(holds);
        expect(remainingOpenTime(windows, instant) > 0).toBe(holds);
      }),
      { numRuns: 300 },
    );
  });

  it('enumerates openings in order, not overlapping, open at both ends', () => {
    fc.assert(
      fc.property(scenario, ({ windows, instant }) => {
        const openings = openingsBetween(windows, instant, instant + 15 * DAY);
        expect(openings.length).toBeGreaterThan(0);
        for (const [index, window] of windows.entries()) {
          const own = openings.filter(o => o.windowIndex === index);
          own.forEach(opening => {
            const [start, end] = [
              opening.start.getTime(),
              opening.end.getTime(),
            ];
            expect(start).toBeLessThan(end);
            expect(end).toBeGreaterThan(instant);
            expect(isOpen([window], start)).toBe(true);
            expect(isOpen([window], end - 1)).toBe(true);
          });
          // The last one's successor lies past the range and may touch it.
          own.slice(1).forEach((next, i) => {
            const end = own[i].end.getTime();
            expect(end).toBeLessThanOrEqual(next.start.getTime());
            expect(isOpen([window], end)).toBe(end === next.start.getTime());
          });
        }
      }),
      { numRuns: 150 },
    );
  });

  it('lasts the declared length, except by the clock change on DST days', () => {
    fc.assert(
      fc.property(scenario, ({ windows, instant }) => {
        for (const opening of openingsBetween(
          windows,
          instant,
          instant + 8 * DAY,
        )) {
          const window = windows[opening.windowIndex];
          const [start, end] = [opening.start.getTime(), opening.end.getTime()];
          const declared = windowLengthMinutes(window) * MINUTE;
          const zone = window.timeZone;
          const startMoved =
            clockAt(zone, start) % DAY !== minutesToMs(window.start);
          const endMoved = clockAt(zone, end) % DAY !== minutesToMs(window.end);
          const change = offsetOf(zone, end) - offsetOf(zone, start);
          // Ordinary days and days whose clock changes inside the opening
          // keep the wall-clock length (elapsed: declared minus the change).
          // A time in a skipped hour opens or closes as the clock resumes,
          // which only shortens the opening.
          const moved = [
            ...(startMoved ? [start] : []),
            ...(endMoved ? [end] : []),
          ];
          const actual = moved.length
            ? {
                movedToTransition: moved.every(
                  at => offsetOf(zone, at - 1) < offsetOf(zone, at),
                ),
                shortened: end - start <= declared,
              }
            : { elapsed: end - start };
          expect(actual).toEqual(
            moved.length
              ? { movedToTransition: true, shortened: true }
              : { elapsed: declared - change },
          );
        }
      }),
      { numRuns: 200 },
    );
  });

  it('reads the normal form back as the same window', () => {
    const zoned = fc.constantFrom(...ZONES).chain(windowIn);
    fc.assert(
      fc.property(zoned, window => {
        const result = parseWindowPhrase(formatWindow(window));
        expect(result).toMatchObject({ ok: true, window });
      }),
    );
  });
});

function minutesToMs(hhmmText: string): number {
  const [h, m] = hhmmText.split(':').map(Number);
  return (h * 60 + m) * MINUTE;
}
