import { open } from 'node:fs/promises';
import type { Readable } from 'node:stream';

/**
 * The RDB format version in a file's header: "REDIS0009" for Redis 6,
 * "REDIS0010" for 7.0, "REDIS0011" for 7.2 and Valkey 8. An AOF that starts
 * with an RDB preamble has the same header. A server refuses files newer
 * than the version it writes, which is what decides whether a downgrade can
 * keep the data.
 */
export function parseRdbHeader(head: Buffer): number | undefined {
  const match = /^(?:REDIS|VALKEY)(\d{3,4})/.exec(head.toString('latin1'));
  return match ? Number(match[1]) : undefined;
}

/** Reads the RDB version of a file; throws when it is not an RDB file. */
export async function readRdbVersion(path: string): Promise<number> {
  const file = await open(path, 'r');
  try {
    const head = Buffer.alloc(16);
    const { bytesRead } = await file.read(head, 0, head.length, 0);
    const version = parseRdbHeader(head.subarray(0, bytesRead));
    if (version === undefined) {
      throw new Error(`${path} is not an RDB file`);
    }
    return version;
  } finally {
    await file.close();
  }
}

/**
 * Reads the RDB version from the first bytes of a stream and ends the
 * stream: a snapshot of any platform is read this way, not as a file.
 */
export async function readRdbVersionOf(
  stream: Readable,
  what: string,
): Promise<number> {
  let head = Buffer.alloc(0);
  try {
    for await (const chunk of stream) {
      head = Buffer.concat([head, Buffer.from(chunk)]);
      if (head.length >= 16) break;
    }
  } finally {
    stream.destroy();
  }
  const version = parseRdbHeader(head);
  if (version === undefined) {
    throw new Error(`${what} is not an RDB file`);
  }
  return version;
}
