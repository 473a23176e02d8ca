/** An error reply, such as `WRONGTYPE ...`; returned in place, not thrown. */
export class RespErrorReply extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RespErrorReply';
  }
}

/**
 * A RESP2 reply. Bulk strings, key names among them, are latin1 strings:
 * one character per byte, so any bytes survive the round trip back to
 * Redis; simple strings are ASCII. Nil is null.
 */
export type RespReply = string | number | null | RespErrorReply | RespReply[];

const CR = 13;
const PLUS = 0x2b;
const MINUS = 0x2d;
const COLON = 0x3a;
const DOLLAR = 0x24;
const STAR = 0x2a;
const ZERO = 0x30;
const INCOMPLETE = Symbol('incomplete');
type Parsed = RespReply | typeof INCOMPLETE;

/** Turns the bytes of a connection into replies. */
export class RespParser {
  #buffer: Buffer = Buffer.alloc(0);
  #pos = 0;
  // A reply cut short is parsed again from its start once more bytes came;
  // a long bulk string is not retried before all of it is here. Counted
  // from the start of the reply; #end is the same as a buffer position.
  #needed = 0;
  #end = 0;

  push(chunk: Buffer): void {
    const rest = this.#buffer.length - this.#pos;
    this.#buffer =
      rest > 0
        ? Buffer.concat([this.#buffer.subarray(this.#pos), chunk])
        : chunk;
    this.#pos = 0;
  }

  /** The next complete reply, or undefined until more bytes arrive. */
  next(): RespReply | undefined {
    if (this.#buffer.length - this.#pos < this.#needed) return undefined;
    const start = this.#pos;
    const reply = this.#parse();
    if (reply === INCOMPLETE) {
      this.#needed = this.#end - start;
      this.#pos = start;
      return undefined;
    }
    this.#needed = 0;
    return reply;
  }

  #line(): string | typeof INCOMPLETE {
    const end = this.#buffer.indexOf(CR, this.#pos);
    if (end < 0 || end + 1 >= this.#buffer.length) {
      this.#end = this.#buffer.length + 1;
      return INCOMPLETE;
    }
    const text = this.#buffer.toString('latin1', this.#pos + 1, end);
    this.#pos = end + 2;
    return text;
  }

  // Integers, bulk and array lengths are most of a scan's replies: read
  // straight from the bytes rather than through a string.
  #integer(): number | typeof INCOMPLETE {
    const buffer = this.#buffer;
    let at = this.#pos + 1;
    const negative = buffer[at] === MINUS;
    if (negative) at++;
    let value = 0;
    while (at < buffer.length && buffer[at] !== CR) {
      value = value * 10 + buffer[at] - ZERO;
      at++;
    }
    if (at + 1 >= buffer.length) {
      this.#end = buffer.length + 1;
      return INCOMPLETE;
    }
    this.#pos = at + 2;
    return negative ? -value : value;
  }

  #parse(): Parsed {
    if (this.#pos >= this.#buffer.length) {
      this.#end = this.#buffer.length + 1;
      return INCOMPLETE;
    }
    const kind = this.#buffer[this.#pos];
    if (kind === PLUS || kind === MINUS) {
      const line = this.#line();
      if (line === INCOMPLETE) return INCOMPLETE;
      return kind === PLUS ? line : new RespErrorReply(line);
    }
    if (kind !== COLON && kind !== DOLLAR && kind !== STAR) {
      throw new Error(
        `Unexpected RESP reply type '${String.fromCharCode(kind)}'`,
      );
    }
    const number = this.#integer();
    if (number === INCOMPLETE) return INCOMPLETE;
    if (kind === COLON) return number;
    return kind === DOLLAR ? this.#bulk(number) : this.#array(number);
  }

  #bulk(length: number): Parsed {
    if (length < 0) return null;
    const end = this.#pos + length;
    if (end + 2 > this.#buffer.length) {
      this.#end = end + 2;
      return INCOMPLETE;
    }
    const value = this.#buffer.toString('latin1', this.#pos, end);
    this.#pos = end + 2;
    return value;
  }

  #array(length: number): Parsed {
    if (length < 0) return null;
    const items: RespReply[] = new Array(length);
    for (let i = 0; i < length; i++) {
      const item = this.#parse();
      if (item === INCOMPLETE) return INCOMPLETE;
      items[i] = item;
    }
    return items;
  }
}
