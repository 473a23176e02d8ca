import { InputError } from '@backstage/errors';

/** The count fields hold this when the real count did not fit. */
const UNKNOWN_COUNT = 0xffff;

/** Whether a packed value's header holds its count. */
export const ziplistCounted = (head: Buffer) =>
  head.readUInt16LE(8) !== UNKNOWN_COUNT;
export const listpackCounted = (head: Buffer) =>
  head.readUInt16LE(4) !== UNKNOWN_COUNT;
export const alwaysCounted = () => true;

/** Elements in a ziplist (lists, hashes and zsets of RDB 9). */
export function ziplistCount(zl: Buffer): number {
  const count = zl.readUInt16LE(8);
  if (count !== UNKNOWN_COUNT) return count;
  let pos = 10;
  let n = 0;
  while (pos < zl.length && zl[pos] !== 0xff) {
    pos += zl[pos] < 254 ? 1 : 5;
    const enc = zl[pos];
    switch (enc >> 6) {
      case 0:
        pos += 1 + (enc & 0x3f);
        break;
      case 1:
        pos += 2 + (((enc & 0x3f) << 8) | zl[pos + 1]);
        break;
      case 2:
        pos += 5 + zl.readUInt32BE(pos + 1);
        break;
      default:
        pos += 1 + ziplistIntBytes(enc);
    }
    n++;
  }
  return n;
}

function ziplistIntBytes(enc: number): number {
  if (enc === 0xc0) return 2;
  if (enc === 0xd0) return 4;
  if (enc === 0xe0) return 8;
  if (enc === 0xf0) return 3;
  if (enc === 0xfe) return 1;
  if (enc >= 0xf1 && enc <= 0xfd) return 0;
  throw new InputError(`RDB holds a ziplist entry of unknown form 0x${enc}`);
}

/** Elements in a listpack (RDB 10 and later). */
export function listpackCount(lp: Buffer): number {
  const count = lp.readUInt16LE(4);
  if (count !== UNKNOWN_COUNT) return count;
  let pos = 6;
  let n = 0;
  while (pos < lp.length && lp[pos] !== 0xff) {
    const size = listpackEntrySize(lp, pos);
    pos += size + backlenBytes(size);
    n++;
  }
  return n;
}

function listpackEntrySize(lp: Buffer, pos: number): number {
  const enc = lp[pos];
  if (enc < 0x80) return 1;
  if (enc < 0xc0) return 1 + (enc & 0x3f);
  if (enc < 0xe0) return 2;
  if (enc < 0xf0) return 2 + (((enc & 0x0f) << 8) | lp[pos + 1]);
  switch (enc) {
    case 0xf0:
      return 5 + lp.readUInt32LE(pos + 1);
    case 0xf1:
      return 3;
    case 0xf2:
      return 4;
    case 0xf3:
      return 5;
    case 0xf4:
      return 9;
    default:
      throw new InputError(`RDB holds a listpack entry of unknown form ${enc}`);
  }
}

function backlenBytes(size: number): number {
  if (size <= 127) return 1;
  if (size < 16383) return 2;
  if (size < 2097151) return 3;
  if (size < 268435455) return 4;
  return 5;
}

/** Members of an intset: its header says. */
export function intsetCount(intset: Buffer): number {
  return intset.readUInt32LE(4);
}
