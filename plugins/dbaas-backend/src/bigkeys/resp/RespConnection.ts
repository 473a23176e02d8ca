import { connect as connectTcp, Socket } from 'node:net';
import { connect as connectTls } from 'node:tls';
import { DialAddress, RedisLogin } from '../../redis/RedisAdmin';
import { encodeCommands, latin1, RespCommand } from './encodeCommands';
import { RespErrorReply, RespParser, RespReply } from './RespParser';

interface Pending {
  replies: RespReply[];
  expected: number;
  resolve(replies: RespReply[]): void;
  reject(error: Error): void;
}

/**
 * A bare pipelining Redis connection for the key scan. ioredis spends
 * about 25 s of CPU on the millions of small replies a scan of a million
 * keys brings back; writing whole batches and parsing replies in place
 * takes a tenth of that, and the scan's speed is what keeps it short.
 */
export class RespConnection {
  readonly #socket: Socket;
  readonly #parser = new RespParser();
  readonly #pending: Pending[] = [];
  #failure?: Error;

  /** `address` is a route from the node's connector (see RedisAdmin.route). */
  static async open(
    address: DialAddress,
    login: RedisLogin,
    timeoutMs: number,
  ): Promise<RespConnection> {
    const { host, port } = address;
    const socket = address.tls
      ? connectTls({
          host,
          port,
          servername: address.servername ?? host,
          ca: address.ca,
        })
      : connectTcp({ host, port });
    const connection = new RespConnection(socket, `${host}:${port}`, timeoutMs);
    await new Promise<void>((resolve, reject) => {
      socket.once(address.tls ? 'secureConnect' : 'connect', resolve);
      socket.once('error', reject);
    });
    socket.setNoDelay(true);
    const [auth] = await connection.send([
      ['AUTH', latin1(login.username), latin1(login.password)],
    ]);
    if (auth instanceof RespErrorReply) {
      connection.close();
      throw new Error(`${host}:${port} refused the login: ${auth.message}`);
    }
    return connection;
  }

  private constructor(socket: Socket, address: string, timeoutMs: number) {
    this.#socket = socket;
    socket.on('data', (chunk: Buffer) => this.#receive(chunk));
    socket.on('error', error => this.#fail(error));
    socket.on('close', () =>
      this.#fail(new Error(`${address} closed the connection`)),
    );
    socket.setTimeout(timeoutMs, () => {
      if (this.#pending.length) {
        this.#fail(
          new Error(`${address} did not answer within ${timeoutMs} ms`),
        );
      }
    });
  }

  /** Sends the commands in one write; resolves with their replies in order. */
  send(commands: RespCommand[]): Promise<RespReply[]> {
    return this.sendEncoded(encodeCommands(commands), commands.length);
  }

  /** Like {@link send}, for `count` commands already in RESP form. */
  sendEncoded(payload: string, count: number): Promise<RespReply[]> {
    if (this.#failure) return Promise.reject(this.#failure);
    if (!count) return Promise.resolve([]);
    return new Promise((resolve, reject) => {
      this.#pending.push({ replies: [], expected: count, resolve, reject });
      this.#socket.write(payload, 'latin1');
    });
  }

  /** Sends one command and returns its reply, throwing an error reply. */
  async call(...command: string[]): Promise<RespReply> {
    const [reply] = await this.send([command]);
    if (reply instanceof RespErrorReply) throw reply;
    return reply;
  }

  close(): void {
    this.#fail(new Error('Connection closed'));
  }

  #receive(chunk: Buffer) {
    this.#parser.push(chunk);
    try {
      while (this.#pending.length) {
        const reply = this.#parser.next();
        if (reply === undefined) return;
        const head = this.#pending[0];
        head.replies.push(reply);
        if (head.replies.length === head.expected) {
          this.#pending.shift();
          head.resolve(head.replies);
        }
      }
    } catch (error) {
      this.#fail(error as Error);
    }
  }

  #fail(error: Error) {
    if (!this.#failure) {
      this.#failure = error;
      this.#socket.destroy();
    }
    for (const pending of this.#pending.splice(0)) pending.reject(error);
  }
}
