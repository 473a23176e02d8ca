import { randomBytes } from 'node:crypto';
import { createServer, Server, ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { join } from 'node:path';
import { Duplex } from 'node:stream';
import { handlePortForward } from './api/portForward';
import { AddressInfo } from 'node:net';
import { KINDS } from './api/kinds';
import { createRouter, RequestRecord } from './api/router';
import { StatefulSetController } from './controllers/StatefulSetController';
import { KubeFaults } from './faults';
import { Kubelet, TestImage } from './kubelet/Kubelet';
import { ObjectStore } from './store/ObjectStore';
import { quantity } from './store/validate';
import { ServiceProxy } from './proxy/ServiceProxy';
import { servingCertificate } from './servingCertificate';

export interface KubeTestClusterOptions {
  /** Pods' folders, logs and volumes. */
  dataDir: string;
  /** The API server's port on 127.0.0.1; 0 picks a free one. */
  port: number;
  /** Namespaces that exist from the start (besides `default`). */
  namespaces?: string[];
  podAddresses: string[];
  /** ClusterIPs, each a loopback address the Service's ports listen on. */
  serviceAddresses?: string[];
  images: Record<string, TestImage>;
  probePeriodMs?: number;
  maxGraceMs?: number;
  /** What the one node offers pods' requests, in Kubernetes quantities (`4`, `8Gi`); unlimited when absent. */
  nodeCapacity?: { cpu: string; memory: string };
  /** How often a watch that allows bookmarks gets one. Default 1000. */
  bookmarkIntervalMs?: number;
  /** Serve https with a self-signed certificate (see `caCertificate`), as client-node requires. */
  tls?: boolean;
}

/**
 * A Kubernetes API server for tests, written from the API reference, with
 * the controllers and the node agent behind it: a StatefulSet controller
 * and a kubelet whose pods are real processes. Clients reach it with its
 * `url` and bearer `token`, as they would a cluster's.
 */
export class KubeTestCluster {
  readonly store = new ObjectStore();
  readonly #watches = new Set<ServerResponse>();
  /** Port-forward WebSockets: not among the server's connections once upgraded. */
  readonly #upgraded = new Set<Duplex>();
  readonly faults = new KubeFaults(this.#watches);
  readonly requests: RequestRecord[] = [];
  readonly token = randomBytes(24).toString('base64url');
  readonly kubelet: Kubelet;
  readonly #controller: StatefulSetController;
  readonly #proxy: ServiceProxy;
  #server?: Server;
  readonly #bookmarkIntervalMs: number;
  #url = '';
  /** Port-forward requests served, for tests that must prove a tunnel was used. */
  portForwards = 0;
  /** PEM the clients trust, when the server speaks https. */
  caCertificate?: string;

  static async start(
    options: KubeTestClusterOptions,
  ): Promise<KubeTestCluster> {
    const cluster = new KubeTestCluster(options);
    const tls = options.tls
      ? await servingCertificate(join(options.dataDir, 'pki'))
      : undefined;
    await cluster.#listen(options.port, tls);
    return cluster;
  }

  private constructor(options: KubeTestClusterOptions) {
    const namespace = KINDS.find(k => k.kind === 'Namespace')!;
    for (const name of ['default', ...(options.namespaces ?? [])]) {
      this.store.create(namespace, {
        apiVersion: 'v1',
        kind: 'Namespace',
        metadata: { name, labels: { 'kubernetes.io/metadata.name': name } },
        status: { phase: 'Active' },
      });
    }
    this.#bookmarkIntervalMs = options.bookmarkIntervalMs ?? 1000;
    this.#proxy = new ServiceProxy(this.store, options.serviceAddresses ?? []);
    this.#controller = new StatefulSetController(this.store);
    this.kubelet = new Kubelet({
      store: this.store,
      nodeName: 'test-node-1',
      dataDir: options.dataDir,
      podAddresses: options.podAddresses,
      images: options.images,
      probePeriodMs: options.probePeriodMs ?? 200,
      maxGraceMs: options.maxGraceMs ?? 3000,
      capacity: options.nodeCapacity && {
        cpu: quantity(options.nodeCapacity.cpu) * 1000,
        memory: quantity(options.nodeCapacity.memory),
      },
    });
  }

  get url(): string {
    return this.#url;
  }

  async #listen(port: number, tls?: { cert: string; key: string }) {
    const handler = createRouter({
      store: this.store,
      token: this.token,
      fault: () => this.faults.current(),
      record: entry => this.requests.push(entry),
      watches: this.#watches,
      bookmarkIntervalMs: this.#bookmarkIntervalMs,
    });
    const server: Server = tls
      ? createHttpsServer(tls, (req, res) => void handler(req, res))
      : createServer((req, res) => void handler(req, res));
    this.caCertificate = tls?.cert;
    server.on('upgrade', (req, socket: Duplex) => {
      this.#upgraded.add(socket);
      socket.on('close', () => this.#upgraded.delete(socket));
      const authorized = req.headers.authorization === `Bearer ${this.token}`;
      if (handlePortForward(req, socket, this.store, authorized)) {
        this.portForwards += 1;
      } else {
        socket.destroy();
      }
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    this.#server = server;
    this.#url = `${tls ? 'https' : 'http'}://127.0.0.1:${
      (server.address() as AddressInfo).port
    }`;
  }

  /** The cluster's one node is lost: see Kubelet.loseNode. */
  loseNode(): Promise<void> {
    return this.kubelet.loseNode();
  }

  /** `kubectl delete pod`: a graceful deletion, as the API's DELETE does. */
  deletePod(namespace: string, name: string): void {
    const pod = KINDS.find(k => k.kind === 'Pod')!;
    this.store.delete(pod, namespace, name);
  }

  /** Stops every pod's processes, then the API server. */
  async stop(): Promise<void> {
    this.#controller.stop();
    this.faults.dropWatches();
    for (const socket of this.#upgraded) socket.destroy();
    await this.#proxy.stop();
    await this.kubelet.stop();
    await new Promise<void>(resolve => {
      this.#server?.closeAllConnections();
      this.#server?.close(() => resolve());
    });
  }
}
