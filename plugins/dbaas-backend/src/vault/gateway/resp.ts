/**
 * Just enough RESP for the gateway: commands from a client (arrays of bulk
 * strings, as every Redis client library sends them) and replies back.
 */

/** Reads complete commands from a growing buffer; keeps the rest for later. */
export class CommandReader {
  #buffer = Buffer.alloc(0);

  push(chunk: Buffer): string[][] {
    this.#buffer = Buffer.concat([this.#buffer, chunk]);
    const commands: string[][] = [];
    for (;;) {
      const parsed = this.#next();
      if (!parsed) break;
      commands.push(parsed.command);
      this.#buffer = this.#buffer.subarray(parsed.end);
    }
    return commands;
  }

  #line(from: number): { text: string; end: number } | undefined {
    const cr = this.#buffer.indexOf('\r\n', from);
    if (cr < 0) return undefined;
    return { text: this.#buffer.toString('utf8', from, cr), end: cr + 2 };
  }

  #next(): { command: string[]; end: number } | undefined {
    if (!this.#buffer.length) return undefined;
    const header = this.#line(0);
    if (!header) return undefined;
    if (!header.text.startsWith('*')) {
      // An inline command (redis-cli over telnet): words on one line.
      return { command: header.text.trim().split(/\s+/), end: header.end };
    }
    const count = Number(header.text.slice(1));
    const command: string[] = [];
    let at = header.end;
    for (let i = 0; i < count; i++) {
      const size = this.#line(at);
      if (!size) return undefined;
      if (!size.text.startsWith('$')) {
        throw new Error(`Protocol error: expected '$', got '${size.text[0]}'`);
      }
      const length = Number(size.text.slice(1));
      if (this.#buffer.length < size.end + length + 2) return undefined;
      command.push(this.#buffer.toString('utf8', size.end, size.end + length));
      at = size.end + length + 2;
    }
    return { command, end: at };
  }
}

/** A reply as ioredis hands it back, written as RESP. */
export function encodeReply(reply: unknown): string {
  if (reply === null || reply === undefined) return '$-1\r\n';
  if (reply instanceof Error) {
    const message = reply.message.replace(/[\r\n]+/g, ' ');
    return `-${/^[A-Z]+ /.test(message) ? message : `ERR ${message}`}\r\n`;
  }
  if (typeof reply === 'number') return `:${reply}\r\n`;
  if (Array.isArray(reply)) {
    return `*${reply.length}\r\n${reply.map(encodeReply).join('')}`;
  }
  const text = Buffer.isBuffer(reply) ? reply.toString('utf8') : String(reply);
  if (text === 'OK' || text === 'PONG') return `+${text}\r\n`;
  return `$${Buffer.byteLength(text)}\r\n${text}\r\n`;
}
