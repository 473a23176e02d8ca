import { createHash } from 'node:crypto';
import { Transform } from 'node:stream';

/** Bytes passing through, their SHA-256 and count, and their first bytes. */
export interface Measured {
  bytes: number;
  sha256(): string;
  head: Buffer;
}

/**
 * A pass-through that measures what flows, so one read of a stream both
 * moves it and proves it.
 */
export function measuringTap(onBytes?: (bytes: number) => void): {
  tap: Transform;
  measured: Measured;
} {
  const hash = createHash('sha256');
  let digest: string | undefined;
  const measured: Measured = {
    bytes: 0,
    head: Buffer.alloc(0),
    sha256: () => (digest ??= hash.digest('hex')),
  };
  const tap = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      measured.bytes += chunk.length;
      if (measured.head.length < 16) {
        measured.head = Buffer.concat([measured.head, chunk]).subarray(0, 16);
      }
      onBytes?.(measured.bytes);
      done(null, chunk);
    },
  });
  return { tap, measured };
}
