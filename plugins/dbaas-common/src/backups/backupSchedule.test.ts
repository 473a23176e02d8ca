import {
  backupScheduleProblem,
  defaultBackupPolicy,
  nextBackupAt,
} from './backupSchedule';

describe('backup schedules', () => {
  it('is on by default only for instances that keep data on disk', () => {
    expect(defaultBackupPolicy('rdb').enabled).toBe(true);
    expect(defaultBackupPolicy('aof').enabled).toBe(true);
    expect(defaultBackupPolicy('none').enabled).toBe(false);
  });

  it('names the field and the rule of a bad schedule', () => {
    expect(backupScheduleProblem({ everyHours: 6 })).toBeUndefined();
    expect(
      backupScheduleProblem({ dailyAt: '02:30', timeZone: 'Europe/Berlin' }),
    ).toBeUndefined();
    expect(backupScheduleProblem({})).toMatch(
      /^schedule: give exactly one of everyHours and dailyAt/,
    );
    expect(backupScheduleProblem({ everyHours: 6, dailyAt: '02:00' })).toMatch(
      /exactly one/,
    );
    expect(backupScheduleProblem({ dailyAt: '24:00' })).toMatch(
      /^schedule.dailyAt: must be a time HH:MM/,
    );
    expect(backupScheduleProblem({ dailyAt: '2:00' })).toMatch(
      /schedule.dailyAt/,
    );
    expect(
      backupScheduleProblem({ dailyAt: '02:00', timeZone: 'Mars/Olympus' }),
    ).toMatch(/^schedule.timeZone: 'Mars\/Olympus' is not an IANA time zone/);
    expect(
      backupScheduleProblem({ everyHours: 2, timeZone: 'Europe/Berlin' }),
    ).toMatch(/^schedule.timeZone: only goes with dailyAt/);
  });

  it('counts every N hours from the last backup, at once when there is none', () => {
    const now = new Date('2026-12-06T10:00:00Z');
    expect(nextBackupAt({ everyHours: 6 }, undefined, now)).toEqual(now);
    expect(
      nextBackupAt(
        { everyHours: 6 },
        new Date('2026-12-06T07:00:00Z'),
        now,
      ).toISOString(),
    ).toBe('2026-12-06T13:00:00.000Z');
  });

  it('runs daily at the zone’s clock time, across a clock change', () => {
    const schedule = { dailyAt: '02:30', timeZone: 'Europe/Berlin' };
    // No backup yet: the next 02:30 Berlin time from now.
    expect(
      nextBackupAt(
        schedule,
        undefined,
        new Date('2026-12-06T10:00:00Z'),
      ).toISOString(),
    ).toBe('2026-12-07T01:30:00.000Z');
    // After the backup of 28 March, 02:30 on 29 March does not exist in
    // Berlin (clocks jump 02:00 to 03:00): it runs at 03:00 CEST.
    expect(
      nextBackupAt(
        schedule,
        new Date('2026-03-28T01:30:00Z'),
        new Date('2026-03-28T05:00:00Z'),
      ).toISOString(),
    ).toBe('2026-03-29T01:00:00.000Z');
    // Once backed up today, the next is tomorrow's, even if asked early.
    expect(
      nextBackupAt(
        { dailyAt: '00:00' },
        new Date('2026-12-06T00:00:05Z'),
        new Date('2026-12-06T00:00:10Z'),
      ).toISOString(),
    ).toBe('2026-12-07T00:00:00.000Z');
  });
});
