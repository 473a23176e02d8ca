import {
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { TestS3 } from './TestS3';

const KEY_ID = 'tester';
const SECRET = 'tester-secret';

describe('TestS3 answers the S3 API as S3 does', () => {
  const s3 = new TestS3({
    accessKeyId: KEY_ID,
    secretAccessKey: SECRET,
    buckets: ['b1'],
  });
  let client: S3Client;

  beforeAll(async () => {
    await s3.start(19697);
    client = new S3Client({
      region: 'us-east-1',
      endpoint: s3.url,
      forcePathStyle: true,
      credentials: { accessKeyId: KEY_ID, secretAccessKey: SECRET },
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
  });

  afterAll(async () => {
    client.destroy();
    await s3.stop();
  });

  it('lists by prefix in pages with continuation tokens, keys in order, odd characters intact', async () => {
    const keys = ['p/a b', 'p/c+d', 'p/é', 'p/x/1', 'q/other'];
    for (const Key of keys) {
      await client.send(new PutObjectCommand({ Bucket: 'b1', Key, Body: Key }));
    }
    const seen: string[] = [];
    let ContinuationToken: string | undefined;
    let pages = 0;
    do {
      const page = await client.send(
        new ListObjectsV2Command({
          Bucket: 'b1',
          Prefix: 'p/',
          MaxKeys: 2,
          ContinuationToken,
        }),
      );
      pages++;
      seen.push(...(page.Contents ?? []).map(c => c.Key!));
      ContinuationToken = page.NextContinuationToken;
    } while (ContinuationToken);
    expect(seen).toEqual(['p/a b', 'p/c+d', 'p/x/1', 'p/é']);
    expect(pages).toBe(2);
  });

  it('answers HEAD of a missing key with 404 and no body', async () => {
    await expect(
      client.send(new HeadObjectCommand({ Bucket: 'b1', Key: 'none' })),
    ).rejects.toMatchObject({
      name: 'NotFound',
      $metadata: { httpStatusCode: 404 },
    });
  });

  it('refuses to complete an upload with a small middle part, a wrong ETag or parts out of order', async () => {
    const { UploadId } = await client.send(
      new CreateMultipartUploadCommand({ Bucket: 'b1', Key: 'm' }),
    );
    const part = async (PartNumber: number, size: number) =>
      (
        await client.send(
          new UploadPartCommand({
            Bucket: 'b1',
            Key: 'm',
            UploadId,
            PartNumber,
            Body: Buffer.alloc(size, PartNumber),
          }),
        )
      ).ETag!;
    const one = await part(1, 1024);
    const two = await part(2, 10);
    const complete = (Parts: Array<{ PartNumber: number; ETag: string }>) =>
      client.send(
        new CompleteMultipartUploadCommand({
          Bucket: 'b1',
          Key: 'm',
          UploadId,
          MultipartUpload: { Parts },
        }),
      );
    await expect(
      complete([
        { PartNumber: 1, ETag: one },
        { PartNumber: 2, ETag: two },
      ]),
    ).rejects.toMatchObject({ name: 'EntityTooSmall' });
    await expect(
      complete([{ PartNumber: 1, ETag: '"0123"' }]),
    ).rejects.toMatchObject({ name: 'InvalidPart' });
    await expect(
      complete([
        { PartNumber: 2, ETag: two },
        { PartNumber: 1, ETag: one },
      ]),
    ).rejects.toMatchObject({ name: 'InvalidPartOrder' });
    expect(s3.buckets.openUploads()).toEqual([
      { bucket: 'b1', key: 'm', parts: 2 },
    ]);
    await complete([{ PartNumber: 1, ETag: one }]);
    expect(s3.buckets.get('b1', 'm').body).toEqual(Buffer.alloc(1024, 1));
    expect(s3.buckets.openUploads()).toEqual([]);
  });
});
