/**
 * Thrown when a read runs past the bytes received so far. The parser
 * rewinds to the start of the record it was reading and waits for more
 * of the stream, so no read ever has to be asynchronous.
 */
export class NeedMoreBytes extends Error {
  constructor() {
    super('more bytes needed');
  }
}

const NEED_MORE = new NeedMoreBytes();

/** Reads the RDB's primitive encodings from one buffer, front to back. */
export class ByteCursor {
  buffer: Buffer;
  pos = 0;
  /** What LZF saved in the strings read so far: expanded minus stored. */
  lzfSaved = 0;

  constructor(buffer: Buffer) {
    this.buffer = buffer;
  }

  get remaining(): number {
    return this.buffer.length - this.pos;
  }

  ensure(n: number): void {
    if (this.pos + n > this.buffer.length) throw NEED_MORE;
  }

  skip(n: number): void {
    this.ensure(n);
    this.pos += n;
  }

  byte(): number {
    this.ensure(1);
    return this.buffer[this.pos++];
  }

  bytes(n: number): Buffer {
    this.ensure(n);
    const slice = this.buffer.subarray(this.pos, this.pos + n);
    this.pos += n;
    return slice;
  }

  uint32LE(): number {
    this.ensure(4);
    const v = this.buffer.readUInt32LE(this.pos);
    this.pos += 4;
    return v;
  }

  /** An 8-byte little-endian integer (millisecond times); exact to 2^53. */
  int64LE(): number {
    this.ensure(8);
    const v = Number(this.buffer.readBigInt64LE(this.pos));
    this.pos += 8;
    return v;
  }
}
