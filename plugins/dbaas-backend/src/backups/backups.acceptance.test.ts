import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Redis from 'ioredis';
import {
  ALICE,
  BOB,
  startDbaasTestBackend,
} from '../__testUtils__/startDbaasTestBackend';
import { notificationsBackendFeatures } from '../alerts/__testUtils__/notificationsBackend';
import {
  expectSameData,
  KeyState,
  readAll,
  writeDataset,
} from './__testUtils__/keyspace';

jest.setTimeout(240_000);

const ENCRYPTION_KEY = 'backup-key-for-tests-at-least-32-chars';

/**
 * A client writing w:<i> in a loop through fresh connections whenever one
 * fails (a held user cannot log in until it is let in again).
 */
function startWriter(connect: () => Promise<Redis>) {
  let running = true;
  let refused = 0;
  const acknowledgedAt: number[] = [];
  const done = (async () => {
    let current: Redis | undefined;
    for (let i = 0; running; i++) {
      try {
        current ??= await connect();
        await current.set(`w:${i}`, String(i));
        acknowledgedAt.push(Date.now());
      } catch {
        refused++;
        current?.disconnect();
        current = undefined;
        await new Promise(r => setTimeout(r, 20));
      }
    }
    current?.disconnect();
  })();
  return {
    refused: () => refused,
    /** Resolves once a write made after `since` was acknowledged. */
    async acknowledgedAfter(since: number) {
      const deadline = Date.now() + 30_000;
      while (!acknowledgedAt.some(t => t > since)) {
        if (Date.now() > deadline) throw new Error('No write acknowledged');
        await new Promise(r => setTimeout(r, 20));
      }
    },
    async stop() {
      running = false;
      await done;
    },
  };
}

describe('backups and restore into a new instance', () => {
  let backend: Awaited<ReturnType<typeof startDbaasTestBackend>>;
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'dbaas-backups-'));
  const clients: Redis[] = [];

  async function client(instanceId: string, db = 0) {
    const c = await backend.appClient(instanceId, { db });
    c.on('error', () => undefined);
    clients.push(c);
    return c;
  }

  async function backUp(instanceId: string) {
    const res = await backend.api
      .post(`/api/dbaas/instances/${instanceId}/backups`)
      .set(backend.as(ALICE));
    expect(res.status).toBe(202);
    const done = await backend.waitForOperation(
      res.body.operation.id,
      ALICE,
      60_000,
    );
    expect([done.status, done.error]).toEqual(['succeeded', undefined]);
    return { backupId: res.body.backup.id as string, operation: done };
  }

  function restore(instanceId: string, backupId: string, body: object) {
    return backend.api
      .post(`/api/dbaas/instances/${instanceId}/backups/${backupId}/restore`)
      .set(backend.as(ALICE))
      .send(body);
  }

  async function instanceNamed(name: string) {
    const res = await backend.api
      .get(`/api/dbaas/instances?name=${name}`)
      .set(backend.as(ALICE));
    return res.body.items;
  }

  beforeAll(async () => {
    backend = await startDbaasTestBackend({
      portRange: { start: 19600, end: 19649 },
      dbaas: { backups: { folder, encryptionKey: ENCRYPTION_KEY } },
      features: notificationsBackendFeatures(),
      config: { app: { baseUrl: 'http://localhost:3000' } },
    });
  });

  afterAll(async () => {
    for (const c of clients) c.disconnect();
    await backend?.stop();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  let sourceId = '';
  let backupId = '';
  let before: { db0: Map<string, KeyState>; db1: Map<string, KeyState> };

  it('backs up redis 7.0.15 and restores it into valkey 8.0.1 with every key, value and TTL equal', async () => {
    sourceId = await backend.createInstance({ name: 'bk-source' });
    await writeDataset(await client(sourceId, 0), await client(sourceId, 1));
    before = {
      db0: await readAll(await client(sourceId, 0)),
      db1: await readAll(await client(sourceId, 1)),
    };
    expect(before.db0.size).toBe(200 + 1 + 5 + 20);

    const taken = await backUp(sourceId);
    backupId = taken.backupId;
    expect(taken.operation.steps.map((s: { name: string }) => s.name)).toEqual([
      'save',
      'store',
      'finish',
    ]);
    expect(taken.operation.progress).toMatchObject({ unit: 'bytes' });
    expect(taken.operation.progress.done).toBeGreaterThan(0);

    const list = await backend.api
      .get(`/api/dbaas/instances/${sourceId}/backups`)
      .set(backend.as(ALICE));
    expect(list.status).toBe(200);
    expect(list.body.items).toEqual([
      expect.objectContaining({
        id: backupId,
        status: 'complete',
        trigger: 'manual',
        ageSeconds: expect.any(Number),
        sizeBytes: expect.any(Number),
        storedBytes: expect.any(Number),
        manifest: expect.objectContaining({
          engine: 'redis',
          rdbVersion: 10,
          nodeRole: 'primary',
          keyspace: {
            '0': { keys: 226, expires: 20 },
            '1': { keys: 6, expires: 0 },
          },
          users: ['app'],
        }),
      }),
    ]);
    // Neither the RDB nor a value is in the store in clear.
    const stored = fs.readFileSync(
      path.join(folder, sourceId, backupId, 'data.rdb.enc'),
    );
    expect(stored.includes(Buffer.from('REDIS'))).toBe(false);
    expect(stored.includes(Buffer.from('value-1'))).toBe(false);

    const res = await restore(sourceId, backupId, {
      name: 'bk-on-valkey',
      engine: 'valkey',
      version: '8.0.1',
    });
    expect(res.status).toBe(202);
    expect(res.body.operation.type).toBe('restore');
    const done = await backend.waitForOperation(
      res.body.operation.id,
      ALICE,
      90_000,
    );
    expect([done.status, done.error]).toEqual(['succeeded', undefined]);
    expect(done.log.map((l: { message: string }) => l.message)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/matches its checksums/),
        expect.stringMatching(
          /Key counts of every database and all \d+ sampled values equal/,
        ),
      ]),
    );
    const restoredId = res.body.instance.id;
    const restored = await backend.api
      .get(`/api/dbaas/instances/${restoredId}`)
      .set(backend.as(ALICE));
    expect(restored.body).toMatchObject({
      name: 'bk-on-valkey',
      engine: 'valkey',
      version: '8.0.1',
      status: 'running',
      owner: 'group:default/team-a',
    });
    const server = await (await client(restoredId)).info('server');
    expect(server).toMatch(/valkey_version:8\.0\.1/);
    expectSameData(before.db0, await readAll(await client(restoredId, 0)));
    expectSameData(before.db1, await readAll(await client(restoredId, 1)));
  });

  it('refuses up front a target that cannot read the backup’s RDB format (valkey 8.0.1 into redis 7.0.15)', async () => {
    const valkeyId = await backend.createInstance({
      name: 'bk-valkey',
      engine: 'valkey',
      version: '8.0.1',
    });
    await (await client(valkeyId)).set('k', 'v');
    const { backupId: valkeyBackup } = await backUp(valkeyId);
    const folders = backend.instanceFolders().length;
    const res = await restore(valkeyId, valkeyBackup, {
      name: 'bk-down',
      engine: 'redis',
      version: '7.0.15',
    });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(
      new RegExp(
        `^version: redis 7\\.0\\.15 reads RDB format up to version 10, but backup ${valkeyBackup} \\(valkey 8\\.0\\.1[^)]*\\) is RDB format version 11; pick a version that reads it$`,
      ),
    );
    expect(await instanceNamed('bk-down')).toEqual([]);
    expect(backend.instanceFolders().length).toBe(folders);
  });

  it('refuses a backup with one byte flipped or truncated before anything changes', async () => {
    const file = path.join(folder, sourceId, backupId, 'data.rdb.enc');
    const original = fs.readFileSync(file);
    const folders = backend.instanceFolders().length;
    const damaged = [
      Buffer.from(original).fill(original[100] ^ 0x01, 100, 101),
      original.subarray(0, original.length - 1),
    ];
    try {
      for (const bytes of damaged) {
        fs.writeFileSync(file, bytes);
        const res = await restore(sourceId, backupId, { name: 'bk-damaged' });
        expect(res.status).toBe(400);
        expect(res.body.error.message).toBe(
          `backupId: backup ${backupId} is damaged (the SHA-256 of its data is not the one recorded when it was taken); nothing was changed`,
        );
        expect(await instanceNamed('bk-damaged')).toEqual([]);
        expect(backend.instanceFolders().length).toBe(folders);
      }
    } finally {
      fs.writeFileSync(file, original);
    }
  });

  it('takes the backup from a replica when there is one, and keeps it in the primary’s data', async () => {
    const replicatedId = await backend.createInstance({
      name: 'bk-replicated',
      replicas: 1,
    });
    const primary = await client(replicatedId);
    await primary.set('written', 'on the primary');
    await primary.call('WAIT', 1, 5000);
    const { backupId: id, operation } = await backUp(replicatedId);
    expect(operation.log.map((l: { message: string }) => l.message)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Saved 1 keys on replica /),
      ]),
    );
    const list = await backend.api
      .get(`/api/dbaas/instances/${replicatedId}/backups`)
      .set(backend.as(ALICE));
    expect(list.body.items[0]).toMatchObject({
      id,
      manifest: { nodeRole: 'replica', keyspace: { '0': { keys: 1 } } },
    });
  });

  it('backs up on the policy’s schedule from the scheduled task, and deletes a backup with its files', async () => {
    const policy = await backend.api
      .put(`/api/dbaas/instances/${sourceId}/backup-policy`)
      .set(backend.as(ALICE))
      .send({
        enabled: true,
        schedule: { dailyAt: '03:30', timeZone: 'Europe/Berlin' },
        retention: { count: 3, maxAgeDays: 7 },
      });
    expect(policy.status).toBe(200);
    expect(policy.body).toMatchObject({
      isDefault: false,
      policy: { schedule: { dailyAt: '03:30', timeZone: 'Europe/Berlin' } },
      lastBackupAt: expect.any(String),
      nextBackupAt: expect.any(String),
    });
    // Backed up a minute ago, next at 03:30 Berlin time: not due, nothing starts.
    await backend.triggerTask('dbaas-backups');
    const unchanged = await backend.api
      .get(`/api/dbaas/instances/${sourceId}/backups`)
      .set(backend.as(ALICE));
    expect(unchanged.body.items).toHaveLength(1);

    // Every hour counts from the last backup: due once an hour has passed,
    // which the test makes true by removing the only backup.
    await backend.api
      .put(`/api/dbaas/instances/${sourceId}/backup-policy`)
      .set(backend.as(ALICE))
      .send({
        enabled: true,
        schedule: { everyHours: 1 },
        retention: { count: 3, maxAgeDays: 7 },
      });
    const removed = await backend.api
      .delete(`/api/dbaas/instances/${sourceId}/backups/${backupId}`)
      .set(backend.as(ALICE));
    expect(removed.status).toBe(204);
    expect(fs.existsSync(path.join(folder, sourceId, backupId))).toBe(false);
    await backend.triggerTask('dbaas-backups');
    const scheduled = await backend.api
      .get(`/api/dbaas/instances/${sourceId}/backups`)
      .set(backend.as(ALICE));
    expect(scheduled.body.items).toEqual([
      expect.objectContaining({ trigger: 'policy' }),
    ]);
    const done = await backend.waitForOperation(
      scheduled.body.items[0].operationId,
      ALICE,
      60_000,
    );
    expect(done.status).toBe('succeeded');
    const view = await backend.api
      .get(`/api/dbaas/instances/${sourceId}/backup-policy`)
      .set(backend.as(ALICE));
    expect(Date.parse(view.body.nextBackupAt)).toBe(
      Date.parse(scheduled.body.items[0].createdAt) + 3_600_000,
    );
  });

  it('restores in place after the typed name, with a safety backup of the data it replaces', async () => {
    const id = await backend.createInstance({ name: 'bk-inplace' });
    await writeDataset(await client(id, 0), await client(id, 1));
    const saved = {
      db0: await readAll(await client(id, 0)),
      db1: await readAll(await client(id, 1)),
    };
    const { backupId: taken } = await backUp(id);
    const writer = await client(id, 0);
    await writer.set('s:0', 'changed after the backup');
    await writer.del('h:1');
    await writer.set('new:key', 'written after the backup');
    await (await client(id, 1)).flushdb();

    const url = `/api/dbaas/instances/${id}/backups/${taken}/restore-in-place`;
    const unconfirmed = await backend.api
      .post(url)
      .set(backend.as(ALICE))
      .send({ confirm: 'bk-source' });
    expect(unconfirmed.status).toBe(400);
    expect(unconfirmed.body.error.message).toMatch(
      new RegExp(
        `^confirm: type the instance's name, bk-inplace, to replace its data with backup ${taken}; writes made since .* are lost$`,
      ),
    );
    expect(await writer.get('s:0')).toBe('changed after the backup');

    // A client writing into database 2, which the backup does not have,
    // throughout: a write that landed before verification would fail it.
    const writer2 = startWriter(() => backend.appClient(id, { db: 2 }));
    await writer2.acknowledgedAfter(0);
    const res = await backend.api
      .post(url)
      .set(backend.as(ALICE))
      .send({ confirm: 'bk-inplace' });
    expect(res.status).toBe(202);
    expect(res.body.instance.status).toBe('updating');
    const done = await backend.waitForOperation(
      res.body.operation.id,
      ALICE,
      90_000,
    );
    expect([done.status, done.error]).toEqual(['succeeded', undefined]);
    // The application user is let in again once the data is verified.
    await writer2.acknowledgedAfter(Date.now());
    await writer2.stop();
    expect(writer2.refused()).toBeGreaterThan(0);
    expect(done.steps.map((s: { name: string }) => s.name)).toEqual([
      'safety-backup',
      'check',
      'load',
      'wait-ready',
      'verify',
      'finalize',
    ]);
    expectSameData(saved.db0, await readAll(await client(id, 0)));
    expectSameData(saved.db1, await readAll(await client(id, 1)));

    const list = await backend.api
      .get(`/api/dbaas/instances/${id}/backups`)
      .set(backend.as(ALICE));
    expect(list.body.items).toEqual([
      expect.objectContaining({
        trigger: 'safety',
        status: 'complete',
        manifest: expect.objectContaining({
          keyspace: {
            '0': { keys: 226, expires: 20 },
            '2': { keys: expect.any(Number), expires: 0 },
          },
        }),
      }),
      expect.objectContaining({ id: taken, trigger: 'manual' }),
    ]);
    const instance = await backend.api
      .get(`/api/dbaas/instances/${id}`)
      .set(backend.as(ALICE));
    expect(instance.body.status).toBe('running');
  });

  it('records a failed backup with its error, removes what it wrote and tells the owner', async () => {
    const id = await backend.createInstance({ name: 'bk-fails' });
    await (await client(id)).set('k', 'v');
    // The store cannot make the instance's folder where a file stands.
    const blocker = path.join(folder, id);
    fs.writeFileSync(blocker, 'not a folder');
    const res = await backend.api
      .post(`/api/dbaas/instances/${id}/backups`)
      .set(backend.as(ALICE));
    expect(res.status).toBe(202);
    const done = await backend.waitForOperation(
      res.body.operation.id,
      ALICE,
      60_000,
    );
    expect(done.status).toBe('failed');
    expect(done.error).toMatch(/ENOTDIR/);
    const list = await backend.api
      .get(`/api/dbaas/instances/${id}/backups`)
      .set(backend.as(ALICE));
    expect(list.body.items).toEqual([
      expect.objectContaining({
        id: res.body.backup.id,
        status: 'failed',
        error: done.error,
      }),
    ]);
    // The platform's copy of the saved file went with it.
    const snapshots = path.join(backend.dataDir, id, 'snapshots');
    expect(fs.existsSync(snapshots) ? fs.readdirSync(snapshots) : []).toEqual(
      [],
    );
    const notifications = await backend.api
      .get('/api/notifications/notifications')
      .set(backend.as(ALICE));
    expect(notifications.body.notifications).toEqual([
      expect.objectContaining({
        payload: expect.objectContaining({
          title: 'Redis bk-fails: a backup failed',
          severity: 'high',
          description: expect.stringContaining(res.body.backup.id),
        }),
      }),
    ]);
    const bob = await backend.api
      .get('/api/notifications/notifications')
      .set(backend.as(BOB));
    expect(bob.body.notifications).toEqual([]);

    fs.rmSync(blocker);
    await backUp(id);
  });

  it('keeps a deleted instance’s backups listable, restorable and deletable by its owners', async () => {
    const id = await backend.createInstance({ name: 'bk-deleted' });
    await writeDataset(await client(id, 0), await client(id, 1));
    const saved = await readAll(await client(id, 0));
    const { backupId: kept } = await backUp(id);
    const removal = await backend.api
      .delete(`/api/dbaas/instances/${id}`)
      .set(backend.as(ALICE));
    expect(removal.status).toBe(202);
    await backend.waitForOperation(removal.body.operation.id);
    expect(await instanceNamed('bk-deleted')).toEqual([]);

    const list = await backend.api
      .get(`/api/dbaas/instances/${id}/backups`)
      .set(backend.as(ALICE));
    expect(list.status).toBe(200);
    expect(list.body.items).toEqual([
      expect.objectContaining({ id: kept, instanceName: 'bk-deleted' }),
    ]);
    const bob = await backend.api
      .post(`/api/dbaas/instances/${id}/backups/${kept}/restore`)
      .set(backend.as(BOB))
      .send({ name: 'bk-bobs', owner: 'group:default/team-b' });
    expect(bob.status).toBe(403);

    const res = await restore(id, kept, { name: 'bk-undeleted' });
    expect(res.status).toBe(202);
    expect(res.body.instance).toMatchObject({
      owner: 'group:default/team-a',
      engine: 'redis',
      platform: 'local',
      persistence: 'rdb',
    });
    const done = await backend.waitForOperation(
      res.body.operation.id,
      ALICE,
      90_000,
    );
    expect([done.status, done.error]).toEqual(['succeeded', undefined]);
    expectSameData(saved, await readAll(await client(res.body.instance.id)));

    const removed = await backend.api
      .delete(`/api/dbaas/instances/${id}/backups/${kept}`)
      .set(backend.as(ALICE));
    expect(removed.status).toBe(204);
    // With its last backup gone, the deleted instance is unknown again.
    const gone = await backend.api
      .get(`/api/dbaas/instances/${id}/backups`)
      .set(backend.as(ALICE));
    expect(gone.status).toBe(404);
  });
});
