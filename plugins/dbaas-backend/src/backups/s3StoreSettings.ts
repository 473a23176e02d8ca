import { Config } from '@backstage/config';

/** `dbaas.backups.s3`: where the S3 store keeps backups. */
export interface S3StoreSettings {
  bucket: string;
  /** Put before every object name; empty, or ending in `/`. */
  prefix: string;
  region: string;
  /** MinIO, Ceph, R2 and other S3-compatible services; AWS when absent. */
  endpoint?: string;
  forcePathStyle: boolean;
  /** Without them the SDK's default chain is used (environment, IAM role). */
  credentials?: { accessKeyId: string; secretAccessKey: string };
  /** Size of each part of a multipart upload, and of the one buffer held. */
  partSizeBytes: number;
}

const MIB = 1024 * 1024;
/** S3's limits for a part: 5 MiB (except the last) to 5 GiB. */
const MIN_PART_MIB = 5;
const MAX_PART_MIB = 5120;
const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

function refuse(field: string, rule: string): never {
  throw new Error(`dbaas.backups.s3.${field}: ${rule}`);
}

/**
 * Reads `dbaas.backups.s3`, or undefined when backups go to the folder
 * store. Errors name the field and the rule, never a secret's value.
 */
export function readS3StoreSettings(
  backups: Config,
): S3StoreSettings | undefined {
  const s3 = backups.getOptionalConfig('s3');
  if (!s3) return undefined;
  const bucket = s3.getOptionalString('bucket');
  if (!bucket || !BUCKET.test(bucket)) {
    refuse(
      'bucket',
      'is required: a bucket name of 3-63 lowercase letters, digits, dots and hyphens',
    );
  }
  const prefix = s3.getOptionalString('prefix') ?? '';
  if (prefix.startsWith('/')) refuse('prefix', 'must not start with /');
  const endpoint = s3.getOptionalString('endpoint');
  if (endpoint !== undefined && !/^https?:\/\/[^/]/.test(endpoint)) {
    refuse('endpoint', 'must be an http:// or https:// URL');
  }
  const accessKeyId = s3.getOptionalString('credentials.accessKeyId');
  const secretAccessKey = s3.getOptionalString('credentials.secretAccessKey');
  if (!accessKeyId !== !secretAccessKey) {
    refuse(
      'credentials',
      'give both accessKeyId and secretAccessKey, or neither to use the default AWS credential chain',
    );
  }
  const partSizeMiB = s3.getOptionalNumber('partSizeMiB') ?? 8;
  if (
    !Number.isInteger(partSizeMiB) ||
    partSizeMiB < MIN_PART_MIB ||
    partSizeMiB > MAX_PART_MIB
  ) {
    refuse(
      'partSizeMiB',
      `must be a whole number from ${MIN_PART_MIB} to ${MAX_PART_MIB}`,
    );
  }
  return {
    bucket,
    prefix: prefix && !prefix.endsWith('/') ? `${prefix}/` : prefix,
    region: s3.getOptionalString('region') ?? 'us-east-1',
    endpoint,
    forcePathStyle: s3.getOptionalBoolean('forcePathStyle') ?? false,
    credentials:
      accessKeyId && secretAccessKey
        ? { accessKeyId, secretAccessKey }
        : undefined,
    partSizeBytes: partSizeMiB * MIB,
  };
}
