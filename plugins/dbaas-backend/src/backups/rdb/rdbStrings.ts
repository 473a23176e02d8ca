import { InputError } from '@backstage/errors';
import { ByteCursor } from './ByteCursor';
import { lzfDecompress } from './lzf';

/** A length with the two top bits 11: a string held in another form. */
const ENCODED = -1;
let lastEncoding = 0;

/**
 * An RDB length (6, 14, 32 or 64 bits). For the special string forms it
 * returns ENCODED and leaves the form's number in `lastEncoding`.
 */
export function readLength(cursor: ByteCursor): number {
  const first = cursor.byte();
  switch (first >> 6) {
    case 0:
      return first & 0x3f;
    case 1:
      return ((first & 0x3f) << 8) | cursor.byte();
    case 2:
      if (first === 0x80) {
        cursor.ensure(4);
        const v = cursor.buffer.readUInt32BE(cursor.pos);
        cursor.pos += 4;
        return v;
      }
      if (first === 0x81) {
        cursor.ensure(8);
        const v = Number(cursor.buffer.readBigUInt64BE(cursor.pos));
        cursor.pos += 8;
        return v;
      }
      throw new InputError(`RDB holds an unknown length form 0x${hex(first)}`);
    default:
      lastEncoding = first & 0x3f;
      return ENCODED;
  }
}

/** A length that must not be one of the string forms. */
export function readPlainLength(cursor: ByteCursor): number {
  const length = readLength(cursor);
  if (length === ENCODED) {
    throw new InputError('RDB holds a string form where a length belongs');
  }
  return length;
}

/** A string's bytes: plain, an integer written as text, or LZF. */
export function readString(cursor: ByteCursor): Buffer {
  const length = readLength(cursor);
  if (length !== ENCODED) return cursor.bytes(length);
  switch (lastEncoding) {
    case 0:
      return Buffer.from(String(cursor.bytes(1).readInt8(0)));
    case 1:
      return Buffer.from(String(cursor.bytes(2).readInt16LE(0)));
    case 2:
      return Buffer.from(String(cursor.bytes(4).readInt32LE(0)));
    case 3: {
      const compressed = readPlainLength(cursor);
      const expanded = readPlainLength(cursor);
      cursor.lzfSaved += expanded - compressed;
      return lzfDecompress(cursor.bytes(compressed), expanded);
    }
    default:
      throw new InputError(`RDB holds an unknown string form ${lastEncoding}`);
  }
}

/** A string's bytes as latin1 (a key name), copied once. */
export function readLatin1(cursor: ByteCursor): string {
  const length = readLength(cursor);
  if (length === ENCODED) {
    cursor.pos -= 1; // the string form is one byte: read it again
    return readString(cursor).toString('latin1');
  }
  cursor.ensure(length);
  const text = cursor.buffer.toString(
    'latin1',
    cursor.pos,
    cursor.pos + length,
  );
  cursor.pos += length;
  return text;
}

/**
 * A packed value (ziplist, listpack, intset): its count is in its header,
 * and most often that is all that is needed, so of a compressed one only
 * the header is expanded, unless `isWhole` finds that too little.
 */
export function readPacked(
  cursor: ByteCursor,
  isWhole: (head: Buffer) => boolean,
): Buffer {
  const start = cursor.pos;
  const length = readLength(cursor);
  if (length !== ENCODED) return cursor.bytes(length);
  if (lastEncoding === 3) {
    const compressed = readPlainLength(cursor);
    const expanded = readPlainLength(cursor);
    const stored = cursor.bytes(compressed);
    cursor.lzfSaved += expanded - compressed;
    const head = lzfDecompress(stored, expanded, 16);
    return isWhole(head) ? head : lzfDecompress(stored, expanded);
  }
  cursor.pos = start;
  return readString(cursor);
}

/** The length of a string, expanded, passing over its bytes. */
export function stringLength(cursor: ByteCursor): number {
  const length = readLength(cursor);
  if (length !== ENCODED) {
    cursor.skip(length);
    return length;
  }
  if (lastEncoding === 3) {
    const compressed = readPlainLength(cursor);
    const expanded = readPlainLength(cursor);
    cursor.lzfSaved += expanded - compressed;
    cursor.skip(compressed);
    return expanded;
  }
  cursor.pos -= 1; // the string form is one byte: read it again
  return readString(cursor).length;
}

/** Passes over a string without expanding it. */
export function skipString(cursor: ByteCursor): void {
  const length = readLength(cursor);
  if (length !== ENCODED) {
    cursor.skip(length);
    return;
  }
  switch (lastEncoding) {
    case 0:
      cursor.skip(1);
      return;
    case 1:
      cursor.skip(2);
      return;
    case 2:
      cursor.skip(4);
      return;
    case 3: {
      const compressed = readPlainLength(cursor);
      cursor.lzfSaved += readPlainLength(cursor) - compressed;
      cursor.skip(compressed);
      return;
    }
    default:
      throw new InputError(`RDB holds an unknown string form ${lastEncoding}`);
  }
}

/** A zset score of the first RDB format: its length byte, then text. */
export function skipTextDouble(cursor: ByteCursor): void {
  const length = cursor.byte();
  // 253, 254 and 255 stand for NaN, +inf and -inf, with no text after.
  if (length < 253) cursor.skip(length);
}

export function hex(byte: number): string {
  return byte.toString(16).padStart(2, '0');
}
