import { PortForward } from '@kubernetes/client-node';
import {
  DriverConnector,
  NodeRoute,
  NodeTarget,
  PlatformUnavailableError,
} from '@justmanage/plugin-dbaas-node';
import { AddressInfo, createServer, Server, Socket } from 'node:net';
import { KubeApi } from './KubeApi';

interface Tunnel {
  server: Server;
  port: number;
  users: number;
  sockets: Set<Socket>;
}

/**
 * Reaches pods through the API server, as `kubectl port-forward` does,
 * for a backend outside the cluster: a listener on 127.0.0.1 per node,
 * shared by every route to that node, each connection to it one
 * port-forward WebSocket to the pod's port. A node id is its pod's name.
 */
export class PortForwardConnector implements DriverConnector {
  readonly #locate: (
    instanceId: string,
  ) => { api: KubeApi; namespace: string } | undefined;
  readonly #tunnels = new Map<string, Promise<Tunnel>>();

  constructor(
    locate: (
      instanceId: string,
    ) => { api: KubeApi; namespace: string } | undefined,
  ) {
    this.#locate = locate;
  }

  async open(target: NodeTarget, signal?: AbortSignal): Promise<NodeRoute> {
    signal?.throwIfAborted();
    const key = `${target.instanceId}/${target.nodeId}/${target.endpoint.port}`;
    let pending = this.#tunnels.get(key);
    if (!pending) {
      pending = this.#listen(target);
      this.#tunnels.set(key, pending);
      pending.catch(() => this.#tunnels.delete(key));
    }
    const tunnel = await pending;
    tunnel.users += 1;
    let closed = false;
    return {
      host: '127.0.0.1',
      port: tunnel.port,
      tls: target.endpoint.tls,
      close: () => {
        if (closed) return;
        closed = true;
        tunnel.users -= 1;
        if (tunnel.users > 0) return;
        this.#tunnels.delete(key);
        tunnel.server.close();
        for (const socket of tunnel.sockets) socket.destroy();
      },
    };
  }

  async #listen(target: NodeTarget): Promise<Tunnel> {
    const where = this.#locate(target.instanceId);
    if (!where) {
      throw new PlatformUnavailableError(
        `No cluster is known for ${target.instanceId} yet; observe it first`,
      );
    }
    const forward = new PortForward(where.api.kubeConfig, true);
    const sockets = new Set<Socket>();
    const server = createServer(socket => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => undefined);
      forward
        .portForward(
          where.namespace,
          target.nodeId,
          [target.endpoint.port],
          socket,
          null,
          socket,
        )
        .then(ws => {
          const socketOf = ws as unknown as {
            addEventListener?(e: string, l: () => void): void;
          };
          // The pod's side closed: so does ours.
          socketOf.addEventListener?.('close', () => socket.destroy());
        })
        .catch(() => socket.destroy());
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    return {
      server,
      port: (server.address() as AddressInfo).port,
      users: 0,
      sockets,
    };
  }
}
