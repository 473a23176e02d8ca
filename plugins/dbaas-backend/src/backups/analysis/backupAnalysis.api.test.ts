import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BackupAnalysis } from '@justmanage/plugin-dbaas-common';
import { seedMixedKeyspace } from '../../bigkeys/__testUtils__/seedKeyspace';
import {
  ALICE,
  BOB,
  startDbaasTestBackend,
} from '../../__testUtils__/startDbaasTestBackend';

jest.setTimeout(120_000);

describe('GET /instances/{id}/backups/{backupId}/analysis', () => {
  let backend: Awaited<ReturnType<typeof startDbaasTestBackend>>;
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'dbaas-analysis-'));
  let instanceId = '';
  let backupId = '';
  let seeded = 0;

  const url = (suffix: string) => `/api/dbaas/instances/${instanceId}${suffix}`;

  beforeAll(async () => {
    backend = await startDbaasTestBackend({
      portRange: { start: 19765, end: 19779 },
      dbaas: {
        backups: {
          folder,
          encryptionKey: 'backup-key-for-tests-at-least-32-chars',
        },
      },
    });
    instanceId = await backend.createInstance({ name: 'an-alice' });
    const client = await backend.appClient(instanceId);
    seeded = await seedMixedKeyspace(client);
    await client.set('ttl:soon', 'x', 'EX', 600);
    seeded += 1;
    const res = await backend.api.post(url('/backups')).set(backend.as(ALICE));
    const done = await backend.waitForOperation(res.body.operation.id);
    if (done.status !== 'succeeded') {
      throw new Error(`The backup ended ${done.status}: ${done.error}`);
    }
    backupId = res.body.backup.id;
    // Gone since the backup: the report must still list it, from the file.
    await client.select(1);
    await client.del('big:string:1');
    client.disconnect();
  });

  afterAll(async () => {
    await backend?.stop();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('reports every key of the backup, sizes of the live server for the top keys', async () => {
    const res = await backend.api
      .get(url(`/backups/${backupId}/analysis?topN=5`))
      .set(backend.as(BOB));
    expect(res.status).toBe(200);
    const report: BackupAnalysis = res.body;
    expect(report).toMatchObject({
      backupId,
      instanceId,
      rdbVersion: 10,
      engineVersion: '7.0.15',
      topN: 5,
      separator: ':',
      keys: seeded,
      databases: [
        { db: 0, keys: expect.any(Number) },
        { db: 1, keys: expect.any(Number) },
      ],
    });
    expect(report.topByMemory).toHaveLength(5);
    for (const key of report.topByMemory) {
      expect(key.memoryBytes).toBeGreaterThan(key.serializedBytes / 2);
    }
    // The biggest string was deleted after the backup: still reported,
    // with its size in the file and no size on the live server.
    const strings = report.types.find(t => t.type === 'string')!;
    expect(strings.biggest).toMatchObject({
      db: 1,
      key: 'big:string:1',
      elements: 40_123,
    });
    expect(strings.biggest.memoryBytes).toBeUndefined();
    expect(report.memoryUsageAsked).toBeLessThan(100);
    expect(report.expiry.find(b => b.label === 'within 1 hour')!.keys).toBe(1);
    expect(report.patterns.map(p => p.pattern)).toContain('cache:*');
  });

  it('answers a bad request with a 400 naming the field, and an unknown backup with 404', async () => {
    const get = (suffix: string) =>
      backend.api.get(url(suffix)).set(backend.as(ALICE));
    const bad = await get(`/backups/${backupId}/analysis?topN=0`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/topN/);
    const long = await get(`/backups/${backupId}/analysis?separator=123456789`);
    expect(long.status).toBe(400);
    expect(long.body.error.message).toMatch(/separator/);
    const missing = await get('/backups/no-such-backup/analysis');
    expect(missing.status).toBe(404);
    expect(missing.body.error.message).toBe(
      'Instance an-alice has no backup no-such-backup',
    );
  });

  it('refuses a damaged backup with its reason', async () => {
    const file = path.join(folder, instanceId, backupId, 'data.rdb.enc');
    const bytes = fs.readFileSync(file);
    bytes[Math.floor(bytes.length / 2)] ^= 0x01;
    fs.writeFileSync(file, bytes);
    const res = await backend.api
      .get(url(`/backups/${backupId}/analysis`))
      .set(backend.as(ALICE));
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe(
      `backupId: backup ${backupId} is damaged (the SHA-256 of its data is not the one recorded when it was taken); nothing was changed`,
    );
  });
});
