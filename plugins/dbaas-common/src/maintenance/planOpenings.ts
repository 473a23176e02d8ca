import { DateTime } from 'luxon';
import { nextOpenings } from './openings';
import type { MaintenanceWindow } from '../generated';
import { WindowOpening } from './types';
import { OpeningSkip } from './upgradePolicy';

/** What keeps openings from being used. @public */
export interface OpeningSkips {
  /** Openings starting before this instant are skipped. */
  snoozedUntil?: string;
  /** Dates (YYYY-MM-DD) on which an opening that starts, by its window's clock, is skipped. */
  blackoutDates: string[];
}

/**
 * Why an opening will not be used, if it will not: it starts before the
 * snooze ends, or on a blackout date by its own window's clock.
 * @public
 */
export function skipOf(
  opening: WindowOpening,
  window: MaintenanceWindow,
  skips: OpeningSkips,
): OpeningSkip | undefined {
  if (
    skips.snoozedUntil &&
    opening.start.getTime() < Date.parse(skips.snoozedUntil)
  ) {
    return 'snoozed';
  }
  const day = DateTime.fromJSDate(opening.start, {
    zone: window.timeZone,
  }).toISODate();
  return day && skips.blackoutDates.includes(day) ? 'blackout' : undefined;
}

/**
 * The next `count` openings with the reason each will be skipped, if any.
 * @public
 */
export function planOpenings(
  windows: MaintenanceWindow[],
  skips: OpeningSkips,
  from: Date | number,
  count = 3,
): Array<WindowOpening & { skipped?: OpeningSkip }> {
  return nextOpenings(windows, from, count).map(opening => {
    const skipped = skipOf(opening, windows[opening.windowIndex], skips);
    return skipped ? { ...opening, skipped } : opening;
  });
}

/**
 * When a snooze of the next opening ends: the end of the opening open at
 * `from`, or else of the next one; undefined without windows.
 * @public
 */
export function snoozeEnd(
  windows: MaintenanceWindow[],
  from: Date | number,
): Date | undefined {
  return nextOpenings(windows, from, 1)[0]?.end;
}
