import { TestDatabases } from '@backstage/backend-test-utils';
import { maintenanceHarness } from './__testUtils__/maintenanceHarness';

jest.setTimeout(60_000);

const SUNDAY_IST = {
  mode: 'auto-patch',
  windows: ['Sundays 02:00-03:00 IST'],
};
// Sunday 6 December 2026, 02:00-03:00 IST is 20:30-21:30 UTC on the 5th.
const at = (iso: string) => new Date(iso);

describe('the maintenance job (injected clock)', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
  let h: Awaited<ReturnType<typeof maintenanceHarness>>;

  beforeEach(async () => {
    h = await maintenanceHarness(databases, 'SQLITE_3');
  });

  const summary = async (instanceId: string) =>
    (await h.decisionsOf(instanceId)).map(d => `${d.outcome} ${d.reason}`);

  it('starts the patch upgrade inside the window and not outside it', async () => {
    const instance = await h.addInstance();
    await h.setPolicy(instance.id, SUNDAY_IST);

    h.clock.now = at('2026-12-05T12:00:00Z'); // Saturday, 8.5 h before
    await h.job.run();
    expect(await h.operationsOf(instance.id)).toEqual([]);

    h.clock.now = at('2026-12-05T20:29:00Z'); // a minute before it opens
    await h.job.run();
    expect(await h.operationsOf(instance.id)).toEqual([]);

    h.clock.now = at('2026-12-05T20:40:00Z'); // 02:10 IST
    await h.job.run();
    const [operation] = await h.operationsOf(instance.id);
    expect(operation).toMatchObject({
      type: 'upgrade',
      status: 'pending',
      createdBy: 'service:dbaas-maintenance',
      params: {
        kind: 'patch',
        from: { engine: 'redis', version: '7.0.15+deb12u7' },
        to: { engine: 'redis', version: '7.0.15+deb12u10' },
        reason:
          'automatic patch upgrade in the maintenance window Sun 6 Dec 02:00-03:00 Asia/Kolkata (IST)',
      },
    });
    expect(await summary(instance.id)).toEqual([
      'notified window-ahead',
      'skipped outside-window',
      'started in-window',
    ]);
    const decisions = await h.decisionsOf(instance.id);
    expect(decisions[1].message).toBe(
      'Outside the maintenance windows; redis 7.0.15+deb12u10 is pending for Sun 6 Dec 02:00-03:00 Asia/Kolkata (IST)',
    );
    expect(decisions[2]).toMatchObject({
      operationId: operation.id,
      target: 'redis 7.0.15+deb12u10',
      message:
        'Started the patch upgrade from redis 7.0.15+deb12u7 to redis 7.0.15+deb12u10 in the window Sun 6 Dec 02:00-03:00 Asia/Kolkata (IST), 50 min before it closes',
    });
  });

  it('tells the owners the day before and the result after', async () => {
    const instance = await h.addInstance();
    await h.setPolicy(instance.id, SUNDAY_IST);

    h.clock.now = at('2026-12-04T20:29:00Z'); // 24 h and a minute before
    await h.job.run();
    expect(h.notifications.sent).toEqual([]);
    h.clock.now = at('2026-12-04T20:31:00Z');
    await h.job.run();
    await h.job.run();
    expect(h.notifications.sent).toHaveLength(1);
    expect(h.notifications.sent[0]).toMatchObject({
      recipients: { type: 'entity', entityRef: 'group:default/team-a' },
      payload: {
        title:
          'Redis sessions: patch upgrade to redis 7.0.15+deb12u10 planned Sun 6 Dec 02:00-03:00 Asia/Kolkata (IST)',
        link: '/catalog/default/resource/sessions/redis',
      },
    });
    expect(h.notifications.sent[0].payload.description).toContain(
      'It fixes CVE-',
    );

    h.clock.now = at('2026-12-05T20:31:00Z');
    await h.job.run();
    const [operation] = await h.operationsOf(instance.id);
    await h.finish(operation.id, 'succeeded');
    await h.job.run();
    await h.job.run();
    expect(h.notifications.titles()).toEqual([
      'Redis sessions: patch upgrade to redis 7.0.15+deb12u10 planned Sun 6 Dec 02:00-03:00 Asia/Kolkata (IST)',
      'Redis sessions: upgraded to redis 7.0.15+deb12u10',
    ]);
    expect((await summary(instance.id)).slice(-3)).toEqual([
      'started in-window',
      'succeeded upgrade-finished',
      'skipped no-patch-target',
    ]);
  });

  it('never tries the same target twice, even after it failed', async () => {
    const instance = await h.addInstance();
    await h.setPolicy(instance.id, SUNDAY_IST);
    h.clock.now = at('2026-12-05T20:35:00Z');
    await h.job.run();
    const [first] = await h.operationsOf(instance.id);
    await h.finish(first.id, 'failed');
    await h.job.run();
    expect(h.notifications.titles()).toContain(
      'Redis sessions: automatic upgrade to redis 7.0.15+deb12u10 failed',
    );

    h.clock.now = at('2026-12-12T20:35:00Z'); // the next Sunday's window
    await h.job.run();
    await h.job.run();
    expect(await h.operationsOf(instance.id)).toHaveLength(1);
    expect((await summary(instance.id)).slice(-2)).toEqual([
      'failed upgrade-finished',
      'skipped already-attempted',
    ]);
  });

  it('does not start with too little of the window left', async () => {
    const instance = await h.addInstance();
    await h.setPolicy(instance.id, SUNDAY_IST);
    h.clock.now = at('2026-12-05T21:16:00Z'); // 02:46 IST: 14 min left
    await h.job.run();
    expect(await h.operationsOf(instance.id)).toEqual([]);
    const [decision] = await h.decisionsOf(instance.id);
    expect(decision).toMatchObject({
      outcome: 'skipped',
      reason: 'too-little-time',
      message:
        'Only 14 min of the opening Sun 6 Dec 02:00-03:00 Asia/Kolkata (IST) are left; an automatic upgrade needs at least 15 min',
    });
    h.clock.now = at('2026-12-05T21:15:00Z'); // 15 min left: enough
    await h.job.run();
    expect(await h.operationsOf(instance.id)).toHaveLength(1);
  });

  it('skips a snoozed opening and a blackout date, and uses the next one', async () => {
    const instance = await h.addInstance();
    await h.setPolicy(instance.id, {
      ...SUNDAY_IST,
      blackoutDates: ['2026-12-13'],
    });
    h.clock.now = at('2026-12-01T00:00:00Z');
    const snoozed = await h.service.snooze(instance, {}, 'user:default/alice');
    expect(snoozed.nextOpenings.map(o => o.skipped)).toEqual([
      'snoozed',
      'blackout',
      undefined,
    ]);

    h.clock.now = at('2026-12-05T20:40:00Z');
    await h.job.run();
    h.clock.now = at('2026-12-12T20:40:00Z'); // 13 Dec in IST
    await h.job.run();
    expect(await h.operationsOf(instance.id)).toEqual([]);
    h.clock.now = at('2026-12-19T20:40:00Z');
    await h.job.run();
    expect(await h.operationsOf(instance.id)).toHaveLength(1);
    expect(await summary(instance.id)).toEqual([
      'skipped snoozed',
      'skipped blackout',
      'started in-window',
    ]);
  });

  it('logs a repeated skip once, and again once the situation changes', async () => {
    const instance = await h.addInstance();
    await h.setPolicy(instance.id, {
      mode: 'auto-patch',
      windows: ['Sun 02:00-03:00 UTC'],
    });
    h.clock.now = at('2026-12-01T10:00:00Z'); // Tuesday
    for (let minute = 0; minute < 5; minute++) {
      h.clock.now = new Date(h.clock.now.getTime() + 60_000);
      await h.job.run();
    }
    await h.addInstance({ id: 'i-2', name: 'other', status: 'updating' });
    await h.setPolicy('i-2', {
      mode: 'auto-patch',
      windows: ['Sun 02:00-03:00 UTC'],
    });
    h.clock.now = at('2026-12-06T02:00:00Z');
    await h.job.run();
    await h.job.run();
    expect(await summary(instance.id)).toEqual([
      'skipped outside-window',
      'started in-window',
    ]);
    expect(await summary('i-2')).toEqual(['skipped instance-busy']);
    expect((await h.decisionsOf('i-2'))[0].message).toBe(
      'other is updating; redis 7.0.15+deb12u10 waits until it is running and idle',
    );
  });

  it('does nothing for a manual policy', async () => {
    const instance = await h.addInstance();
    await h.setPolicy(instance.id, {
      mode: 'manual',
      windows: ['Sun 02:00-03:00 UTC'],
    });
    h.clock.now = at('2026-12-06T02:10:00Z');
    await h.job.run();
    expect(await h.operationsOf(instance.id)).toEqual([]);
    expect(await h.decisionsOf(instance.id)).toEqual([]);
  });
});

describe('the maintenance job never applies a minor or major upgrade', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

  it('leaves an instance whose only upgrades are minor and major alone', async () => {
    const h = await maintenanceHarness(databases, 'SQLITE_3', {
      platform: {
        engines: [
          { engine: 'redis', versions: ['7.0.15+deb12u10', '7.2.4', '8.0.1'] },
          { engine: 'valkey', versions: ['8.0.1'] },
        ],
      },
    });
    const instance = await h.addInstance({ version: '7.0.15+deb12u10' });
    const kinds = (await h.plan(instance)).candidates
      .filter(c => c.available && !c.blockedReason)
      .map(c => `${c.kind} ${c.engine} ${c.version}`);
    expect(kinds).toEqual(
      expect.arrayContaining(['minor redis 7.2.4', 'major redis 8.0.1']),
    );
    expect(kinds.filter(k => k.startsWith('patch'))).toEqual([]);

    await h.setPolicy(instance.id, {
      mode: 'auto-patch',
      windows: ['daily 00:00-00:00 UTC'],
    });
    h.clock.now = at('2026-12-06T02:10:00Z');
    await h.job.run();
    expect(await h.operationsOf(instance.id)).toEqual([]);
    expect(await h.decisionsOf(instance.id)).toMatchObject([
      {
        outcome: 'skipped',
        reason: 'no-patch-target',
        message:
          'No patch upgrade of redis 7.0.15+deb12u10 is available; minor and major upgrades are never automatic',
      },
    ]);
  });

  it('with security fixes only, skips a patch that fixes no advisory', async () => {
    const h = await maintenanceHarness(databases, 'SQLITE_3', {
      platform: {
        engines: [
          { engine: 'redis', versions: ['7.0.15+deb12u10', '7.0.15+deb12u11'] },
        ],
      },
    });
    const secure = await h.addInstance({
      id: 'i-secure',
      name: 'secure',
      version: '7.0.15+deb12u10',
    });
    const any = await h.addInstance({
      id: 'i-any',
      name: 'any',
      version: '7.0.15+deb12u10',
    });
    const [patch] = (await h.plan(secure)).candidates;
    expect(patch).toMatchObject({
      kind: 'patch',
      version: '7.0.15+deb12u11',
      fixes: [],
    });

    const windows = ['Sun 02:00-03:00 UTC'];
    await h.setPolicy(secure.id, {
      mode: 'auto-patch',
      securityOnly: true,
      windows,
    });
    await h.setPolicy(any.id, { mode: 'auto-patch', windows });
    h.clock.now = at('2026-12-06T02:10:00Z');
    await h.job.run();
    expect(await h.operationsOf(secure.id)).toEqual([]);
    expect(await h.operationsOf(any.id)).toHaveLength(1);
    expect((await h.decisionsOf(secure.id))[0].message).toBe(
      'No patch of redis 7.0.15+deb12u10 that fixes an advisory is available (security fixes only)',
    );
  });
});
