import { DateTime } from 'luxon';
import { formatZone } from './formatWindow';
import type { MaintenanceWindow } from '../generated';
import { WindowOpening } from './types';

/**
 * An opening as people read it, in the window's own zone and in another
 * (the viewer's), e.g. "Sun 7 Dec 02:00-03:00 Asia/Kolkata (IST)" and
 * "Sat 6 Dec 21:30-22:30 GMT+1". The end names its day only when that differs
 * from the start's.
 * @public
 */
export function describeOpening(
  opening: WindowOpening,
  window: MaintenanceWindow,
  viewerZone?: string,
): { inWindowZone: string; inViewerZone: string } {
  const render = (zone: string, label?: string) => {
    const start = DateTime.fromJSDate(opening.start, { zone }).setLocale(
      'en-GB',
    );
    const end = DateTime.fromJSDate(opening.end, { zone }).setLocale('en-GB');
    const endText = start.hasSame(end, 'day')
      ? end.toFormat('HH:mm')
      : end.toFormat('ccc d LLL HH:mm');
    return `${start.toFormat('ccc d LLL HH:mm')}-${endText} ${
      label ?? start.setLocale('en-US').toFormat('ZZZZ')
    }`;
  };
  return {
    inWindowZone: render(window.timeZone, formatZone(window)),
    inViewerZone: render(viewerZone ?? DateTime.local().zoneName ?? 'UTC'),
  };
}
