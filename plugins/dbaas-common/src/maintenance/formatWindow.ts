import { minutesOf } from './parseTime';
import type { MaintenanceWindow } from '../generated';
import { Weekday } from './types';
import { DAY_NAMES, nextWeekday } from './weekdays';

/** Days as the normal form writes them: "Daily", "Mon-Fri", "Mon,Wed,Sat,Sun". */
export function formatDays(days: Weekday[]): string {
  if (days.length === 7) return 'Daily';
  const runs: Weekday[][] = [];
  for (const day of days) {
    const run = runs[runs.length - 1];
    if (run && run[run.length - 1] + 1 === day) run.push(day);
    else runs.push([day]);
  }
  return runs
    .flatMap(run =>
      run.length >= 3
        ? [`${DAY_NAMES[run[0]]}-${DAY_NAMES[run[run.length - 1]]}`]
        : run.map(day => DAY_NAMES[day]),
    )
    .join(',');
}

/** The zone as the normal form writes it: "Asia/Kolkata (IST)". */
export function formatZone(window: MaintenanceWindow): string {
  return window.zoneAbbreviation
    ? `${window.timeZone} (${window.zoneAbbreviation})`
    : window.timeZone;
}

/** Whether the window closes on the day after it opens. */
export function crossesMidnight(window: MaintenanceWindow): boolean {
  return minutesOf(window.end) <= minutesOf(window.start);
}

/**
 * The one canonical phrase for a window; reading it back gives the same
 * window. A single day crossing midnight names both days
 * ("Sat 23:00 - Sun 01:00 UTC").
 * @public
 */
export function formatWindow(window: MaintenanceWindow): string {
  const zone = formatZone(window);
  if (window.days.length === 1 && crossesMidnight(window)) {
    const day = window.days[0];
    return `${DAY_NAMES[day]} ${window.start} - ${
      DAY_NAMES[nextWeekday(day)]
    } ${window.end} ${zone}`;
  }
  return `${formatDays(window.days)} ${window.start}-${window.end} ${zone}`;
}

/**
 * How long the window lasts by the clock, in minutes (1 to 1440); an end at
 * the start time means a whole day.
 * @public
 */
export function windowLengthMinutes(window: MaintenanceWindow): number {
  const length =
    (minutesOf(window.end) - minutesOf(window.start) + 1440) % 1440;
  return length === 0 ? 1440 : length;
}
