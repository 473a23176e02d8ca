import { ConfigReader } from '@backstage/config';
import { JsonObject } from '@backstage/types';
import { readS3StoreSettings } from './s3StoreSettings';

const SECRET = 'the-s3-secret-access-key';

function read(s3: JsonObject | undefined) {
  return readS3StoreSettings(new ConfigReader(s3 ? { s3 } : {}));
}

function refusal(s3: JsonObject): string {
  try {
    read(s3);
  } catch (error) {
    return (error as Error).message;
  }
  return 'accepted';
}

describe('readS3StoreSettings', () => {
  it('keeps backups in the folder unless s3 is set', () => {
    expect(read(undefined)).toBeUndefined();
  });

  it('reads a MinIO store, with a prefix ending in / and parts in bytes', () => {
    expect(
      read({
        bucket: 'backups',
        prefix: 'justmanage/prod',
        endpoint: 'http://minio:9000',
        forcePathStyle: true,
        credentials: { accessKeyId: 'jm', secretAccessKey: SECRET },
        partSizeMiB: 16,
      }),
    ).toEqual({
      bucket: 'backups',
      prefix: 'justmanage/prod/',
      region: 'us-east-1',
      endpoint: 'http://minio:9000',
      forcePathStyle: true,
      credentials: { accessKeyId: 'jm', secretAccessKey: SECRET },
      partSizeBytes: 16 * 1024 * 1024,
    });
  });

  it('leaves credentials to the AWS default chain when none are given', () => {
    expect(read({ bucket: 'backups' })).toMatchObject({
      prefix: '',
      forcePathStyle: false,
      credentials: undefined,
      partSizeBytes: 8 * 1024 * 1024,
    });
  });

  it('refuses bad settings naming the field and the rule, never the secret', () => {
    expect(refusal({})).toBe(
      'dbaas.backups.s3.bucket: is required: a bucket name of 3-63 lowercase letters, digits, dots and hyphens',
    );
    expect(refusal({ bucket: 'Backups_1' })).toMatch(
      /^dbaas\.backups\.s3\.bucket: /,
    );
    expect(refusal({ bucket: 'b12', prefix: '/x' })).toBe(
      'dbaas.backups.s3.prefix: must not start with /',
    );
    expect(refusal({ bucket: 'b12', endpoint: 'minio:9000' })).toBe(
      'dbaas.backups.s3.endpoint: must be an http:// or https:// URL',
    );
    expect(refusal({ bucket: 'b12', partSizeMiB: 4 })).toBe(
      'dbaas.backups.s3.partSizeMiB: must be a whole number from 5 to 5120',
    );
    const message = refusal({
      bucket: 'b12',
      credentials: { secretAccessKey: SECRET },
    });
    expect(message).toBe(
      'dbaas.backups.s3.credentials: give both accessKeyId and secretAccessKey, or neither to use the default AWS credential chain',
    );
    expect(message).not.toContain(SECRET);
  });
});
