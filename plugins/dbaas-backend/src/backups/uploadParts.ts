import type { Readable } from 'node:stream';

/**
 * A stream cut into parts of at least `partBytes` (the last may be
 * smaller), so an upload holds one part in memory rather than the whole
 * RDB. A stream that ends within its first part comes out as one part
 * marked `only`, to be written with a single request.
 */
export async function* uploadParts(
  data: Readable,
  partBytes: number,
): AsyncGenerator<{ bytes: Buffer; only: boolean }> {
  let held: Buffer[] = [];
  let heldBytes = 0;
  let emitted = 0;
  for await (const chunk of data) {
    const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
    held.push(bytes);
    heldBytes += bytes.length;
    while (heldBytes >= partBytes) {
      const all = Buffer.concat(held);
      yield { bytes: all.subarray(0, partBytes), only: false };
      emitted++;
      held = [all.subarray(partBytes)];
      heldBytes = all.length - partBytes;
    }
  }
  if (heldBytes > 0 || emitted === 0) {
    yield { bytes: Buffer.concat(held), only: emitted === 0 };
  }
}
