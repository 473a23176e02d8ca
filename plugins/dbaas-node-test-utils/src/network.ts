import { createConnection } from 'node:net';
import { networkInterfaces } from 'node:os';

/** 'open', or the error code (ECONNREFUSED, ...) a client dialling host:port gets. */
export function dial(host: string, port: number): Promise<string> {
  return new Promise(resolve => {
    const socket = createConnection({ host, port }, () => {
      socket.destroy();
      resolve('open');
    });
    socket.once('error', error =>
      resolve((error as NodeJS.ErrnoException).code ?? error.message),
    );
  });
}

/**
 * An IPv4 address of this host that is not loopback: where a client on the
 * network would dial. Tests of who may connect need one, so its absence
 * fails them rather than letting them pass unproven.
 */
export function lanAddress(): string {
  const found = Object.values(networkInterfaces())
    .flat()
    .find(a => a && a.family === 'IPv4' && !a.internal);
  if (!found) {
    throw new Error('This test needs a non-loopback IPv4 address on the host');
  }
  return found.address;
}
