import { openingsOf } from './openings';
import type { MaintenanceWindow } from '../generated';
import { WindowOpening } from './types';

function toMs(instant: Date | number): number {
  return typeof instant === 'number' ? instant : instant.getTime();
}

/**
 * The opening of any of the windows that holds `instant`, or undefined when
 * none is open then.
 * @public
 */
export function openingAt(
  windows: MaintenanceWindow[],
  instant: Date | number,
): WindowOpening | undefined {
  const at = toMs(instant);
  for (const [index, window] of windows.entries()) {
    const first = openingsOf(window, at, index).next();
    if (!first.done && first.value.start.getTime() <= at) return first.value;
  }
  return undefined;
}

/**
 * Whether any of the windows is open at `instant`.
 * @public
 */
export function isOpen(
  windows: MaintenanceWindow[],
  instant: Date | number,
): boolean {
  return openingAt(windows, instant) !== undefined;
}

/**
 * How many milliseconds the windows stay open from `instant` without a break
 * (openings that overlap or touch, of any window, count as one); 0 when
 * closed. Looks no further than `horizonMs`, so a window open around the
 * clock answers the horizon.
 * @public
 */
export function remainingOpenTime(
  windows: MaintenanceWindow[],
  instant: Date | number,
  horizonMs = 8 * 24 * 3600_000,
): number {
  const at = toMs(instant);
  const sources = windows.map((window, index) => openingsOf(window, at, index));
  const heads = sources.map(
    source => source.next().value as WindowOpening | undefined,
  );
  let until = at;
  let extended = true;
  while (extended && until - at < horizonMs) {
    extended = false;
    for (let index = 0; index < heads.length; index++) {
      let head = heads[index];
      while (head && head.start.getTime() <= until) {
        if (head.end.getTime() > until) {
          until = head.end.getTime();
          extended = true;
        }
        head = sources[index].next().value as WindowOpening | undefined;
      }
      heads[index] = head;
    }
  }
  return Math.min(until - at, horizonMs);
}
