import { createHash, randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { TestS3 } from '@justmanage/integration-tests/src/platforms/s3';
import { S3BackupStore } from './S3BackupStore';
import { S3StoreSettings } from './s3StoreSettings';

const MIB = 1024 * 1024;
const KEY_ID = 'backup-writer';
const SECRET = 'test-s3-secret-key-never-logged';

async function readAllOf(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** A stream of `total` random bytes in 64 KiB chunks, made as it is read. */
function randomStream(total: number, failAfter?: number) {
  const hash = createHash('sha256');
  let sent = 0;
  const stream = new Readable({
    read() {
      if (failAfter !== undefined && sent >= failAfter) {
        this.destroy(new Error('the snapshot stream broke'));
        return;
      }
      if (sent >= total) {
        this.push(null);
        return;
      }
      const chunk = randomBytes(Math.min(64 * 1024, total - sent));
      sent += chunk.length;
      hash.update(chunk);
      this.push(chunk);
    },
  });
  return { stream, sha256: () => hash.digest('hex') };
}

describe('S3BackupStore against the test S3 server', () => {
  const s3 = new TestS3({
    accessKeyId: KEY_ID,
    secretAccessKey: SECRET,
    buckets: ['backups'],
  });
  let settings: S3StoreSettings;

  beforeAll(async () => {
    await s3.start(19698);
    settings = {
      bucket: 'backups',
      prefix: 'justmanage/',
      region: 'eu-central-1',
      endpoint: s3.url,
      forcePathStyle: true,
      credentials: { accessKeyId: KEY_ID, secretAccessKey: SECRET },
      partSizeBytes: 5 * MIB,
    };
  });

  afterAll(() => s3.stop());

  it('writes a small object with one PutObject and reads it back under the prefix', async () => {
    const store = S3BackupStore.create(settings);
    await store.put('i1/b1/meta.json.enc', Readable.from([Buffer.from('abc')]));
    expect(
      s3.buckets.get('backups', 'justmanage/i1/b1/meta.json.enc').body,
    ).toEqual(Buffer.from('abc'));
    expect(
      (await readAllOf(await store.get('i1/b1/meta.json.enc'))).toString(),
    ).toBe('abc');
    expect(s3.requests.filter(r => r.method === 'POST')).toEqual([]);
  });

  it('streams a 12 MiB object as three parts and the object appears only when complete', async () => {
    const store = S3BackupStore.create(settings);
    const source = randomStream(12 * MIB + 123);
    const before = s3.requests.length;
    await store.put('i1/b1/data.rdb.enc', source.stream);
    const asked = s3.requests.slice(before).map(r => r.method);
    expect(asked).toEqual(['POST', 'PUT', 'PUT', 'PUT', 'POST']);
    const read = await readAllOf(await store.get('i1/b1/data.rdb.enc'));
    expect(read.length).toBe(12 * MIB + 123);
    expect(createHash('sha256').update(read).digest('hex')).toBe(
      source.sha256(),
    );
    expect(s3.buckets.openUploads()).toEqual([]);
  });

  it('aborts the upload when the source fails, leaving neither object nor parts', async () => {
    const store = S3BackupStore.create(settings);
    const source = randomStream(20 * MIB, 11 * MIB);
    await expect(
      store.put('i1/b2/data.rdb.enc', source.stream),
    ).rejects.toThrow(
      'S3 backup store s3://backups/justmanage/ could not write i1/b2/data.rdb.enc: the snapshot stream broke',
    );
    expect(s3.buckets.openUploads()).toEqual([]);
    expect(await store.list('i1/b2/')).toEqual([]);
  });

  it('lists and deletes by prefix; a missing object is a NotFoundError, deleting it again is fine', async () => {
    const store = S3BackupStore.create(settings);
    expect(await store.list('i1/')).toEqual([
      'i1/b1/data.rdb.enc',
      'i1/b1/meta.json.enc',
    ]);
    await store.deleteAll('i1/b1/');
    expect(await store.list()).toEqual([]);
    await expect(store.get('i1/b1/data.rdb.enc')).rejects.toMatchObject({
      name: 'NotFoundError',
      message: 'Backup object i1/b1/data.rdb.enc is not in the store',
    });
    await expect(store.delete('i1/b1/data.rdb.enc')).resolves.toBeUndefined();
  });

  it('names the store and S3’s reason for wrong credentials, an unknown key id and a missing bucket, without the secret', async () => {
    const cases: Array<[Partial<S3StoreSettings>, RegExp]> = [
      [
        { credentials: { accessKeyId: KEY_ID, secretAccessKey: 'not-it' } },
        /^S3 backup store s3:\/\/backups\/justmanage\/ could not write x\/y: SignatureDoesNotMatch: The request signature we calculated does not match/,
      ],
      [
        { credentials: { accessKeyId: 'nobody', secretAccessKey: SECRET } },
        /^S3 backup store s3:\/\/backups\/justmanage\/ could not write x\/y: InvalidAccessKeyId: /,
      ],
      [
        { bucket: 'no-such-bucket' },
        /^S3 backup store s3:\/\/no-such-bucket\/justmanage\/ could not write x\/y: NoSuchBucket: The specified bucket does not exist$/,
      ],
    ];
    for (const [change, expected] of cases) {
      const store = S3BackupStore.create({ ...settings, ...change });
      const error = await store
        .put('x/y', Readable.from([Buffer.from('z')]))
        .then(
          () => undefined,
          e => e as Error,
        );
      expect(error?.message).toMatch(expected);
      expect(error?.message).not.toContain(SECRET);
      expect(error?.message).not.toContain('not-it');
    }
    expect(s3.buckets.bucket('backups').has('justmanage/x/y')).toBe(false);
  });
});
