import { parseWindowPhrase } from './parseWindowPhrase';

describe('parseWindowPhrase', () => {
  it.each([
    ['Sundays 02:00-03:00 IST', 'Sun 02:00-03:00 Asia/Kolkata (IST)'],
    ['weekdays 22:00-23:30 Europe/Berlin', 'Mon-Fri 22:00-23:30 Europe/Berlin'],
    ['sat 23:00 - sun 01:00 UTC', 'Sat 23:00 - Sun 01:00 UTC'],
    [
      'Sun 02:00-03:00 Asia/Kolkata (IST)',
      'Sun 02:00-03:00 Asia/Kolkata (IST)',
    ],
    ['sunday 2am-3am ist', 'Sun 02:00-03:00 Asia/Kolkata (IST)'],
    ['Sundays 2 am - 3:30 am IST', 'Sun 02:00-03:30 Asia/Kolkata (IST)'],
    ['mon,wed,fri 01:00-02:00 UTC', 'Mon,Wed,Fri 01:00-02:00 UTC'],
    ['mon and thu 12pm-1pm europe/berlin', 'Mon,Thu 12:00-13:00 Europe/Berlin'],
    [
      'Weekends 10:00-12:00 America/New_York',
      'Sat,Sun 10:00-12:00 America/New_York',
    ],
    ['fri-mon 03:00-04:00 utc', 'Mon,Fri-Sun 03:00-04:00 UTC'],
    ['tue-thu 03:00-04:00 Etc/UTC', 'Tue-Thu 03:00-04:00 UTC'],
    [
      'daily 22:00-01:00 Australia/Lord_Howe',
      'Daily 22:00-01:00 Australia/Lord_Howe',
    ],
    ['every day 00:00-24:00 GMT', 'Daily 00:00-00:00 UTC'],
    ['sat 22:00 to 24:00 UTC', 'Sat 22:00 - Sun 00:00 UTC'],
    [
      'Saturday 23:00 until Sunday 01:00 CET',
      'Sat 23:00 - Sun 01:00 Europe/Berlin (CET)',
    ],
    ['sun 01:00 - sun 05:00 EST', 'Sun 01:00-05:00 America/New_York (EST)'],
    ['mon 02:00 - tue 02:00 UTC', 'Mon 02:00 - Tue 02:00 UTC'],
    ['weekdays 22:00-01:00 asia/kolkata', 'Mon-Fri 22:00-01:00 Asia/Kolkata'],
    ['  Sun   02:00–03:00   Europe/Berlin ', 'Sun 02:00-03:00 Europe/Berlin'],
    ['Sun 02:00-03:00 CST', 'Sun 02:00-03:00 America/Chicago (CST)'],
    ['Sun 02:00-03:00 BST', 'Sun 02:00-03:00 Europe/London (BST)'],
    [
      'Sun 02:00-03:00 America/Chicago (CDT)',
      'Sun 02:00-03:00 America/Chicago (CDT)',
    ],
    [
      'Sun 02:00-03:00 america/port_of_spain',
      'Sun 02:00-03:00 America/Port_of_Spain',
    ],
  ])('reads "%s" as "%s"', (phrase, normal) => {
    const result = parseWindowPhrase(phrase);
    expect(result).toMatchObject({ ok: true, normalized: normal });
    // The normal form reads back as the same window.
    const again = parseWindowPhrase(normal);
    expect(again.ok && result.ok && again.window).toEqual(
      result.ok && result.window,
    );
  });

  it('keeps the window it reads', () => {
    expect(parseWindowPhrase('Sundays 02:00-03:00 IST')).toEqual({
      ok: true,
      window: {
        days: [7],
        start: '02:00',
        end: '03:00',
        timeZone: 'Asia/Kolkata',
        zoneAbbreviation: 'IST',
      },
      normalized: 'Sun 02:00-03:00 Asia/Kolkata (IST)',
      notes: [
        'IST is read as India Standard Time (Asia/Kolkata), not Irish Standard Time (Europe/Dublin) or Israel Standard Time (Asia/Jerusalem); name the zone to choose another',
      ],
    });
    expect(parseWindowPhrase('sat 23:00 - sun 01:00 UTC')).toMatchObject({
      window: { days: [6], start: '23:00', end: '01:00', timeZone: 'UTC' },
      notes: [],
    });
  });

  it.each([
    [
      '',
      'The phrase is empty: write days, times and a zone, e.g. "Sundays 02:00-03:00 Europe/Berlin"',
    ],
    [
      'Sundays 02:00-03:00',
      'No time zone: end the phrase with an IANA zone such as Europe/Berlin or an abbreviation such as UTC, e.g. "Sundays 02:00-03:00 Europe/Berlin"',
    ],
    [
      'Sundays 2-3 am',
      'No time zone: end the phrase with an IANA zone such as Europe/Berlin or an abbreviation such as UTC, e.g. "Sundays 02:00-03:00 Europe/Berlin"',
    ],
    [
      '02:00-03:00 UTC',
      'No days: start with the days, e.g. "Sundays", "weekdays", "mon,wed" or "daily"',
    ],
    [
      'Sundays UTC',
      'No times: give a start and an end such as 02:00-03:00, e.g. "Sundays 02:00-03:00 Europe/Berlin"',
    ],
    [
      'Sundays 02:00 UTC',
      'Only one time ("02:00"): give a start and an end such as 02:00-03:00',
    ],
    [
      'Sundays 02:00-03:00 04:00-05:00 UTC',
      'Too many times (02:00, 03:00, 04:00, 05:00): a window has one start and one end; write one phrase per window',
    ],
    [
      'Sundays 02:00 03:00 UTC',
      'Separate the start and end time with "-", e.g. 02:00-03:00',
    ],
    [
      'sun 02:00 and 03:00 UTC',
      'Separate the start and end time with "-", e.g. 02:00-03:00 instead of "and"',
    ],
    [
      'Sundays 02:00-03:00 later UTC',
      'Unexpected "later" after the end time: the time zone comes right after it',
    ],
    [
      'Sonday 02:00-03:00 UTC',
      'Unknown day "sonday": use mon..sun, a range such as "mon-fri", "weekdays", "weekends" or "daily"',
    ],
    [
      'mon-fri-sat 02:00-03:00 UTC',
      'Cannot read the days "mon-fri-sat": use mon..sun, a range such as "mon-fri", "weekdays", "weekends" or "daily"',
    ],
    [
      'Sundays 2-3am IST',
      'Start time "2" needs minutes or am/pm, e.g. 02:00 or 2am',
    ],
    [
      'Sundays 25:00-03:00 UTC',
      'Start time "25:00": hour 25 is not between 00 and 23',
    ],
    [
      'Sundays 02:00-24:30 UTC',
      'End time "24:30": hour 24 is not between 00 and 23',
    ],
    [
      'Sundays 02:75-03:00 UTC',
      'Start time "02:75": minute 75 is not between 00 and 59',
    ],
    [
      'Sundays 2:5-03:00 UTC',
      'Start time "2:5": minutes need two digits, e.g. 02:05',
    ],
    [
      'Sundays 13pm-3pm UTC',
      'Start time "13pm": hour 13 is not between 1 and 12 with pm',
    ],
    [
      'Sundays 02:00-03:00 XYZ',
      'Unknown zone abbreviation "XYZ": use an IANA zone such as Asia/Kolkata, or a known abbreviation such as UTC, IST, CET, EST or PST',
    ],
    [
      'Sundays 02:00-03:00 Europe/Berln',
      'Unknown time zone "Europe/Berln": use an IANA zone such as Europe/Berlin or an abbreviation such as UTC',
    ],
    [
      'Sun 02:00-03:00 Asia/Kolkata (EST)',
      '"(EST)" does not name Asia/Kolkata; leave it out or use the zone it stands for',
    ],
    [
      'sat 23:00 - mon 01:00 UTC',
      'Mon is not Sat or the day after: a window lasts at most 24 hours',
    ],
    [
      'sat 23:00 - sun 23:30 UTC',
      'Sat 23:00 to Sun 23:30 is longer than 24 hours: a window lasts at most a day',
    ],
    [
      'sat 03:00 - sat 01:00 UTC',
      'The end (Sat 01:00) is not after the start (Sat 03:00)',
    ],
    [
      'sat,sun 23:00 - mon 01:00 UTC',
      'With an end day ("mon") the window starts on a single day, not "sat,sun"',
    ],
    ['sat 23:00 - soon 01:00 UTC', '"soon" before the end time is not a day'],
    [
      `Sundays 02:00-03:00 ${'Europe/Berlin'.repeat(10)}`,
      'The phrase is longer than 120 characters',
    ],
  ])('refuses "%s": %s', (phrase, error) => {
    expect(parseWindowPhrase(phrase)).toEqual({ ok: false, error });
  });
});
