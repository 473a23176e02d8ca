import { InputError } from '@backstage/errors';
import { PlatformRejectedError } from '@justmanage/plugin-dbaas-node';
import { ClaimFolder } from './claimFolder';
import { isPortBindable } from './portAllocator';

/** The machine's own Redis lives at 127.0.0.1; nothing here may go there. */
const RESERVED_HOST = '127.0.0.1';

/** An IPv4 network inside 127.0.0.0/8, as `network/prefix`. */
export interface LoopbackNetwork {
  /** First address of the network as a 32-bit number. */
  base: number;
  prefix: number;
}

/** Parses and checks `127.a.b.c/prefix` (prefix 16 to 30, never holding 127.0.0.1). */
export function parseLoopbackNetwork(text: string): LoopbackNetwork {
  const match = /^127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(text);
  const octets = match ? match.slice(1, 4).map(Number) : [];
  const prefix = match ? Number(match[4]) : NaN;
  if (!match || octets.some(o => o > 255) || prefix < 16 || prefix > 30) {
    throw new InputError(
      `dbaas.drivers.local.loopback.network must be an IPv4 network inside 127.0.0.0/8 with a prefix of /16 to /30, e.g. 127.0.77.0/24; got '${text}'`,
    );
  }
  const mask = prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
  const address =
    ((127 << 24) | (octets[0] << 16) | (octets[1] << 8) | octets[2]) >>> 0;
  const network = { base: (address & mask) >>> 0, prefix };
  const reserved = toNumber(RESERVED_HOST);
  if (reserved >= network.base && reserved < network.base + sizeOf(network)) {
    throw new InputError(
      `dbaas.drivers.local.loopback.network ${text} holds ${RESERVED_HOST}, which belongs to the machine`,
    );
  }
  return network;
}

function sizeOf(network: LoopbackNetwork): number {
  return 2 ** (32 - network.prefix);
}

function toNumber(host: string): number {
  return host.split('.').reduce((n, o) => ((n << 8) | Number(o)) >>> 0, 0);
}

function toHost(n: number): string {
  return [24, 16, 8, 0].map(shift => (n >>> shift) & 255).join('.');
}

/**
 * Hands out loopback addresses of a network, all with the same port
 * (`addressing: loopback`), the way every pod of a StatefulSet listens on
 * 6379 at its own IP. Linux routes all of 127.0.0.0/8 to the loopback
 * device, so any of them can be bound without configuring anything.
 * Claims are files named after the address (see ClaimFolder).
 */
export class LoopbackAllocator {
  readonly #claims: ClaimFolder;
  readonly #network: LoopbackNetwork;
  readonly #port: number;

  constructor(options: { folder: string; network: string; port: number }) {
    this.#claims = new ClaimFolder(options.folder);
    this.#network = parseLoopbackNetwork(options.network);
    this.#port = options.port;
  }

  get port(): number {
    return this.#port;
  }

  owner(host: string): string | undefined {
    return this.#claims.owner(host);
  }

  ensureClaim(host: string, owner: string): boolean {
    return this.#claims.ensureClaim(host, owner);
  }

  /** Claims a free address whose port nothing listens on. */
  async claim(owner: string): Promise<string> {
    // The network's first and last addresses are left out, as on any network.
    const usable = sizeOf(this.#network) - 2;
    const offset = Math.floor(Math.random() * usable);
    for (let i = 0; i < usable; i++) {
      const host = toHost(this.#network.base + 1 + ((offset + i) % usable));
      if (host === RESERVED_HOST) continue;
      if (!this.#claims.tryClaim(host, owner)) continue;
      if (await isPortBindable(host, this.#port)) return host;
      this.release(host, owner);
    }
    throw new PlatformRejectedError(
      `No free loopback address left in ${toHost(this.#network.base)}/${
        this.#network.prefix
      } for the local driver`,
    );
  }

  release(host: string, owner: string): void {
    this.#claims.release(host, owner);
  }

  async releaseAll(owner: string): Promise<void> {
    await this.#claims.releaseAll(owner);
  }
}
