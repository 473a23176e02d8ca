import { parseWindowPhrase } from './parseWindowPhrase';
import { formatMinutes, parseTime } from './parseTime';
import { PhraseError } from './phraseError';
import { TimeClause, WindowClause, ZoneClause } from './readWindowClause';

const HALF_DAY = 12 * 60;

function clockOf(time: TimeClause): string {
  return time.meridiem ? `${time.text}${time.meridiem}` : time.text;
}

/**
 * A start without am/pm before an end with one ("2-3 am", "between 11 and
 * 1 am") is read as the time with that number in the 12 hours before the
 * end: 02:00, 23:00. Written with a leading zero or past 12 it is a 24-hour
 * time ("09:00-5pm").
 */
function startMinutes(
  start: TimeClause,
  end: TimeClause,
  endAt: number,
): number {
  const hour = Number(start.text.split(':')[0]);
  const twelveHour =
    !start.meridiem &&
    end.meridiem &&
    !start.text.startsWith('0') &&
    hour >= 1 &&
    hour <= 12;
  if (!twelveHour) return parseTime(clockOf(start), 'Start');
  const am = parseTime(`${start.text}am`, 'Start');
  const before = (at: number) => (endAt - at + 1440) % 1440 || 1440;
  return before(am) <= HALF_DAY ? am : am + HALF_DAY;
}

function zoneOf(clause: WindowClause): ZoneClause | undefined {
  const written = [clause.start.zone, clause.end.zone, clause.zone].filter(
    (z): z is ZoneClause => z !== undefined,
  );
  const other = written.find(z => z.timeZone !== written[0].timeZone);
  if (other) {
    throw new PhraseError(
      `"${clause.text}" names two time zones, ${written[0].token} and ${other.token}: a window has one`,
    );
  }
  return written[0];
}

/** Whether the window names its own zone (else it takes the next window's). */
export function hasZone(clause: WindowClause): boolean {
  return zoneOf(clause) !== undefined;
}

/**
 * The compact phrase for a window clause ("sundays 02:00-03:00 IST"), read
 * by {@link parseWindowPhrase} so that days, zones and windows across
 * midnight follow exactly the rules of a phrase. `fallbackZone` is the zone
 * written once after a later window.
 */
export function windowOfClause(
  clause: WindowClause,
  fallbackZone?: ZoneClause,
) {
  const zone = zoneOf(clause) ?? fallbackZone;
  if (!zone) {
    throw new PhraseError(
      `No time zone for "${clause.text}": write one after the times, e.g. "from 2 am to 3 am IST" or "02:00-03:00 Europe/Berlin"`,
    );
  }
  const endAt = parseTime(clockOf(clause.end), 'End');
  const startAt = startMinutes(clause.start, clause.end, endAt);
  const zoneText = zone.label ? `${zone.token} (${zone.label})` : zone.token;
  const until = clause.end.day ? ` - ${clause.end.day} ` : '-';
  const phrase = `${clause.days.join(',')} ${formatMinutes(
    startAt,
  )}${until}${formatMinutes(endAt)} ${zoneText}`;
  const read = parseWindowPhrase(phrase);
  if (!read.ok) throw new PhraseError(read.error);
  return { phrase: read.normalized, window: read.window, notes: read.notes };
}
