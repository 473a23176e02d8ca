import { connect as connectTcp, Socket } from 'node:net';
import { connect as connectTls } from 'node:tls';
import { NodeRoute } from '@justmanage/plugin-dbaas-node';

/** A command as Redis reads it: an array of bulk strings. */
function encode(...args: string[]): string {
  const parts = args.map(arg => `$${Buffer.byteLength(arg)}\r\n${arg}\r\n`);
  return `*${args.length}\r\n${parts.join('')}`;
}

/**
 * Sends AUTH and PING in one write on a new connection and expects `+OK`
 * and `+PONG`. Waiting for a new instance runs this on its way, and a
 * full client would spend more on setting itself up than the exchange
 * takes. Error replies are thrown with their text, e.g. `WRONGPASS ...`.
 */
export function authPing(
  route: Pick<NodeRoute, 'host' | 'port' | 'tls' | 'servername' | 'ca'>,
  login: { username: string; password: string },
  timeoutMs: number,
): Promise<void> {
  const { host, port } = route;
  return new Promise((resolve, reject) => {
    const socket: Socket = route.tls
      ? connectTls({ host, port, servername: route.servername, ca: route.ca })
      : connectTcp({ host, port });
    let received = '';
    let settled = false;
    const finish = (error?: Error) => {
      if (settled) return;
      settled = true;
      socket.destroy();
      if (error) reject(error);
      else resolve();
    };
    socket.setTimeout(timeoutMs, () =>
      finish(
        new Error(`${host}:${port} did not answer within ${timeoutMs} ms`),
      ),
    );
    socket.once(route.tls ? 'secureConnect' : 'connect', () =>
      socket.write(
        encode('AUTH', login.username, login.password) + encode('PING'),
      ),
    );
    socket.on('data', chunk => {
      received += chunk.toString('utf8');
      const replies = received.split('\r\n').slice(0, -1);
      const failed = replies.find(reply => !reply.startsWith('+'));
      if (failed !== undefined) {
        finish(new Error(failed.replace(/^-/, '')));
      } else if (replies.length >= 2) {
        finish(
          replies[0] === '+OK' && replies[1] === '+PONG'
            ? undefined
            : new Error(`Unexpected replies '${replies.join(' ')}'`),
        );
      }
    });
    socket.once('error', error => finish(error));
    socket.once('close', () =>
      finish(new Error(`${host}:${port} closed the connection`)),
    );
  });
}
