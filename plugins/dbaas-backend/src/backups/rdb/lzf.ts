import { InputError } from '@backstage/errors';

/**
 * Expands an LZF block (the compression Redis applies to strings of more
 * than 20 bytes when rdbcompression is on) into exactly `length` bytes;
 * with `limit`, only about that many from the front (a packed value's
 * header), unchecked.
 */
export function lzfDecompress(
  input: Buffer,
  length: number,
  limit = length,
): Buffer {
  const out = Buffer.allocUnsafe(length);
  let ip = 0;
  let op = 0;
  while (ip < input.length && op < limit) {
    const ctrl = input[ip++];
    if (ctrl < 32) {
      const run = ctrl + 1;
      if (op + run > length || ip + run > input.length) break;
      // Byte by byte: runs are short, and Buffer.copy's call costs more.
      for (let i = 0; i < run; i++) out[op++] = input[ip++];
      continue;
    }
    let run = ctrl >> 5;
    let ref = op - ((ctrl & 0x1f) << 8) - 1;
    if (run === 7) run += input[ip++];
    ref -= input[ip++];
    run += 2;
    if (ref < 0 || op + run > length) break;
    // Byte by byte: a back reference may overlap what it produces.
    for (let i = 0; i < run; i++) out[op++] = out[ref++];
  }
  if (limit < length) return out;
  if (op !== length || ip !== input.length) {
    throw new InputError(
      `RDB holds a damaged LZF string: expanded to ${op} of ${length} bytes`,
    );
  }
  return out;
}
