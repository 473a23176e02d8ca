import { InputError } from '@backstage/errors';

/**
 * Expands an LZF block (the compression Redis applies to strings of more
 * than 20 bytes when rdbcompression is on) into exactly `length` bytes.
 */
export function lzfDecompress(input: Buffer, length: number): Buffer {
  const out = Buffer.allocUnsafe(length);
  let ip = 0;
  let op = 0;
  while (ip < input.length) {
    const ctrl = input[ip++];
    if (ctrl < 32) {
      const run = ctrl + 1;
      if (op + run > length || ip + run > input.length) break;
      input.copy(out, op, ip, ip + run);
      ip += run;
      op += run;
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
  if (op !== length || ip !== input.length) {
    throw new InputError(
      `RDB holds a damaged LZF string: expanded to ${op} of ${length} bytes`,
    );
  }
  return out;
}
