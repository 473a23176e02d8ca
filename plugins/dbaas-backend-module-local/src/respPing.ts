import { connect } from 'node:net';
import { connect as connectTls } from 'node:tls';

/** What a raw PING tells about a server. */
export type PingResult = 'serving' | 'loading' | 'unreachable';

/**
 * Sends an inline PING without credentials. Any RESP reply proves the
 * server accepts commands: with the default user switched off the usual
 * answer is `-NOAUTH`, which is fine. Only `-LOADING` means it is not
 * ready yet.
 */
export function respPing(
  host: string,
  port: number,
  timeoutMs = 500,
  tls?: { ca: string },
): Promise<PingResult> {
  return new Promise(resolve => {
    let settled = false;
    let received = '';
    const socket = tls
      ? connectTls({ host, port, ca: tls.ca })
      : connect({ host, port });
    const finish = (result: PingResult) => {
      if (settled) return;
      settled = true;
      socket.destroy();
      resolve(result);
    };
    socket.setTimeout(timeoutMs, () => finish('unreachable'));
    socket.once(tls ? 'secureConnect' : 'connect', () =>
      socket.write('PING\r\n'),
    );
    socket.on('data', chunk => {
      received += chunk.toString('latin1');
      if (!received.includes('\r\n')) return;
      if (received.startsWith('-LOADING')) {
        finish('loading');
      } else if ('+-:$*_#,(!=%~>|'.includes(received[0])) {
        finish('serving');
      } else {
        finish('unreachable');
      }
    });
    socket.once('error', () => finish('unreachable'));
    socket.once('close', () => finish('unreachable'));
  });
}
