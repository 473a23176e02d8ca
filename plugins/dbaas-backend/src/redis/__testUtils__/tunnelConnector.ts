import {
  DriverConnector,
  NodeRoute,
  NodeTarget,
} from '@justmanage/plugin-dbaas-node';
import { connect, createServer, Server, Socket } from 'node:net';
import { origins } from '../../topology/__testUtils__/connectionOrigins';

/** A connector that tunnels, as a port-forward or an SSH forward would. */
export interface TunnelConnector extends DriverConnector {
  /** Every target a route was opened for. */
  readonly opened: NodeTarget[];
  /** Connections carried through the tunnels, by node id. */
  readonly carried: Map<string, number>;
  /** Closes every tunnel still open. */
  closeAll(): Promise<void>;
}

/**
 * Opens a listener on 127.0.0.1 per route and pipes each connection to
 * where `resolve` says the node really is. Endpoints can then name hosts
 * the backend cannot dial (`*.invalid`): a connection that does not go
 * through the connector fails.
 */
export function tunnelConnector(
  resolve: (target: NodeTarget) => { host: string; port: number },
): TunnelConnector {
  const servers = new Set<Server>();
  const sockets = new Set<Socket>();
  const opened: NodeTarget[] = [];
  const carried = new Map<string, number>();
  return {
    opened,
    carried,
    async open(target): Promise<NodeRoute> {
      opened.push(target);
      const destination = resolve(target);
      const server = createServer(client => {
        carried.set(target.nodeId, (carried.get(target.nodeId) ?? 0) + 1);
        const upstream = origins.run('tunnel', () => connect(destination));
        // Either end closing closes the other, as a real tunnel does.
        for (const s of [client, upstream]) {
          sockets.add(s);
          s.on('error', () => undefined);
          s.on('close', () => {
            sockets.delete(s);
            client.destroy();
            upstream.destroy();
          });
        }
        client.pipe(upstream).pipe(client);
      });
      servers.add(server);
      await new Promise<void>(done => server.listen(0, '127.0.0.1', done));
      const { port } = server.address() as { port: number };
      return {
        host: '127.0.0.1',
        port,
        tls: false,
        close: () => {
          servers.delete(server);
          server.close();
        },
      };
    },
    async closeAll() {
      for (const socket of sockets) socket.destroy();
      await Promise.all(
        [...servers].map(s => new Promise(done => s.close(done))),
      );
      servers.clear();
    },
  };
}
