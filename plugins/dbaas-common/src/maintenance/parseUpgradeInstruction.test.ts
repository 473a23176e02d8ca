import { parseUpgradeInstruction } from './parseUpgradeInstruction';
import { parseWindowPhrase } from './parseWindowPhrase';

const IST = 'Sun 02:00-03:00 Asia/Kolkata (IST)';

describe('parseUpgradeInstruction', () => {
  it('reads the sentence the product was specified with', () => {
    expect(
      parseUpgradeInstruction(
        'Upgrade patch versions automatically only on Sundays from 2 am IST to 3 am IST',
      ),
    ).toEqual({
      ok: true,
      mode: 'auto-patch',
      securityOnly: false,
      windows: [
        {
          phrase: IST,
          window: {
            days: [7],
            start: '02:00',
            end: '03:00',
            timeZone: 'Asia/Kolkata',
            zoneAbbreviation: 'IST',
          },
          notes: [
            'IST is read as India Standard Time (Asia/Kolkata), not Irish Standard Time (Europe/Dublin) or Israel Standard Time (Asia/Jerusalem); name the zone to choose another',
          ],
        },
      ],
      normalized: `auto-patch in ${IST}`,
      notes: [
        'IST is read as India Standard Time (Asia/Kolkata), not Irish Standard Time (Europe/Dublin) or Israel Standard Time (Asia/Jerusalem); name the zone to choose another',
      ],
    });
  });

  it.each([
    // the mode, worded several ways
    [
      'Apply patches automatically on Sundays 2am-3am IST',
      `auto-patch in ${IST}`,
    ],
    [
      'Automatically apply patches every Sunday from 2 to 3 am IST',
      `auto-patch in ${IST}`,
    ],
    [
      'automatically upgrade patch versions on Sunday between 2 and 3 am IST',
      `auto-patch in ${IST}`,
    ],
    [
      'Auto-patch on Sundays 02:00-03:00 Asia/Kolkata',
      'auto-patch in Sun 02:00-03:00 Asia/Kolkata',
    ],
    [
      'Automatic patch upgrades on Sundays from 2 a.m. to 3 a.m. IST',
      `auto-patch in ${IST}`,
    ],
    ['Patch automatically, Sundays 2-3am IST', `auto-patch in ${IST}`],
    [
      'Install the latest patch releases automatically on Sundays 2am-3am IST',
      `auto-patch in ${IST}`,
    ],
    [
      'Upgrade patch versions automatically on Sundays from 2 am to 3 am IST, never minor or major',
      `auto-patch in ${IST}`,
    ],
    [
      'Upgrade patch versions automatically but never minor or major versions, on Sundays 2-3 am IST',
      `auto-patch in ${IST}`,
    ],
    [
      'Never upgrade minor or major versions automatically; apply patches automatically on Sundays 2-3am IST',
      `auto-patch in ${IST}`,
    ],
    [
      'Apply security patches automatically on Sundays 2-3am IST',
      `auto-patch (security fixes only) in ${IST}`,
    ],
    [
      'Upgrade patch versions automatically, only security fixes, on Sundays 2-3am IST',
      `auto-patch (security fixes only) in ${IST}`,
    ],
    ['Upgrade manually', 'manual'],
    ['Never automatically', 'manual'],
    ["Don't upgrade automatically", 'manual'],
    ['No automatic upgrades', 'manual'],
    ['manual upgrades only, never minor or major automatically', 'manual'],
    // what and how, on both sides of the schedule
    [
      'Apply patches on Sundays 2-3am IST automatically',
      `auto-patch in ${IST}`,
    ],
    [
      'Security fixes only, every Sunday 2-3am IST, automatically',
      `auto-patch (security fixes only) in ${IST}`,
    ],
    // the days
    [
      'Auto-patch Monday to Friday 1-2 am UTC, never minor or major',
      'auto-patch in Mon-Fri 01:00-02:00 UTC',
    ],
    [
      'Apply patches automatically every Sunday 2-3am IST',
      `auto-patch in ${IST}`,
    ],
    [
      'Apply patches automatically on weekdays from 10 pm to 11:30 pm Europe/Berlin',
      'auto-patch in Mon-Fri 22:00-23:30 Europe/Berlin',
    ],
    [
      'Apply patches automatically Mon-Fri 22:00-23:30 Europe/Berlin',
      'auto-patch in Mon-Fri 22:00-23:30 Europe/Berlin',
    ],
    [
      'Apply patches automatically Monday to Friday between 1 and 2 am UTC',
      'auto-patch in Mon-Fri 01:00-02:00 UTC',
    ],
    [
      'Apply patches automatically on Saturdays and Sundays from 1 am to 4 am America/New_York',
      'auto-patch in Sat,Sun 01:00-04:00 America/New_York',
    ],
    [
      'Apply patches automatically on Saturdays, Sundays and Mondays 1-4am UTC',
      'auto-patch in Mon,Sat,Sun 01:00-04:00 UTC',
    ],
    [
      'Apply patches automatically every day from midnight to 1 am UTC',
      'auto-patch in Daily 00:00-01:00 UTC',
    ],
    [
      'Apply patches automatically at weekends between noon and 2 pm in Europe/London',
      'auto-patch in Sat,Sun 12:00-14:00 Europe/London',
    ],
    // the times, and the days after them
    [
      'Apply patches automatically from 2 to 3 am IST on Sundays',
      `auto-patch in ${IST}`,
    ],
    [
      'Apply patches automatically between 2am and 3am on Sundays IST',
      `auto-patch in ${IST}`,
    ],
    [
      'Apply patches automatically on Sundays 2:30-3:15 am IST',
      'auto-patch in Sun 02:30-03:15 Asia/Kolkata (IST)',
    ],
    [
      'Apply patches automatically on Sundays between 11 and 1 am UTC',
      'auto-patch in Sun 23:00 - Mon 01:00 UTC',
    ],
    [
      'Apply patches automatically on Sundays 11-12 pm UTC',
      'auto-patch in Sun 11:00-12:00 UTC',
    ],
    [
      'Apply patches automatically on Sundays 09:00-5pm UTC',
      'auto-patch in Sun 09:00-17:00 UTC',
    ],
    [
      'Apply patches automatically from Saturday 11 pm to Sunday 1 am UTC',
      'auto-patch in Sat 23:00 - Sun 01:00 UTC',
    ],
    [
      'Apply patches automatically on Saturdays from 10 pm until midnight UTC',
      'auto-patch in Sat 22:00 - Sun 00:00 UTC',
    ],
    [
      'Apply patches automatically on Sundays, from 2 to 3 am IST',
      `auto-patch in ${IST}`,
    ],
    [
      'Apply patches automatically from 2 to 3 am, on Sundays, IST',
      `auto-patch in ${IST}`,
    ],
    [
      'Apply patches automatically every Sunday at 2-3am IST',
      `auto-patch in ${IST}`,
    ],
    // the zone after each time, once at the end, as a name or with its label
    [
      'Apply patches automatically on Sundays from 2 am Asia/Kolkata to 3 am IST',
      'auto-patch in Sun 02:00-03:00 Asia/Kolkata',
    ],
    [
      'Apply patches automatically on Sundays from 2 am IST to 3 am',
      `auto-patch in ${IST}`,
    ],
    [
      'Apply patches automatically on Sundays from 2 am to 3 am IST time',
      `auto-patch in ${IST}`,
    ],
    [
      'Apply patches automatically on Sun 02:00-03:00 Asia/Kolkata (IST)',
      `auto-patch in ${IST}`,
    ],
    // several windows; a zone written once serves the windows before it
    [
      'Apply patches automatically on Sundays 2-3am and on Wednesdays 10-11 pm IST',
      `auto-patch in ${IST}; Wed 22:00-23:00 Asia/Kolkata (IST)`,
    ],
    [
      'Apply patches automatically on Sundays 2-3am UTC and Wednesdays 10-11 pm IST',
      'auto-patch in Sun 02:00-03:00 UTC; Wed 22:00-23:00 Asia/Kolkata (IST)',
    ],
    // the mode after the schedule, in any case and spacing
    [
      '  ON SUNDAYS FROM 2 AM TO 3 AM IST, UPGRADE PATCH VERSIONS AUTOMATICALLY.  ',
      `auto-patch in ${IST}`,
    ],
    [
      'Sundays 2am-3am IST: patch versions automatically',
      `auto-patch in ${IST}`,
    ],
    [
      'Upgrade automatically to new patch versions on Sundays 2-3am IST',
      `auto-patch in ${IST}`,
    ],
  ])('reads "%s" as "%s"', (instruction, normalized) => {
    const result = parseUpgradeInstruction(instruction);
    expect(result).toMatchObject({ ok: true, normalized });
  });

  it.each([
    [
      '',
      'The instruction is empty: say what is upgraded and when, e.g. "Upgrade patch versions automatically on Sundays from 2 am to 3 am IST"',
    ],
    [
      'whenever it is quiet',
      'Cannot read "whenever it is quiet": say what is upgraded and when, e.g. "Upgrade patch versions automatically on Sundays from 2 am to 3 am IST"',
    ],
    [
      'Sundays 2am-3am IST',
      'No upgrade mode: say "patch versions automatically" or "manually", e.g. "Upgrade patch versions automatically on Sundays from 2 am to 3 am IST"',
    ],
    [
      'Upgrade minor versions automatically on Sundays 2-3am IST',
      'Minor and major upgrades are never automatic ("Upgrade minor versions automatically"): only patch versions are upgraded automatically; start minor and major upgrades from the Upgrades card',
    ],
    [
      'Automatically apply patch and major upgrades on Sundays 2-3am IST',
      'Minor and major upgrades are never automatic ("Automatically apply patch and major upgrades"): only patch versions are upgraded automatically; start minor and major upgrades from the Upgrades card',
    ],
    [
      'Upgrade automatically on Sundays 2-3am IST',
      '"Upgrade automatically" does not say which upgrades: write "patch versions automatically" (minor and major upgrades are never automatic)',
    ],
    [
      'Upgrade patch versions on Sundays 2-3am IST',
      '"Upgrade patch versions" does not say how: write "automatically" or "manually"',
    ],
    [
      'Upgrade patch versions automatically and manually',
      '"Upgrade patch versions automatically" and "manually" contradict each other: upgrades are either automatic for patch versions or manual',
    ],
    [
      'Upgrade patch versions automatically on Sundays 2-3am IST, never automatically',
      '"Upgrade patch versions automatically" and "never automatically" contradict each other: upgrades are either automatic for patch versions or manual',
    ],
    [
      'Never upgrade',
      'Cannot read "Never upgrade": for upgrades only when someone starts them write "manually" or "never automatically"',
    ],
    [
      'Upgrade manually on Sundays 2-3am IST',
      'Manual upgrades have no maintenance window: leave out "on Sundays 2-3am IST", or upgrade "patch versions automatically" in it',
    ],
    [
      'Upgrade manually, security fixes only',
      'Security fixes only applies to automatic patch upgrades, not to manual ones',
    ],
    [
      'Upgrades on Sundays 2-3am IST, automatically',
      '"Upgrades ... automatically" does not say which upgrades: write "patch versions automatically" (minor and major upgrades are never automatic)',
    ],
    [
      'Upgrade patch versions automatically',
      'No maintenance window: say when, e.g. "on Sundays from 2 am to 3 am IST"',
    ],
    [
      'Upgrade patch versions automatically on Sonday 2-3am IST',
      'Unknown day "Sonday": use Monday..Sunday, "weekdays", "weekends", "every day" or a range such as "Mon-Fri"',
    ],
    [
      'Upgrade patch versions automatically on Sundays IST',
      'No times after "on Sundays" at "IST": give a start and an end, e.g. "from 2 am to 3 am IST" or "02:00-03:00 UTC"',
    ],
    [
      'Upgrade patch versions automatically from 2 to 3 am IST',
      'No days for "from 2 to 3 am IST": say which, e.g. "on Sundays", "every day", "weekdays" or "Mon-Fri"',
    ],
    [
      'Upgrade patch versions automatically on Sundays from 2 am',
      'Separate the start and end time with "to" or "-", e.g. "from 2 am to 3 am" or "02:00-03:00"',
    ],
    [
      'Upgrade patch versions automatically on Sundays from 2 am or 3 am IST',
      'Separate the start and end time with "to" or "-", e.g. "from 2 am to 3 am" or "02:00-03:00"; found "or 3 am IST"',
    ],
    [
      'Upgrade patch versions automatically on Sundays between 2 am to 3 am IST',
      'After "between" and the start time write "and" and the end time, e.g. "between 2 and 3 am"; found "to 3 am IST"',
    ],
    [
      'Upgrade patch versions automatically on Sundays from 2 am to soon',
      'No end time at "soon": write a time such as 2am, 2:30 pm or 02:00',
    ],
    [
      'Upgrade patch versions automatically on Sundays from 2 am to 3 am',
      'No time zone for "on Sundays from 2 am to 3 am": write one after the times, e.g. "from 2 am to 3 am IST" or "02:00-03:00 Europe/Berlin"',
    ],
    [
      'Upgrade patch versions automatically on Sundays from 2 am IST to 3 am UTC',
      '"on Sundays from 2 am IST to 3 am UTC" names two time zones, IST and UTC: a window has one',
    ],
    [
      'Upgrade patch versions automatically on Sundays from 2 to 3 IST',
      'End time "3" needs minutes or am/pm, e.g. 02:00 or 2am',
    ],
    [
      'Upgrade patch versions automatically on Sundays from 13 pm to 3 pm IST',
      'Start time "13pm": hour 13 is not between 1 and 12 with pm',
    ],
    [
      'Upgrade patch versions automatically on Sundays 2-3am XYZ',
      'Unknown zone abbreviation "XYZ": use an IANA zone such as Asia/Kolkata, or a known abbreviation such as UTC, IST, CET, EST or PST',
    ],
    [
      'Upgrade patch versions automatically on Sundays 2-3am Europe/Berln',
      'Unknown time zone "Europe/Berln": use an IANA zone such as Europe/Berlin or an abbreviation such as UTC',
    ],
    [
      'Upgrade patch versions automatically from Saturday 11 pm to Monday 1 am UTC',
      'Mon is not Sat or the day after: a window lasts at most 24 hours',
    ],
    [
      'Upgrade patch versions automatically on Sundays 2-3am IST!',
      'Cannot read "!": an instruction is words, times such as 2am or 02:00, and a time zone',
    ],
    [
      `Upgrade patch versions automatically on Sundays 2-3am IST${' and Mondays 2-3am IST'.repeat(
        14,
      )}`,
      'The instruction is longer than 300 characters',
    ],
  ])('refuses "%s": %s', (instruction, error) => {
    expect(parseUpgradeInstruction(instruction)).toEqual({ ok: false, error });
  });

  it.each([
    'Sundays 02:00-03:00 IST',
    'weekdays 22:00-23:30 Europe/Berlin',
    'sat 23:00 - sun 01:00 UTC',
    'sunday 2am-3am ist',
    'Sundays 2 am - 3:30 am IST',
    'mon,wed,fri 01:00-02:00 UTC',
    'mon and thu 12pm-1pm europe/berlin',
    'fri-mon 03:00-04:00 utc',
    'daily 22:00-01:00 Australia/Lord_Howe',
    'every day 00:00-24:00 GMT',
    'sat 22:00 to 24:00 UTC',
    'Saturday 23:00 until Sunday 01:00 CET',
    'Sun 02:00-03:00 America/Chicago (CDT)',
    'Sun 02:00-03:00 america/port_of_spain',
    'Mon,Fri-Sun 03:00-04:00 UTC',
    'Daily 00:00-00:00 UTC',
  ])(
    'reads the window phrase "%s" inside an instruction as the phrase reads',
    phrase => {
      const alone = parseWindowPhrase(phrase);
      const inside = parseUpgradeInstruction(
        `Upgrade patch versions automatically ${phrase}`,
      );
      expect(alone.ok).toBe(true);
      expect(inside).toMatchObject({
        ok: true,
        windows: [
          alone.ok && { phrase: alone.normalized, window: alone.window },
        ],
      });
    },
  );
});
