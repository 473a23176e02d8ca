import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import { TestS3 } from '@justmanage/integration-tests/src/platforms/s3';
import {
  ALICE,
  startDbaasTestBackend,
} from '../__testUtils__/startDbaasTestBackend';
import { capturedLogs } from './__testUtils__/capturedLogs';
import {
  expectSameData,
  KeyState,
  readAll,
  writeDataset,
} from './__testUtils__/keyspace';

jest.setTimeout(240_000);

const ENCRYPTION_KEY = 'backup-key-for-the-s3-acceptance-test-0123';
const KEY_ID = 'justmanage-backups';
const S3_SECRET = 's3-secret-access-key-for-the-acceptance-test';
const BUCKET = 'jm-backups';
const STORE = `s3://${BUCKET}/acceptance/`;

describe('backups in an S3-compatible store', () => {
  const s3 = new TestS3({
    accessKeyId: KEY_ID,
    secretAccessKey: S3_SECRET,
    buckets: [BUCKET],
  });
  const logs = capturedLogs();
  let backend: Awaited<ReturnType<typeof startDbaasTestBackend>>;
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

  const objectKey = (instanceId: string, backupId: string, part: string) =>
    `acceptance/${instanceId}/${backupId}/${part}`;

  beforeAll(async () => {
    await s3.start(19699);
    backend = await startDbaasTestBackend({
      portRange: { start: 19650, end: 19689 },
      features: logs.features,
      dbaas: {
        backups: {
          encryptionKey: ENCRYPTION_KEY,
          s3: {
            bucket: BUCKET,
            prefix: 'acceptance',
            region: 'eu-central-1',
            endpoint: s3.url,
            forcePathStyle: true,
            credentials: { accessKeyId: KEY_ID, secretAccessKey: S3_SECRET },
            partSizeMiB: 5,
          },
        },
      },
    });
  });

  afterAll(async () => {
    for (const c of clients) c.disconnect();
    await backend?.stop();
    await s3.stop();
  });

  let sourceId = '';
  let backupId = '';
  let before: { db0: Map<string, KeyState>; db1: Map<string, KeyState> };

  it('backs up to the bucket in a multipart upload and restores into valkey 8.0.1 with every key, value and TTL equal', async () => {
    sourceId = await backend.createInstance({ name: 's3-source' });
    const db0 = await client(sourceId, 0);
    await writeDataset(db0, await client(sourceId, 1));
    // Random values do not compress: the RDB passes 5 MiB, one part.
    for (let i = 0; i < 60; i++) {
      await db0.set(`big:${i}`, randomBytes(100 * 1024));
    }
    before = {
      db0: await readAll(db0),
      db1: await readAll(await client(sourceId, 1)),
    };

    const taken = await backUp(sourceId);
    backupId = taken.backupId;
    expect([taken.operation.status, taken.operation.error]).toEqual([
      'succeeded',
      undefined,
    ]);
    const dataKey = objectKey(sourceId, backupId, 'data.rdb.enc');
    expect([...s3.buckets.bucket(BUCKET).keys()].sort()).toEqual([
      dataKey,
      objectKey(sourceId, backupId, 'meta.json.enc'),
    ]);
    const stored = s3.buckets.get(BUCKET, dataKey);
    expect(stored.body.length).toBeGreaterThan(5 * 1024 * 1024);
    // An ETag of <md5>-<parts> is what S3 gives an object made of parts.
    expect(stored.etag).toMatch(/^"[0-9a-f]{32}-2"$/);
    expect(s3.requests.filter(r => r.path === `/${BUCKET}/${dataKey}`)).toEqual(
      [
        { method: 'POST', path: `/${BUCKET}/${dataKey}`, status: 200 },
        { method: 'PUT', path: `/${BUCKET}/${dataKey}`, status: 200 },
        { method: 'PUT', path: `/${BUCKET}/${dataKey}`, status: 200 },
        { method: 'POST', path: `/${BUCKET}/${dataKey}`, status: 200 },
      ],
    );
    expect(stored.body.includes(Buffer.from('REDIS'))).toBe(false);
    expect(stored.body.includes(Buffer.from('value-1'))).toBe(false);

    const res = await restore(sourceId, backupId, {
      name: 's3-on-valkey',
      engine: 'valkey',
      version: '8.0.1',
    });
    expect(res.status).toBe(202);
    const done = await backend.waitForOperation(
      res.body.operation.id,
      ALICE,
      90_000,
    );
    expect([done.status, done.error]).toEqual(['succeeded', undefined]);
    const restoredId = res.body.instance.id;
    expect(await (await client(restoredId)).info('server')).toMatch(
      /valkey_version:8\.0\.1/,
    );
    expectSameData(before.db0, await readAll(await client(restoredId, 0)));
    expectSameData(before.db1, await readAll(await client(restoredId, 1)));
  });

  it('refuses an object in the bucket with one byte flipped or truncated before anything changes', async () => {
    const dataKey = objectKey(sourceId, backupId, 'data.rdb.enc');
    const original = s3.buckets.get(BUCKET, dataKey).body;
    const folders = backend.instanceFolders().length;
    const damaged = [
      Buffer.from(original).fill(original[4096] ^ 0x01, 4096, 4097),
      original.subarray(0, original.length - 1),
    ];
    try {
      for (const bytes of damaged) {
        s3.buckets.put(BUCKET, dataKey, bytes);
        const res = await restore(sourceId, backupId, { name: 's3-damaged' });
        expect(res.status).toBe(400);
        expect(res.body.error.message).toBe(
          `backupId: backup ${backupId} is damaged (the SHA-256 of its data is not the one recorded when it was taken); nothing was changed`,
        );
        expect(await instanceNamed('s3-damaged')).toEqual([]);
        expect(backend.instanceFolders().length).toBe(folders);
      }
    } finally {
      s3.buckets.put(BUCKET, dataKey, original);
    }
  });

  it('names the store and S3’s reason when S3 refuses the credentials, for a backup and for a restore', async () => {
    s3.setSecret(KEY_ID, 'rotated-by-the-bucket-owner');
    try {
      const failed = await backUp(sourceId);
      expect(failed.operation.status).toBe('failed');
      expect(failed.operation.error).toMatch(
        /S3 backup store s3:\/\/jm-backups\/acceptance\/ could not write [0-9a-f-]+\/[0-9a-f-]+\/data\.rdb\.enc: SignatureDoesNotMatch: The request signature we calculated does not match the signature you provided/,
      );
      const list = await backend.api
        .get(`/api/dbaas/instances/${sourceId}/backups`)
        .set(backend.as(ALICE));
      expect(list.body.items[0]).toMatchObject({
        id: failed.backupId,
        status: 'failed',
      });

      const folders = backend.instanceFolders().length;
      const res = await restore(sourceId, backupId, { name: 's3-refused' });
      expect(res.status).toBe(503);
      expect(res.body.error.message).toBe(
        `S3 backup store ${STORE} could not read ${sourceId}/${backupId}/data.rdb.enc: SignatureDoesNotMatch: The request signature we calculated does not match the signature you provided. Check your key and signing method.`,
      );
      expect(await instanceNamed('s3-refused')).toEqual([]);
      expect(backend.instanceFolders().length).toBe(folders);
    } finally {
      s3.setSecret(KEY_ID, S3_SECRET);
    }
  });

  it('deletes a backup’s objects from the bucket', async () => {
    const res = await backend.api
      .delete(`/api/dbaas/instances/${sourceId}/backups/${backupId}`)
      .set(backend.as(ALICE));
    expect(res.status).toBe(204);
    expect(
      [...s3.buckets.bucket(BUCKET).keys()].filter(k =>
        k.startsWith(`acceptance/${sourceId}/${backupId}/`),
      ),
    ).toEqual([]);
  });

  it('logs neither the encryption key nor the S3 secret key', () => {
    const text = logs.text();
    expect(text).toMatch(/SignatureDoesNotMatch/);
    expect(text).not.toContain(ENCRYPTION_KEY);
    expect(text).not.toContain(S3_SECRET);
    expect(text).not.toContain('rotated-by-the-bucket-owner');
  });
});
