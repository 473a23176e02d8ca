import { windowLengthMinutes } from './formatWindow';
import { minutesOf } from './parseTime';
import { resolveWallTime, wallTimeAt } from './resolveWallTime';
import type { MaintenanceWindow } from '../generated';
import { WindowOpening } from './types';
import { weekdayOfEpochDay } from './weekdays';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
/** No window goes this long without an opening; ends the search regardless. */
const SEARCH_DAYS = 400;

/**
 * The openings of one window that are still open or yet to come at `from`,
 * in order. Each day's opening spans the clock from the start time to start
 * plus the window's length (so its end is a wall-clock time too), both read
 * by {@link resolveWallTime}. An opening that the rule makes empty (a window
 * lying wholly in a skipped hour) does not happen that day.
 * @public
 */
export function* openingsOf(
  window: MaintenanceWindow,
  from: Date | number,
  windowIndex = 0,
): Generator<WindowOpening> {
  const fromMs = typeof from === 'number' ? from : from.getTime();
  const startMinute = minutesOf(window.start);
  const lengthMs = windowLengthMinutes(window) * MINUTE;
  // Two days back: an opening of the day before yesterday (by the clock) can
  // still run when a fall-back at midnight makes the clock repeat a day's end.
  const firstDay = Math.floor(wallTimeAt(window.timeZone, fromMs) / DAY) - 2;
  for (let day = firstDay; day < firstDay + SEARCH_DAYS; day++) {
    if (!window.days.includes(weekdayOfEpochDay(day))) continue;
    const opensWall = day * DAY + startMinute * MINUTE;
    const start = resolveWallTime(window.timeZone, opensWall);
    const end = resolveWallTime(window.timeZone, opensWall + lengthMs);
    if (end <= start || end <= fromMs) continue;
    yield { windowIndex, start: new Date(start), end: new Date(end) };
  }
}

/**
 * The next `count` openings of any of the windows that have not closed by
 * `from` (one open at `from` comes first), by opening time.
 * @public
 */
export function nextOpenings(
  windows: MaintenanceWindow[],
  from: Date | number,
  count = 3,
): WindowOpening[] {
  const all: WindowOpening[] = [];
  windows.forEach((window, index) => {
    for (const opening of openingsOf(window, from, index)) {
      all.push(opening);
      if (all.filter(o => o.windowIndex === index).length >= count) break;
    }
  });
  return all
    .sort(
      (a, b) =>
        a.start.getTime() - b.start.getTime() || a.windowIndex - b.windowIndex,
    )
    .slice(0, count);
}

/**
 * Every opening of the windows overlapping [from, to), by opening time.
 * @public
 */
export function openingsBetween(
  windows: MaintenanceWindow[],
  from: Date | number,
  to: Date | number,
): WindowOpening[] {
  const toMs = typeof to === 'number' ? to : to.getTime();
  const all: WindowOpening[] = [];
  windows.forEach((window, index) => {
    for (const opening of openingsOf(window, from, index)) {
      if (opening.start.getTime() >= toMs) break;
      all.push(opening);
    }
  });
  return all.sort(
    (a, b) =>
      a.start.getTime() - b.start.getTime() || a.windowIndex - b.windowIndex,
  );
}
