import type { Readable } from 'node:stream';
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { NotFoundError } from '@backstage/errors';
import { BackupStore } from './BackupStore';
import { S3StoreSettings } from './s3StoreSettings';
import { s3StoreError } from './s3StoreError';
import { uploadParts } from './uploadParts';

/**
 * Backups as objects in an S3 bucket (AWS, MinIO, Ceph, R2...). An object
 * is uploaded in parts of `partSizeBytes`, one held in memory at a time,
 * and becomes visible only when S3 completes the upload; a failed upload is
 * aborted so no parts are left billed in the bucket.
 */
export class S3BackupStore implements BackupStore {
  readonly #client: S3Client;
  readonly #settings: S3StoreSettings;

  static create(settings: S3StoreSettings): S3BackupStore {
    return new S3BackupStore(
      new S3Client({
        region: settings.region,
        endpoint: settings.endpoint,
        forcePathStyle: settings.forcePathStyle,
        credentials: settings.credentials,
        // The SDK's newer default (CRC32 trailers in aws-chunked bodies) is
        // not served by every S3-compatible store; integrity is ours anyway:
        // the catalog's SHA-256 of every object and the cipher's GCM tag.
        requestChecksumCalculation: 'WHEN_REQUIRED',
        responseChecksumValidation: 'WHEN_REQUIRED',
      }),
      settings,
    );
  }

  private constructor(client: S3Client, settings: S3StoreSettings) {
    this.#client = client;
    this.#settings = settings;
  }

  /** `s3://bucket/prefix`, how errors name the store. */
  get location(): string {
    return `s3://${this.#settings.bucket}/${this.#settings.prefix}`;
  }

  #key(name: string): string {
    return `${this.#settings.prefix}${name}`;
  }

  async put(name: string, data: Readable): Promise<void> {
    const Bucket = this.#settings.bucket;
    const Key = this.#key(name);
    let uploadId: string | undefined;
    const parts: Array<{ PartNumber: number; ETag?: string }> = [];
    try {
      for await (const part of uploadParts(
        data,
        this.#settings.partSizeBytes,
      )) {
        if (part.only) {
          await this.#client.send(
            new PutObjectCommand({ Bucket, Key, Body: part.bytes }),
          );
          return;
        }
        uploadId ??= (
          await this.#client.send(
            new CreateMultipartUploadCommand({ Bucket, Key }),
          )
        ).UploadId;
        const PartNumber = parts.length + 1;
        const { ETag } = await this.#client.send(
          new UploadPartCommand({
            Bucket,
            Key,
            UploadId: uploadId,
            PartNumber,
            Body: part.bytes,
          }),
        );
        parts.push({ PartNumber, ETag });
      }
      await this.#client.send(
        new CompleteMultipartUploadCommand({
          Bucket,
          Key,
          UploadId: uploadId,
          MultipartUpload: { Parts: parts },
        }),
      );
    } catch (error) {
      if (uploadId) {
        await this.#client
          .send(
            new AbortMultipartUploadCommand({
              Bucket,
              Key,
              UploadId: uploadId,
            }),
          )
          .catch(() => undefined); // the first error is the one to report
      }
      throw s3StoreError(error, this.location, `write ${name}`);
    }
  }

  async get(name: string): Promise<Readable> {
    try {
      const object = await this.#client.send(
        new GetObjectCommand({
          Bucket: this.#settings.bucket,
          Key: this.#key(name),
        }),
      );
      return object.Body as Readable;
    } catch (error) {
      if ((error as Error).name === 'NoSuchKey') {
        throw new NotFoundError(`Backup object ${name} is not in the store`);
      }
      throw s3StoreError(error, this.location, `read ${name}`);
    }
  }

  async delete(name: string): Promise<void> {
    try {
      // S3 answers 204 for a key that is already gone.
      await this.#client.send(
        new DeleteObjectCommand({
          Bucket: this.#settings.bucket,
          Key: this.#key(name),
        }),
      );
    } catch (error) {
      throw s3StoreError(error, this.location, `delete ${name}`);
    }
  }

  /** Names of the objects under `prefix` (within the store's own prefix). */
  async list(prefix = ''): Promise<string[]> {
    const names: string[] = [];
    let ContinuationToken: string | undefined;
    try {
      do {
        const page = await this.#client.send(
          new ListObjectsV2Command({
            Bucket: this.#settings.bucket,
            Prefix: this.#key(prefix),
            ContinuationToken,
          }),
        );
        for (const object of page.Contents ?? []) {
          names.push(object.Key!.slice(this.#settings.prefix.length));
        }
        ContinuationToken = page.IsTruncated
          ? page.NextContinuationToken
          : undefined;
      } while (ContinuationToken);
    } catch (error) {
      throw s3StoreError(error, this.location, `list ${prefix || '/'}`);
    }
    return names;
  }

  /** Removes every object under `prefix`, e.g. a backup's folder. */
  async deleteAll(prefix: string): Promise<void> {
    for (const name of await this.list(prefix)) await this.delete(name);
  }
}
