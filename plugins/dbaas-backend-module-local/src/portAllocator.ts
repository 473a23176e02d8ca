import { PlatformRejectedError } from '@justmanage/plugin-dbaas-node';
import { createServer } from 'node:net';
import { ClaimFolder } from './claimFolder';
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
 * Hands out ports from a range on one address (`addressing: ports`). A
 * claim is a file named after the port in a folder every backend on the
 * host shares (see ClaimFolder).
 */
export class PortAllocator {
  readonly #claims: ClaimFolder;
  readonly #host: string;
  readonly #start: number;
  readonly #end: number;

  constructor(options: {
    folder: string;
    host: string;
    start: number;
    end: number;
  }) {
    this.#claims = new ClaimFolder(options.folder);
    this.#host = options.host;
    this.#start = options.start;
    this.#end = options.end;
  }

  /** The instance id holding a port, if any. */
  owner(port: number): string | undefined {
    return this.#claims.owner(String(port));
  }

  /**
   * Makes sure `owner` holds `port`, re-creating a lost claim. False when
   * another instance holds it.
   */
  ensureClaim(port: number, owner: string): boolean {
    return this.#claims.ensureClaim(String(port), owner);
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
      if (!this.#claims.tryClaim(String(port), owner)) continue;
      if (await isPortBindable(this.#host, port)) {
        return port;
      }
      // Something outside our data dir uses it; leave it alone.
      this.release(port, owner);
    }
    throw new PlatformRejectedError(
      `No free port left in ${this.#start}..${this.#end} for the local driver`,
    );
  }

  /** Frees a port, but only if `owner` still holds it. */
  release(port: number, owner: string): void {
    this.#claims.release(String(port), owner);
  }

  /**
   * Frees every port `owner` holds. A backend that died between claiming a
   * port and recording it in the instance folder left a claim nothing
   * points to; deleting the instance is when it can be found and freed.
   */
  async releaseAll(owner: string): Promise<void> {
    await this.#claims.releaseAll(owner);
  }
}
