import { createHash, randomUUID } from 'node:crypto';
import { S3Error } from './s3Errors';

export interface StoredObject {
  body: Buffer;
  etag: string;
  lastModified: Date;
}

interface Upload {
  bucket: string;
  key: string;
  parts: Map<number, { body: Buffer; etag: string }>;
}

/** S3's smallest part, except the last one of an upload. */
export const MIN_PART_BYTES = 5 * 1024 * 1024;

const md5 = (data: Buffer) => createHash('md5').update(data).digest();

/**
 * The buckets' state: objects by key, and multipart uploads in progress,
 * whose parts become an object only on completion (S3 never shows a
 * half-written object).
 */
export class S3Buckets {
  readonly #buckets = new Map<string, Map<string, StoredObject>>();
  readonly #uploads = new Map<string, Upload>();

  create(bucket: string) {
    if (!this.#buckets.has(bucket)) this.#buckets.set(bucket, new Map());
  }

  bucket(name: string): Map<string, StoredObject> {
    const bucket = this.#buckets.get(name);
    if (!bucket) {
      throw new S3Error(
        404,
        'NoSuchBucket',
        'The specified bucket does not exist',
      );
    }
    return bucket;
  }

  put(bucket: string, key: string, body: Buffer): StoredObject {
    const object = {
      body,
      etag: `"${md5(body).toString('hex')}"`,
      lastModified: new Date(),
    };
    this.bucket(bucket).set(key, object);
    return object;
  }

  get(bucket: string, key: string): StoredObject {
    const object = this.bucket(bucket).get(key);
    if (!object) {
      throw new S3Error(404, 'NoSuchKey', 'The specified key does not exist.');
    }
    return object;
  }

  startUpload(bucket: string, key: string): string {
    this.bucket(bucket);
    const uploadId = randomUUID();
    this.#uploads.set(uploadId, { bucket, key, parts: new Map() });
    return uploadId;
  }

  #upload(bucket: string, key: string, uploadId: string): Upload {
    const upload = this.#uploads.get(uploadId);
    if (!upload || upload.bucket !== bucket || upload.key !== key) {
      throw new S3Error(
        404,
        'NoSuchUpload',
        'The specified upload does not exist. The upload ID may be invalid, or the upload may have been aborted or completed.',
      );
    }
    return upload;
  }

  putPart(
    bucket: string,
    key: string,
    uploadId: string,
    partNumber: number,
    body: Buffer,
  ): string {
    if (!Number.isInteger(partNumber) || partNumber < 1 || partNumber > 10000) {
      throw new S3Error(
        400,
        'InvalidArgument',
        'Part number must be an integer between 1 and 10000, inclusive',
      );
    }
    const etag = `"${md5(body).toString('hex')}"`;
    this.#upload(bucket, key, uploadId).parts.set(partNumber, { body, etag });
    return etag;
  }

  /** The parts named, in ascending order, joined into the object. */
  complete(
    bucket: string,
    key: string,
    uploadId: string,
    named: Array<{ partNumber: number; etag: string }>,
  ): StoredObject {
    const upload = this.#upload(bucket, key, uploadId);
    if (named.length === 0) {
      throw new S3Error(
        400,
        'MalformedXML',
        'The XML you provided was not well-formed or did not validate against our published schema.',
      );
    }
    const bodies: Buffer[] = [];
    const digests: Buffer[] = [];
    if (
      named.some((p, i) => i > 0 && p.partNumber <= named[i - 1].partNumber)
    ) {
      throw new S3Error(
        400,
        'InvalidPartOrder',
        'The list of parts was not in ascending order. Parts must be ordered by part number.',
      );
    }
    named.forEach(({ partNumber, etag }, index) => {
      const part = upload.parts.get(partNumber);
      if (!part || part.etag !== etag) {
        throw new S3Error(
          400,
          'InvalidPart',
          "One or more of the specified parts could not be found. The part may not have been uploaded, or the specified entity tag may not match the part's entity tag.",
        );
      }
      if (index < named.length - 1 && part.body.length < MIN_PART_BYTES) {
        throw new S3Error(
          400,
          'EntityTooSmall',
          'Your proposed upload is smaller than the minimum allowed object size.',
        );
      }
      bodies.push(part.body);
      digests.push(md5(part.body));
    });
    const object = {
      body: Buffer.concat(bodies),
      etag: `"${md5(Buffer.concat(digests)).toString('hex')}-${named.length}"`,
      lastModified: new Date(),
    };
    this.bucket(bucket).set(key, object);
    this.#uploads.delete(uploadId);
    return object;
  }

  abort(bucket: string, key: string, uploadId: string) {
    this.#upload(bucket, key, uploadId);
    this.#uploads.delete(uploadId);
  }

  /** Uploads begun and neither completed nor aborted. */
  openUploads(): Array<{ bucket: string; key: string; parts: number }> {
    return [...this.#uploads.values()].map(u => ({
      bucket: u.bucket,
      key: u.key,
      parts: u.parts.size,
    }));
  }
}
