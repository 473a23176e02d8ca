import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  ALICE,
  BOB,
  startDbaasTestBackend,
} from '../__testUtils__/startDbaasTestBackend';

jest.setTimeout(120_000);

describe('backup requests: who may make them and what is refused', () => {
  let backend: Awaited<ReturnType<typeof startDbaasTestBackend>>;
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'dbaas-backups-'));
  let instanceId = '';
  let backupId = '';

  const url = (suffix = '') => `/api/dbaas/instances/${instanceId}${suffix}`;

  beforeAll(async () => {
    backend = await startDbaasTestBackend({
      portRange: { start: 19650, end: 19699 },
      dbaas: {
        backups: {
          folder,
          encryptionKey: 'backup-key-for-tests-at-least-32-chars',
        },
      },
    });
    instanceId = await backend.createInstance({ name: 'bk-alice' });
    const res = await backend.api.post(url('/backups')).set(backend.as(ALICE));
    const done = await backend.waitForOperation(res.body.operation.id);
    if (done.status !== 'succeeded') {
      throw new Error(`The first backup ended ${done.status}: ${done.error}`);
    }
    backupId = res.body.backup.id;
  });

  afterAll(async () => {
    await backend?.stop();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  async function backupIds() {
    const res = await backend.api.get(url('/backups')).set(backend.as(ALICE));
    return res.body.items.map((b: { id: string }) => b.id);
  }

  it('lets only owners back up, delete, restore (in place too) and set the policy; others may look', async () => {
    const asBob = backend.as(BOB);
    const refused = [
      await backend.api.post(url('/backups')).set(asBob),
      await backend.api.delete(url(`/backups/${backupId}`)).set(asBob),
      await backend.api
        .post(url(`/backups/${backupId}/restore`))
        .set(asBob)
        .send({ name: 'bk-bob', owner: 'group:default/team-b' }),
      await backend.api
        .post(url(`/backups/${backupId}/restore-in-place`))
        .set(asBob)
        .send({ confirm: 'bk-alice' }),
      await backend.api
        .put(url('/backup-policy'))
        .set(asBob)
        .send({
          enabled: false,
          schedule: { everyHours: 1 },
          retention: { count: 1, maxAgeDays: 1 },
        }),
    ];
    expect(refused.map(r => [r.status, r.body.error?.name])).toEqual(
      Array(5).fill([403, 'NotAllowedError']),
    );
    expect(refused[0].body.error.message).toBe(
      'Not allowed: dbaas.instance.backup on instance bk-alice',
    );
    expect(refused[2].body.error.message).toBe(
      'Not allowed: dbaas.instance.backup.restore on instance bk-alice',
    );
    expect(refused[3].body.error.message).toBe(
      'Not allowed: dbaas.instance.backup.restore on instance bk-alice',
    );
    expect(
      (await backend.api.get(url('/backups')).set(asBob)).body.items,
    ).toHaveLength(1);
    expect(
      (await backend.api.get(url('/backup-policy')).set(asBob)).body,
    ).toMatchObject({ isDefault: true, policy: { enabled: true } });
    expect(await backupIds()).toEqual([backupId]);
    expect(
      (
        await backend.api
          .get('/api/dbaas/instances?name=bk-bob')
          .set(backend.as(ALICE))
      ).body.items,
    ).toEqual([]);
  });

  it('refuses a restore for an owner the caller does not belong to', async () => {
    const res = await backend.api
      .post(url(`/backups/${backupId}/restore`))
      .set(backend.as(ALICE))
      .send({ name: 'bk-elsewhere', owner: 'group:default/team-b' });
    expect(res.status).toBe(403);
    expect(res.body.error.message).toMatch(/^owner: /);
  });

  it('answers bad restore requests with a 400 naming the field, and creates nothing', async () => {
    const restore = (body: unknown) =>
      backend.api
        .post(url(`/backups/${backupId}/restore`))
        .set(backend.as(ALICE))
        .send(body as object);
    const cases: Array<[unknown, RegExp]> = [
      [{}, /name/],
      [{ name: 'Bad_Name' }, /^name: must be 1 to 40 characters/],
      [
        { name: 'bk-x', colour: 'red' },
        /^colour: not a field of a restore; give name, owner/,
      ],
      [{ name: 'bk-x', version: 'latest' }, /version/],
      [{ name: 'bk-x', engine: 'memcached' }, /engine/],
      [{ name: 'bk-x', version: '7.0.99' }, /7\.0\.99/],
      [{ name: 'bk-alice' }, /already exists/],
    ];
    for (const [body, message] of cases) {
      const res = await restore(body);
      expect([JSON.stringify(body), res.status]).toEqual([
        JSON.stringify(body),
        body && (body as { name?: string }).name === 'bk-alice' ? 409 : 400,
      ]);
      expect(res.body.error.message).toMatch(message);
    }
    const unknown = await backend.api
      .post(url('/backups/no-such-backup/restore'))
      .set(backend.as(ALICE))
      .send({ name: 'bk-x' });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toBe(
      'Instance bk-alice has no backup no-such-backup',
    );
    const all = await backend.api
      .get('/api/dbaas/instances')
      .set(backend.as(ALICE));
    expect(all.body.items.map((i: { name: string }) => i.name)).toEqual([
      'bk-alice',
    ]);
  });

  it('answers bad policies with a 400 naming the field and the rule, and keeps the policy', async () => {
    const put = (body: unknown) =>
      backend.api
        .put(url('/backup-policy'))
        .set(backend.as(ALICE))
        .send(body as object);
    const retention = { count: 3, maxAgeDays: 7 };
    const cases: Array<[unknown, RegExp]> = [
      [
        { enabled: true, schedule: {}, retention },
        /^schedule: give exactly one of everyHours and dailyAt$/,
      ],
      [
        { enabled: true, schedule: { dailyAt: '25:00' }, retention },
        /^schedule.dailyAt: must be a time HH:MM on the 24-hour clock, got '25:00'$/,
      ],
      [
        {
          enabled: true,
          schedule: { dailyAt: '02:00', timeZone: 'Mars/Olympus' },
          retention,
        },
        /^schedule.timeZone: 'Mars\/Olympus' is not an IANA time zone/,
      ],
      [{ enabled: true, schedule: { everyHours: 0 }, retention }, /everyHours/],
      [
        {
          enabled: true,
          schedule: { everyHours: 2 },
          retention: { count: 0, maxAgeDays: 7 },
        },
        /count/,
      ],
      [{ enabled: 'yes', schedule: { everyHours: 2 }, retention }, /enabled/],
      [
        { enabled: true, schedule: { everyHours: 2, at: '01:00' }, retention },
        /^schedule.at: not a field of a backup schedule, which has everyHours, dailyAt, timeZone$/,
      ],
    ];
    for (const [body, message] of cases) {
      const res = await put(body);
      expect([JSON.stringify(body), res.status]).toEqual([
        JSON.stringify(body),
        400,
      ]);
      expect(res.body.error.message).toMatch(message);
    }
    const view = await backend.api
      .get(url('/backup-policy'))
      .set(backend.as(ALICE));
    expect(view.body).toMatchObject({
      isDefault: true,
      policy: { enabled: true, schedule: { everyHours: 24 } },
    });
  });

  it('refuses to delete an unknown backup, and keeps the others', async () => {
    const res = await backend.api
      .delete(url('/backups/no-such-backup'))
      .set(backend.as(ALICE));
    expect(res.status).toBe(404);
    expect(await backupIds()).toEqual([backupId]);
  });
});
