import { ConflictError } from '@backstage/errors';
import {
  closeSync,
  mkdirSync,
  openSync,
  readFileSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { readdir } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { RESERVED_PORT } from './config';

/**
 * Checks that nothing listens on the port, by briefly listening on it.
 * Closing a listening socket frees its port at once, so the answer does
 * not wait for the close callback, one more turn of the event loop.
 */
export function isPortBindable(host: string, port: number): Promise<boolean> {
  return new Promise(resolve => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen({ host, port, exclusive: true }, () => {
      server.close();
      resolve(true);
    });
  });
}

/**
 * Hands out ports from a range. A claim is a file named after the port,
 * created with O_EXCL: the filesystem, not this process, decides who wins,
 * so backends sharing a data dir never hand out one port twice. Claim
 * files are control files, handled synchronously (see fsUtils).
 */
export class PortAllocator {
  readonly #folder: string;
  readonly #host: string;
  readonly #start: number;
  readonly #end: number;

  constructor(options: {
    folder: string;
    host: string;
    start: number;
    end: number;
  }) {
    this.#folder = options.folder;
    this.#host = options.host;
    this.#start = options.start;
    this.#end = options.end;
  }

  #claimFile(port: number): string {
    return join(this.#folder, String(port));
  }

  /** Opens a new claim file, making the folder the first time. */
  #create(port: number): number {
    try {
      return openSync(this.#claimFile(port), 'wx', 0o600);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      mkdirSync(this.#folder, { recursive: true });
      return openSync(this.#claimFile(port), 'wx', 0o600);
    }
  }

  /** Creates the claim file; false when someone else holds the port. */
  #tryClaim(port: number, owner: string): boolean {
    let fd: number;
    try {
      fd = this.#create(port);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
        return false;
      }
      throw error;
    }
    try {
      writeSync(fd, owner);
    } finally {
      closeSync(fd);
    }
    return true;
  }

  /** The instance id holding a port, if any. */
  owner(port: number): string | undefined {
    try {
      return readFileSync(this.#claimFile(port), 'utf8').trim();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        return undefined;
      }
      throw error;
    }
  }

  /**
   * Makes sure `owner` holds `port`, re-creating a lost claim. False when
   * another instance holds it.
   */
  ensureClaim(port: number, owner: string): boolean {
    if (this.#tryClaim(port, owner)) {
      return true;
    }
    return this.owner(port) === owner;
  }

  /** Claims a free, bindable port for `owner`. */
  async claim(owner: string): Promise<number> {
    const size = this.#end - this.#start + 1;
    // Starting at a random offset keeps concurrent allocators from all
    // fighting over the lowest free port.
    const offset = Math.floor(Math.random() * size);
    for (let i = 0; i < size; i++) {
      const port = this.#start + ((offset + i) % size);
      if (port === RESERVED_PORT) continue;
      if (!this.#tryClaim(port, owner)) continue;
      if (await isPortBindable(this.#host, port)) {
        return port;
      }
      // Something outside our data dir uses it; leave it alone.
      this.release(port, owner);
    }
    throw new ConflictError(
      `No free port left in ${this.#start}..${this.#end} for the local driver`,
    );
  }

  /** Frees a port, but only if `owner` still holds it. */
  release(port: number, owner: string): void {
    if (this.owner(port) !== owner) {
      return;
    }
    try {
      unlinkSync(this.#claimFile(port));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }

  /**
   * Frees every port `owner` holds. A backend that died between claiming a
   * port and recording it in the instance folder left a claim nothing
   * points to; deleting the instance is when it can be found and freed.
   */
  async releaseAll(owner: string): Promise<void> {
    let names: string[];
    try {
      names = await readdir(this.#folder);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    for (const name of names) {
      const port = Number(name);
      if (Number.isInteger(port)) this.release(port, owner);
    }
  }
}
