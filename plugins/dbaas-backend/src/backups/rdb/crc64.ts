/**
 * CRC-64/Jones (polynomial 0xad93d23594c935a9, reflected, initial value 0),
 * the checksum Redis writes after an RDB's EOF opcode. Kept as two 32-bit
 * halves: BigInt arithmetic per byte would be far too slow for a
 * multi-gigabyte backup.
 */
const LOW = new Uint32Array(256);
const HIGH = new Uint32Array(256);
for (let n = 0; n < 256; n++) {
  let lo = n;
  let hi = 0;
  for (let k = 0; k < 8; k++) {
    const carry = lo & 1;
    lo = ((lo >>> 1) | ((hi & 1) << 31)) >>> 0;
    hi >>>= 1;
    if (carry) {
      // The polynomial bit-reversed, as a reflected CRC shifts right.
      lo = (lo ^ 0xac4bc9b5) >>> 0;
      hi = (hi ^ 0x95ac9329) >>> 0;
    }
  }
  LOW[n] = lo;
  HIGH[n] = hi;
}

export class Crc64 {
  #lo = 0;
  #hi = 0;

  update(bytes: Uint8Array): void {
    let lo = this.#lo;
    let hi = this.#hi;
    for (let i = 0; i < bytes.length; i++) {
      const index = (lo ^ bytes[i]) & 0xff;
      lo = ((lo >>> 8) | (hi << 24)) ^ LOW[index];
      hi = (hi >>> 8) ^ HIGH[index];
    }
    this.#lo = lo >>> 0;
    this.#hi = hi >>> 0;
  }

  /** The checksum as Redis stores it: 8 bytes, little-endian. */
  digest(): Buffer {
    const out = Buffer.alloc(8);
    out.writeUInt32LE(this.#lo >>> 0, 0);
    out.writeUInt32LE(this.#hi >>> 0, 4);
    return out;
  }
}
