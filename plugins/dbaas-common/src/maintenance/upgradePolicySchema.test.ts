import { validate } from '../validation';
import { upgradePolicyRequestSchema } from './upgradePolicySchema';
import { planOpenings, snoozeEnd } from './planOpenings';
import { parseWindowPhrase } from './parseWindowPhrase';

describe('upgradePolicyRequestSchema', () => {
  it('fills the defaults: manual needs nothing else', () => {
    expect(validate(upgradePolicyRequestSchema, { mode: 'manual' })).toEqual({
      ok: true,
      value: {
        mode: 'manual',
        securityOnly: false,
        windows: [],
        blackoutDates: [],
      },
    });
  });

  it.each([
    [{ mode: 'sometimes' }, 'mode: must be manual or auto-patch'],
    [
      { mode: 'auto-patch' },
      'windows: auto-patch needs at least one maintenance window',
    ],
    [
      {
        mode: 'auto-patch',
        windows: ['Sun 02:00-03:00 UTC', 'Sonday 02:00-03:00 UTC'],
      },
      'windows.1: Unknown day "sonday": use mon..sun, a range such as "mon-fri", "weekdays", "weekends" or "daily"',
    ],
    [
      { mode: 'manual', windows: 'Sun 02:00-03:00 UTC' },
      'windows: must be a list of phrases',
    ],
    [
      { mode: 'manual', blackoutDates: ['2026-02-30'] },
      'blackoutDates.0: must be a date like 2026-12-24',
    ],
    [
      { mode: 'manual', securityOnly: 'yes' },
      'securityOnly: must be true or false',
    ],
    [{ mode: 'manual', when: 'never' }, 'when: is not a known field'],
    [
      { mode: 'manual', windows: Array(11).fill('Sun 02:00-03:00 UTC') },
      'windows: must hold at most 10 windows',
    ],
  ])('refuses %j: %s', (body, message) => {
    expect(validate(upgradePolicyRequestSchema, body)).toEqual({
      ok: false,
      message,
    });
  });
});

describe('planOpenings', () => {
  const window = (phrase: string) => {
    const result = parseWindowPhrase(phrase);
    if (!result.ok) throw new Error(result.error);
    return result.window;
  };

  it('marks the snoozed opening and blackout dates by the window clock', () => {
    const windows = [window('Sundays 02:00-03:00 IST')];
    const from = Date.parse('2026-12-01T00:00Z');
    const snoozedUntil = snoozeEnd(windows, from)!.toISOString();
    expect(snoozedUntil).toBe('2026-12-05T21:30:00.000Z');
    // 13 Dec 02:00 IST is 12 Dec in UTC: the blackout is read in IST.
    const planned = planOpenings(
      windows,
      { snoozedUntil, blackoutDates: ['2026-12-13'] },
      from,
    );
    expect(planned.map(o => [o.start.toISOString(), o.skipped])).toEqual([
      ['2026-12-05T20:30:00.000Z', 'snoozed'],
      ['2026-12-12T20:30:00.000Z', 'blackout'],
      ['2026-12-19T20:30:00.000Z', undefined],
    ]);
  });
});
