import { createServer, Server, Socket, connect } from 'node:net';
import { KINDS } from '../api/kinds';
import { ObjectStore } from '../store/ObjectStore';
import { KubeObject } from '../store/objects';

type Obj = Record<string, any>;
const POD = KINDS.find(k => k.kind === 'Pod')!;

const isReady = (pod: Obj) =>
  !pod.metadata.deletionTimestamp &&
  (pod.status?.conditions ?? []).some(
    (c: Obj) => c.type === 'Ready' && c.status === 'True',
  );

/**
 * ClusterIPs and kube-proxy in its old userspace mode: a Service gets an
 * address from a pool when it is created, and every port of it listens
 * there, passing each connection to one of the Service's endpoints (pods
 * matching its selector that are Ready, or any running one with
 * publishNotReadyAddresses). A Service without endpoints refuses.
 */
export class ServiceProxy {
  readonly #store: ObjectStore;
  readonly #free: string[];
  readonly #listeners = new Map<string, Server[]>();
  readonly #sockets = new Set<Socket>();
  readonly #unsubscribe: () => void;

  constructor(store: ObjectStore, addresses: string[]) {
    this.#store = store;
    this.#free = [...addresses];
    store.onCreate(object => {
      const spec = object.spec as Obj | undefined;
      if (object.kind !== 'Service' || !spec || spec.clusterIP) return;
      const ip = this.#free.shift();
      if (!ip) throw new Error('the test cluster ran out of ClusterIPs');
      spec.clusterIP = ip;
      spec.clusterIPs = [ip];
    });
    this.#unsubscribe = store.onChange((type, object) => {
      if (object.kind !== 'Service') return;
      if (type === 'ADDED') void this.#listen(object);
      if (type === 'DELETED') this.#close(object);
    });
  }

  async stop(): Promise<void> {
    this.#unsubscribe();
    for (const socket of this.#sockets) socket.destroy();
    await Promise.all(
      [...this.#listeners.values()]
        .flat()
        .map(s => new Promise(r => s.close(r))),
    );
    this.#listeners.clear();
  }

  async #listen(service: KubeObject) {
    const spec = service.spec as Obj;
    const ip: string | undefined = spec.clusterIP;
    if (!ip || ip === 'None') return;
    const servers: Server[] = [];
    this.#listeners.set(service.metadata.uid!, servers);
    for (const port of spec.ports ?? []) {
      const server = createServer(client =>
        this.#forward(service, port, client),
      );
      servers.push(server);
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port.port, ip, () => resolve());
      });
    }
  }

  #forward(service: KubeObject, port: Obj, client: Socket) {
    const spec = service.spec as Obj;
    const selector: Record<string, string> = spec.selector ?? {};
    const endpoints = this.#store
      .list(POD, service.metadata.namespace)
      .filter(p =>
        Object.entries(selector).every(
          ([k, v]) => p.metadata.labels?.[k] === v,
        ),
      )
      .filter(
        p =>
          (p.status as Obj)?.podIP &&
          (spec.publishNotReadyAddresses || isReady(p)),
      );
    const pod = endpoints[Math.floor(Math.random() * endpoints.length)] as
      | Obj
      | undefined;
    if (!pod) {
      client.destroy();
      return;
    }
    const target =
      typeof port.targetPort === 'string'
        ? (pod.spec.containers as Obj[])
            .flatMap(c => c.ports ?? [])
            .find((p: Obj) => p.name === port.targetPort)?.containerPort
        : port.targetPort ?? port.port;
    const upstream = connect({ host: pod.status.podIP, port: target });
    for (const s of [client, upstream]) {
      this.#sockets.add(s);
      s.on('close', () => this.#sockets.delete(s));
      s.on('error', () => undefined);
    }
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
    client.pipe(upstream).pipe(client);
  }

  #close(service: KubeObject) {
    const servers = this.#listeners.get(service.metadata.uid!) ?? [];
    this.#listeners.delete(service.metadata.uid!);
    for (const s of servers) s.close();
    const ip = (service.spec as Obj)?.clusterIP;
    if (ip && ip !== 'None') this.#free.push(ip);
  }
}
