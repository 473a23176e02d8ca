/** An S3 error: its HTTP status, its code and message as S3 words them. */
export class S3Error extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message);
  }
}

export function xmlEscape(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** S3's error body: `<Error><Code>…</Code><Message>…</Message>…</Error>`. */
export function errorXml(error: S3Error, resource: string): string {
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<Error><Code>${error.code}</Code><Message>${xmlEscape(
      error.message,
    )}</Message><Resource>${xmlEscape(resource)}</Resource>` +
    '<RequestId>test-s3</RequestId></Error>'
  );
}
