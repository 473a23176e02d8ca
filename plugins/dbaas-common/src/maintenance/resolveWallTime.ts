import { IANAZone } from 'luxon';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

function offsetMs(zone: IANAZone, instant: number): number {
  return zone.offset(instant) * MINUTE;
}

/**
 * The instant a zone's clock reading opens at, under one rule: the earliest
 * instant at which the zone's clock shows `wallMs` or later. That reads an
 * ordinary time as itself, an ambiguous time on a fall-back day as its first
 * occurrence, and a time skipped on a spring-forward day as the first instant
 * after the gap (02:30 Europe/Berlin on 29 March 2026 is 03:00 CEST).
 *
 * `wallMs` is the clock reading written as if it were UTC milliseconds
 * (Date.UTC(year, month - 1, day, hour, minute)).
 * @public
 */
export function resolveWallTime(timeZone: string, wallMs: number): number {
  const zone = IANAZone.create(timeZone);
  if (!zone.isValid) throw new Error(`Unknown time zone '${timeZone}'`);
  // Offsets lie within -12h..+14h, so the instant is within this span; the
  // offsets at its edges are the ones before and after any transition in it.
  const candidates = new Set([
    offsetMs(zone, wallMs - 16 * HOUR),
    offsetMs(zone, wallMs),
    offsetMs(zone, wallMs + 16 * HOUR),
  ]);
  const exact = [...candidates]
    .map(offset => wallMs - offset)
    .filter(instant => offsetMs(zone, instant) === wallMs - instant);
  if (exact.length > 0) return Math.min(...exact);

  // In a gap: the clock jumps over wallMs at the transition; find it.
  const offsets = [...candidates];
  let before = wallMs - Math.max(...offsets);
  let after = wallMs - Math.min(...offsets);
  const showsAtLeast = (instant: number) =>
    instant + offsetMs(zone, instant) >= wallMs;
  while (after - before > 1) {
    const middle = Math.floor((before + after) / 2);
    if (showsAtLeast(middle)) after = middle;
    else before = middle;
  }
  return after;
}

/**
 * What a zone's clock shows at an instant, as UTC-shaped milliseconds (the
 * inverse direction of {@link resolveWallTime}).
 * @public
 */
export function wallTimeAt(timeZone: string, instant: number): number {
  return instant + offsetMs(IANAZone.create(timeZone), instant);
}
