import {
  createServer,
  IncomingMessage,
  Server,
  ServerResponse,
} from 'node:http';
import { AddressInfo } from 'node:net';
import { S3Buckets } from './S3Buckets';
import { errorXml, S3Error, xmlEscape } from './s3Errors';
import { checkSignature } from './sigV4';

const XMLNS = 'http://s3.amazonaws.com/doc/2006-03-01/';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n';

/**
 * An S3-compatible server for the tests, written from the Amazon S3 API
 * reference: path-style requests signed with Signature Version 4 (checked
 * against the keys it was given), PutObject, GetObject, HeadObject,
 * DeleteObject, ListObjectsV2 and multipart uploads, with S3's XML error
 * bodies and status codes. Objects live in memory.
 */
export class TestS3 {
  readonly buckets = new S3Buckets();
  readonly #keys = new Map<string, string>();
  #server?: Server;
  /** Every request's method, path and status, for tests that check what was asked. */
  readonly requests: Array<{ method: string; path: string; status: number }> =
    [];

  constructor(options: {
    accessKeyId: string;
    secretAccessKey: string;
    buckets: string[];
  }) {
    this.#keys.set(options.accessKeyId, options.secretAccessKey);
    for (const bucket of options.buckets) this.buckets.create(bucket);
  }

  /** Replaces a key's secret, as an administrator rotating it would. */
  setSecret(accessKeyId: string, secretAccessKey: string) {
    this.#keys.set(accessKeyId, secretAccessKey);
  }

  get url(): string {
    const address = this.#server?.address() as AddressInfo | undefined;
    if (!address) throw new Error('TestS3 is not started');
    return `http://127.0.0.1:${address.port}`;
  }

  async start(port = 0): Promise<this> {
    this.#server = createServer((req, res) => void this.#handle(req, res));
    await new Promise<void>((resolve, reject) => {
      this.#server!.once('error', reject);
      this.#server!.listen(port, '127.0.0.1', resolve);
    });
    return this;
  }

  async stop(): Promise<void> {
    const server = this.#server;
    this.#server = undefined;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>(resolve => server.close(() => resolve()));
  }

  async #handle(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const [rawPath, rawQuery = ''] = (req.url ?? '/').split('?', 2);
    const query = new URLSearchParams(rawQuery);
    const [bucket, ...keyParts] = rawPath
      .slice(1)
      .split('/')
      .map(s => decodeURIComponent(s));
    const key = keyParts.join('/');
    try {
      checkSignature(req, body, id => this.#keys.get(id));
      this.#route(req.method ?? 'GET', bucket, key, query, body, res);
    } catch (error) {
      const s3Error =
        error instanceof S3Error
          ? error
          : new S3Error(500, 'InternalError', String(error));
      res.statusCode = s3Error.status;
      if (req.method === 'HEAD') {
        res.end();
      } else {
        res.setHeader('Content-Type', 'application/xml');
        res.end(errorXml(s3Error, rawPath));
      }
    }
    this.requests.push({
      method: req.method ?? '',
      path: rawPath,
      status: res.statusCode,
    });
  }

  #route(
    method: string,
    bucket: string,
    key: string,
    query: URLSearchParams,
    body: Buffer,
    res: ServerResponse,
  ) {
    const uploadId = query.get('uploadId');
    if (!key) {
      if (method === 'GET' && query.get('list-type') === '2') {
        return xml(res, this.#list(bucket, query));
      }
      throw new S3Error(
        501,
        'NotImplemented',
        'A header you provided implies functionality that is not implemented',
      );
    }
    if (method === 'PUT' && uploadId) {
      const etag = this.buckets.putPart(
        bucket,
        key,
        uploadId,
        Number(query.get('partNumber')),
        body,
      );
      res.setHeader('ETag', etag);
      return res.end();
    }
    if (method === 'PUT') {
      res.setHeader('ETag', this.buckets.put(bucket, key, body).etag);
      return res.end();
    }
    if (method === 'GET' || method === 'HEAD') {
      const object = this.buckets.get(bucket, key);
      res.setHeader('Content-Length', object.body.length);
      res.setHeader('ETag', object.etag);
      res.setHeader('Last-Modified', object.lastModified.toUTCString());
      res.setHeader('Content-Type', 'application/octet-stream');
      return res.end(method === 'GET' ? object.body : undefined);
    }
    if (method === 'DELETE') {
      if (uploadId) this.buckets.abort(bucket, key, uploadId);
      else this.buckets.bucket(bucket).delete(key);
      res.statusCode = 204;
      return res.end();
    }
    if (method === 'POST' && query.has('uploads')) {
      const id = this.buckets.startUpload(bucket, key);
      return xml(
        res,
        `<InitiateMultipartUploadResult xmlns="${XMLNS}"><Bucket>${xmlEscape(
          bucket,
        )}</Bucket><Key>${xmlEscape(
          key,
        )}</Key><UploadId>${id}</UploadId></InitiateMultipartUploadResult>`,
      );
    }
    if (method === 'POST' && uploadId) {
      const object = this.buckets.complete(
        bucket,
        key,
        uploadId,
        partsOf(body.toString('utf8')),
      );
      return xml(
        res,
        `<CompleteMultipartUploadResult xmlns="${XMLNS}"><Bucket>${xmlEscape(
          bucket,
        )}</Bucket><Key>${xmlEscape(key)}</Key><ETag>${xmlEscape(
          object.etag,
        )}</ETag></CompleteMultipartUploadResult>`,
      );
    }
    throw new S3Error(
      405,
      'MethodNotAllowed',
      'The specified method is not allowed against this resource.',
    );
  }

  #list(bucket: string, query: URLSearchParams): string {
    const prefix = query.get('prefix') ?? '';
    const maxKeys = Math.min(Number(query.get('max-keys') ?? 1000), 1000);
    const token = query.get('continuation-token');
    const after = token
      ? Buffer.from(token, 'base64').toString('utf8')
      : query.get('start-after') ?? '';
    const keys = [...this.buckets.bucket(bucket).keys()]
      .filter(k => k.startsWith(prefix) && k > after)
      .sort();
    const page = keys.slice(0, maxKeys);
    const truncated = keys.length > page.length;
    const contents = page
      .map(k => {
        const object = this.buckets.get(bucket, k);
        return `<Contents><Key>${xmlEscape(
          k,
        )}</Key><LastModified>${object.lastModified.toISOString()}</LastModified><ETag>${xmlEscape(
          object.etag,
        )}</ETag><Size>${
          object.body.length
        }</Size><StorageClass>STANDARD</StorageClass></Contents>`;
      })
      .join('');
    const next = truncated
      ? `<NextContinuationToken>${Buffer.from(page[page.length - 1]).toString(
          'base64',
        )}</NextContinuationToken>`
      : '';
    return `<ListBucketResult xmlns="${XMLNS}"><Name>${xmlEscape(
      bucket,
    )}</Name><Prefix>${xmlEscape(prefix)}</Prefix><KeyCount>${
      page.length
    }</KeyCount><MaxKeys>${maxKeys}</MaxKeys><IsTruncated>${truncated}</IsTruncated>${contents}${next}</ListBucketResult>`;
  }
}

function xml(res: ServerResponse, document: string) {
  res.setHeader('Content-Type', 'application/xml');
  res.end(XML_HEAD + document);
}

/** The parts a CompleteMultipartUpload body names. */
function partsOf(document: string) {
  const unescape = (s: string) =>
    s.replace(/&quot;/g, '"').replace(/&amp;/g, '&');
  return [...document.matchAll(/<Part>([\s\S]*?)<\/Part>/g)].map(
    ([, part]) => ({
      partNumber: Number(/<PartNumber>(\d+)<\/PartNumber>/.exec(part)?.[1]),
      etag: unescape(/<ETag>([^<]*)<\/ETag>/.exec(part)?.[1] ?? ''),
    }),
  );
}
