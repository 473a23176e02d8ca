import { randomBytes } from 'node:crypto';
import { createServer, Server, Socket } from 'node:net';

/** Where Nomad clients reach the backend to fetch an RDB being restored. */
export interface FeederAddress {
  host: string;
  port: number;
}

/**
 * A replication primary that has nothing but one RDB: a node told
 * `REPLICAOF` it runs the handshake (PING, AUTH, REPLCONF), asks PSYNC
 * and is sent the RDB as a full resynchronisation, which it loads as it
 * would from a real primary. Nomad has no API to write into an
 * allocation, and this needs none: only a route from the node to the
 * backend. Answers every command of the handshake with what Redis expects
 * and ignores the acknowledgements that follow.
 */
export class RdbFeeder {
  readonly #server: Server;
  readonly #sockets: Set<Socket>;

  private constructor(server: Server, sockets: Set<Socket>) {
    this.#server = server;
    this.#sockets = sockets;
  }

  static async start(rdb: Buffer, at: FeederAddress): Promise<RdbFeeder> {
    const replid = randomBytes(20).toString('hex');
    const sockets = new Set<Socket>();
    const server = createServer(socket => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => undefined);
      let pending = Buffer.alloc(0);
      let sent = false;
      socket.on('data', (chunk: Buffer) => {
        pending = Buffer.concat([pending, chunk]);
        for (;;) {
          const parsed = readCommand(pending);
          if (!parsed) return;
          pending = pending.subarray(parsed.used);
          const name = parsed.args[0]?.toUpperCase();
          if (name === 'PING') socket.write('+PONG\r\n');
          else if (name === 'PSYNC' || name === 'SYNC') {
            if (sent) continue;
            sent = true;
            if (name === 'PSYNC') socket.write(`+FULLRESYNC ${replid} 0\r\n`);
            socket.write(`$${rdb.length}\r\n`);
            socket.write(rdb);
          } else if (name === 'REPLCONF' && parsed.args[1] === 'ACK') continue;
          else socket.write('+OK\r\n');
        }
      });
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(at.port, at.host, () => resolve());
    });
    return new RdbFeeder(server, sockets);
  }

  async close(): Promise<void> {
    for (const socket of this.#sockets) socket.destroy();
    await new Promise(resolve => this.#server.close(resolve));
  }
}

/** One command as a replica sends it: a RESP array of bulk strings, or an inline line. */
function readCommand(
  buffer: Buffer,
): { args: string[]; used: number } | undefined {
  const lineEnd = buffer.indexOf('\r\n');
  if (lineEnd < 0) return undefined;
  if (buffer[0] !== 0x2a /* '*' */) {
    const line = buffer.subarray(0, lineEnd).toString('utf8').trim();
    return { args: line ? line.split(/\s+/) : [], used: lineEnd + 2 };
  }
  const count = Number(buffer.subarray(1, lineEnd).toString('latin1'));
  const args: string[] = [];
  let at = lineEnd + 2;
  for (let i = 0; i < count; i++) {
    const end = buffer.indexOf('\r\n', at);
    if (end < 0) return undefined;
    const length = Number(buffer.subarray(at + 1, end).toString('latin1'));
    const start = end + 2;
    if (buffer.length < start + length + 2) return undefined;
    args.push(buffer.subarray(start, start + length).toString('utf8'));
    at = start + length + 2;
  }
  return { args, used: at };
}
