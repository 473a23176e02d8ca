import { isOpen, remainingOpenTime } from './isOpen';
import { nextOpenings, openingsBetween } from './openings';
import { parseWindowPhrase } from './parseWindowPhrase';
import { resolveWallTime } from './resolveWallTime';
import type { MaintenanceWindow } from '../generated';

const wall = (isoLocal: string) => Date.parse(`${isoLocal}Z`);
const iso = (ms: number) => new Date(ms).toISOString();

function windowOf(phrase: string): MaintenanceWindow {
  const result = parseWindowPhrase(phrase);
  if (!result.ok) throw new Error(result.error);
  return result.window;
}

/** The openings of a window on one local day, as ISO UTC pairs. */
function openingsOn(phrase: string, fromIso: string, toIso: string) {
  return openingsBetween(
    [windowOf(phrase)],
    Date.parse(fromIso),
    Date.parse(toIso),
  ).map(o => [iso(o.start.getTime()), iso(o.end.getTime())]);
}

describe('resolveWallTime', () => {
  it.each([
    // Europe/Berlin 2026: 02:00 CET jumps to 03:00 CEST on 29 March; 03:00 CEST falls back to 02:00 CET on 25 October.
    [
      'Europe/Berlin',
      '2026-03-29T02:30',
      '2026-03-29T01:00:00.000Z',
      'skipped: first instant after the gap, 03:00 CEST',
    ],
    [
      'Europe/Berlin',
      '2026-03-29T01:59',
      '2026-03-29T00:59:00.000Z',
      'just before the gap',
    ],
    [
      'Europe/Berlin',
      '2026-03-29T03:00',
      '2026-03-29T01:00:00.000Z',
      'the end of the gap',
    ],
    [
      'Europe/Berlin',
      '2026-10-25T02:30',
      '2026-10-25T00:30:00.000Z',
      'ambiguous: first occurrence, CEST',
    ],
    [
      'Europe/Berlin',
      '2026-10-25T03:00',
      '2026-10-25T02:00:00.000Z',
      'after the repeat',
    ],
    [
      'Europe/Berlin',
      '2026-07-05T02:30',
      '2026-07-05T00:30:00.000Z',
      'ordinary summer day',
    ],
    // America/New_York 2026: 8 March 02:00 EST -> 03:00 EDT; 1 November 02:00 EDT -> 01:00 EST.
    [
      'America/New_York',
      '2026-03-08T02:30',
      '2026-03-08T07:00:00.000Z',
      'skipped: 03:00 EDT',
    ],
    [
      'America/New_York',
      '2026-11-01T01:30',
      '2026-11-01T05:30:00.000Z',
      'ambiguous: first occurrence, EDT',
    ],
    // Australia/Lord_Howe 2026: half-hour DST. 5 April 02:00 (+11) -> 01:30 (+10:30); 4 October 02:00 (+10:30) -> 02:30 (+11).
    [
      'Australia/Lord_Howe',
      '2026-04-05T01:45',
      '2026-04-04T14:45:00.000Z',
      'ambiguous: first occurrence, +11',
    ],
    [
      'Australia/Lord_Howe',
      '2026-04-05T02:00',
      '2026-04-04T15:30:00.000Z',
      'after the repeat, +10:30',
    ],
    [
      'Australia/Lord_Howe',
      '2026-10-04T02:10',
      '2026-10-03T15:30:00.000Z',
      'skipped: 02:30 +11',
    ],
    ['Asia/Kolkata', '2026-12-06T02:00', '2026-12-05T20:30:00.000Z', 'no DST'],
  ])('%s %s opens at %s (%s)', (zone, local, expected) => {
    expect(iso(resolveWallTime(zone, wall(local)))).toBe(expected);
  });
});

describe('openings on DST days (the length is wall-clock based)', () => {
  it('a window starting in the skipped hour opens when the clock resumes and closes on time', () => {
    expect(
      openingsOn(
        'Sun 02:30-04:00 Europe/Berlin',
        '2026-03-28T12:00Z',
        '2026-03-29T12:00Z',
      ),
    ).toEqual([['2026-03-29T01:00:00.000Z', '2026-03-29T02:00:00.000Z']]);
  });

  it('a window wholly inside the skipped hour does not open that day', () => {
    const window = windowOf('Sun 02:00-03:00 Europe/Berlin');
    const [next] = nextOpenings([window], Date.parse('2026-03-28T12:00Z'), 1);
    expect(iso(next.start.getTime())).toBe('2026-04-05T00:00:00.000Z');
  });

  it('a window spanning the change is shorter in spring and longer in autumn', () => {
    expect(
      openingsOn(
        'Sun 01:00-04:00 Europe/Berlin',
        '2026-03-28T12:00Z',
        '2026-03-29T12:00Z',
      ),
    ).toEqual([['2026-03-29T00:00:00.000Z', '2026-03-29T02:00:00.000Z']]);
    expect(
      openingsOn(
        'Sun 01:00-04:00 Europe/Berlin',
        '2026-10-24T12:00Z',
        '2026-10-25T12:00Z',
      ),
    ).toEqual([['2026-10-24T23:00:00.000Z', '2026-10-25T03:00:00.000Z']]);
    expect(
      openingsOn(
        'Sun 01:00-03:00 Australia/Lord_Howe',
        '2026-10-03T00:00Z',
        '2026-10-04T00:00Z',
      ),
    ).toEqual([['2026-10-03T14:30:00.000Z', '2026-10-03T16:00:00.000Z']]);
    expect(
      openingsOn(
        'Sun 01:00-03:00 Australia/Lord_Howe',
        '2026-04-04T00:00Z',
        '2026-04-05T00:00Z',
      ),
    ).toEqual([['2026-04-04T14:00:00.000Z', '2026-04-04T16:30:00.000Z']]);
  });

  it('a window inside the repeated hour opens only at its first occurrence', () => {
    const windows = [windowOf('Sun 02:30-02:45 Europe/Berlin')];
    expect(isOpen(windows, Date.parse('2026-10-25T00:35Z'))).toBe(true); // 02:35 CEST
    expect(isOpen(windows, Date.parse('2026-10-25T01:35Z'))).toBe(false); // 02:35 CET
    const newYork = [windowOf('Sun 01:30-01:45 America/New_York')];
    expect(isOpen(newYork, Date.parse('2026-11-01T05:40Z'))).toBe(true); // 01:40 EDT
    expect(isOpen(newYork, Date.parse('2026-11-01T06:40Z'))).toBe(false); // 01:40 EST
  });

  it('a window across midnight belongs to the day it opens', () => {
    const windows = [windowOf('sat 23:00 - sun 01:00 UTC')];
    expect(isOpen(windows, Date.parse('2026-12-05T23:30Z'))).toBe(true); // Saturday
    expect(isOpen(windows, Date.parse('2026-12-06T00:59Z'))).toBe(true); // Sunday
    expect(isOpen(windows, Date.parse('2026-12-06T01:00Z'))).toBe(false);
    expect(isOpen(windows, Date.parse('2026-12-06T23:30Z'))).toBe(false); // Sunday night
  });

  it('counts the time left across touching windows', () => {
    const windows = [
      windowOf('Sun 02:00-03:00 UTC'),
      windowOf('Sun 03:00-03:30 UTC'),
    ];
    expect(remainingOpenTime(windows, Date.parse('2026-12-06T02:50Z'))).toBe(
      40 * 60_000,
    );
    expect(remainingOpenTime(windows, Date.parse('2026-12-06T03:30Z'))).toBe(0);
  });

  it('names the next three openings of "Sundays 02:00-03:00 IST"', () => {
    const openings = nextOpenings(
      [windowOf('Sundays 02:00-03:00 IST')],
      Date.parse('2026-12-01T00:00Z'),
    );
    expect(openings.map(o => iso(o.start.getTime()))).toEqual([
      '2026-12-05T20:30:00.000Z',
      '2026-12-12T20:30:00.000Z',
      '2026-12-19T20:30:00.000Z',
    ]);
  });
});
