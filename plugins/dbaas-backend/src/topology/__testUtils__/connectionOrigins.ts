import { AsyncLocalStorage } from 'node:async_hooks';
import { Socket } from 'node:net';

/**
 * Who opens a connection: code run inside `origins.run('platform', ...)`
 * and everything it schedules (timers, ticks, promises) counts as that.
 * Code run in no such context is the control plane.
 */
export const origins = new AsyncLocalStorage<string>();

/** One TCP connect to a node address, and who made it. */
export interface TracedConnect {
  host: string;
  port: number;
  origin: string;
  stack: string;
}

/**
 * Records every TCP connect of this process (ioredis, raw sockets, TLS all
 * end in Socket#connect) whose destination `isNode` picks, with the origin
 * it ran in. Call `stop()` to put Socket#connect back.
 */
export function traceConnects(
  isNode: (host: string, port: number) => boolean,
): {
  connects: TracedConnect[];
  stop(): void;
} {
  const connects: TracedConnect[] = [];
  const original = Socket.prototype.connect;
  Socket.prototype.connect = function connect(this: Socket, ...args: any[]) {
    // net.connect hands over [options, callback] marked as normalized;
    // socket.connect(port, host) and socket.connect(options) also occur.
    const first = Array.isArray(args[0]) ? args[0][0] : args[0];
    const options =
      typeof first === 'object' && first !== null
        ? first
        : { port: first, host: args[1] };
    const host = String(options.host ?? 'localhost');
    const port = Number(options.port);
    if (isNode(host, port)) {
      connects.push({
        host,
        port,
        origin: origins.getStore() ?? 'control plane',
        stack: new Error().stack ?? '',
      });
    }
    return (original as any).apply(this, args);
  } as typeof Socket.prototype.connect;
  return {
    connects,
    stop: () => {
      Socket.prototype.connect = original;
    },
  };
}
