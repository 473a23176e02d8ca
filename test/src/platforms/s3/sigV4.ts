import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { IncomingMessage } from 'node:http';
import { S3Error } from './s3Errors';

const ALGORITHM = 'AWS4-HMAC-SHA256';
const AUTHORIZATION =
  /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/s3\/aws4_request, ?SignedHeaders=([a-z0-9;-]+), ?Signature=([0-9a-f]{64})$/;

/** RFC 3986 encoding, as SigV4 asks for query names and values. */
function uriEncode(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    c => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

function canonicalQuery(rawQuery: string): string {
  if (!rawQuery) return '';
  return rawQuery
    .split('&')
    .filter(Boolean)
    .map(pair => {
      const at = pair.indexOf('=');
      const name = at < 0 ? pair : pair.slice(0, at);
      const value = at < 0 ? '' : pair.slice(at + 1);
      const decode = (s: string) => decodeURIComponent(s.replace(/\+/g, ' '));
      return [uriEncode(decode(name)), uriEncode(decode(value))];
    })
    .sort(([a, av], [b, bv]) => {
      if (a !== b) return a < b ? -1 : 1;
      return av < bv ? -1 : 1;
    })
    .map(([name, value]) => `${name}=${value}`)
    .join('&');
}

const hmac = (key: Buffer | string, data: string) =>
  createHmac('sha256', key).update(data).digest();

/**
 * Checks a request's header-based Signature Version 4 against the keys the
 * server knows, as S3 does: an unknown key id is InvalidAccessKeyId, a
 * signature made with another secret is SignatureDoesNotMatch, and a
 * signed payload hash that is not the body's is XAmzContentSHA256Mismatch.
 */
export function checkSignature(
  req: IncomingMessage,
  body: Buffer,
  secretOf: (accessKeyId: string) => string | undefined,
): void {
  const header = req.headers.authorization;
  if (!header) {
    throw new S3Error(403, 'AccessDenied', 'Access Denied');
  }
  const match = AUTHORIZATION.exec(header);
  if (!match) {
    throw new S3Error(
      400,
      'AuthorizationHeaderMalformed',
      'The authorization header is malformed',
    );
  }
  const [, accessKeyId, date, region, signedHeaders, signature] = match;
  const secret = secretOf(accessKeyId);
  if (secret === undefined) {
    throw new S3Error(
      403,
      'InvalidAccessKeyId',
      'The AWS Access Key Id you provided does not exist in our records.',
    );
  }
  const payloadHash = String(req.headers['x-amz-content-sha256'] ?? '');
  if (payloadHash.startsWith('STREAMING-')) {
    throw new S3Error(
      501,
      'NotImplemented',
      'Chunked (aws-chunked) uploads are not implemented by this test server',
    );
  }
  if (
    payloadHash !== 'UNSIGNED-PAYLOAD' &&
    payloadHash !== createHash('sha256').update(body).digest('hex')
  ) {
    throw new S3Error(
      400,
      'XAmzContentSHA256Mismatch',
      "The provided 'x-amz-content-sha256' header does not match what was computed.",
    );
  }
  const amzDate = String(req.headers['x-amz-date'] ?? '');
  const [rawPath, rawQuery = ''] = (req.url ?? '/').split('?', 2);
  const headers = signedHeaders
    .split(';')
    .map(
      name =>
        `${name}:${String(req.headers[name] ?? '')
          .trim()
          .replace(/\s+/g, ' ')}\n`,
    )
    .join('');
  const canonicalRequest = [
    req.method,
    rawPath,
    canonicalQuery(rawQuery),
    headers,
    signedHeaders,
    payloadHash,
  ].join('\n');
  const scope = `${date}/${region}/s3/aws4_request`;
  const stringToSign = [
    ALGORITHM,
    amzDate,
    scope,
    createHash('sha256').update(canonicalRequest).digest('hex'),
  ].join('\n');
  const signingKey = hmac(
    hmac(hmac(hmac(`AWS4${secret}`, date), region), 's3'),
    'aws4_request',
  );
  const expected = hmac(signingKey, stringToSign);
  if (!timingSafeEqual(expected, Buffer.from(signature, 'hex'))) {
    throw new S3Error(
      403,
      'SignatureDoesNotMatch',
      'The request signature we calculated does not match the signature you provided. Check your key and signing method.',
    );
  }
}
