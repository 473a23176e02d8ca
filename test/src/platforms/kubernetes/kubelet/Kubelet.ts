import { mkdir, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { KINDS } from '../api/kinds';
import { ObjectStore } from '../store/ObjectStore';
import { KubeObject } from '../store/objects';
import { ContainerRunner } from './ContainerRunner';
import { containerEnv, EnvError, expand } from './containerEnv';
import { MountError, prepareMounts } from './mounts';
import { recordEvent } from './events';
import { runToCompletion } from './initContainers';
import { podRequests, Resources, unschedulable } from './scheduling';
import { blockedPodStatus, podStatus, waitingContainer } from './podStatus';

type Obj = Record<string, any>;

/** The pod cannot start yet; the kubelet tries again. */
class Retry extends Error {}

const POD = KINDS.find(k => k.kind === 'Pod')!;

/** What an image holds: its binaries by name, and its default command. */
export interface TestImage {
  binaries: Record<string, string>;
  entrypoint: string[];
}

export interface KubeletOptions {
  store: ObjectStore;
  nodeName: string;
  dataDir: string;
  /** Pod IPs, each a loopback address the pod's processes bind. */
  podAddresses: string[];
  images: Record<string, TestImage>;
  /** Probes run at this period whatever periodSeconds says, to keep tests short. */
  probePeriodMs: number;
  /** terminationGracePeriodSeconds is capped at this. */
  maxGraceMs: number;
  /** What the node can give pods' requests (CPU in millicores, memory in bytes); unlimited when absent. */
  capacity?: Resources;
}

interface RunningPod {
  uid: string;
  ip: string;
  dir: string;
  runners: ContainerRunner[];
  images: string[];
  startTime: string;
  retry?: NodeJS.Timeout;
  stopped: boolean;
  initialized?: boolean;
  requests: Resources;
  /** Host folders of the claims the pod mounts. */
  claims: string[];
  /** Init containers and preparation under way, which a kill waits for. */
  starting?: Promise<void>;
}

/**
 * The node agent: runs each pod's containers as real processes on the
 * pod's own loopback address (`--bind <podIP>` stands in for the pod's
 * network namespace, so every pod can listen on 6379), mounts its volumes
 * as folders, writes its status from the processes and probes, and ends
 * graceful deletions by stopping the processes before removing the pod.
 */
export class Kubelet {
  readonly #o: KubeletOptions;
  readonly #pods = new Map<string, RunningPod>();
  readonly #free: string[];
  readonly #unsubscribe: Array<() => void> = [];
  readonly #released = new Set<string>();
  #stopped = false;
  #lost = false;
  readonly #stopping = new Set<Promise<void>>();
  /** Pods the scheduler could not place, tried again when a pod leaves. */
  readonly #pending = new Map<string, KubeObject>();

  constructor(options: KubeletOptions) {
    this.#o = options;
    this.#free = [...options.podAddresses];
    const { store } = options;
    this.#unsubscribe.push(
      store.onChange((type, object) => {
        if (object.kind === 'Pod' && type === 'ADDED') void this.#admit(object);
        if (object.kind === 'Pod' && type === 'DELETED')
          this.#pending.delete(object.metadata.uid!);
        if (object.kind === 'Pod' && type === 'DELETED')
          void this.#kill(object.metadata.uid!);
        if (object.kind === 'PersistentVolumeClaim' && type === 'DELETED')
          void this.#releaseClaim(
            this.claimDir(object.metadata.namespace!, object.metadata.name),
          );
      }),
      store.onGracefulDelete(pod => void this.#terminate(pod)),
    );
  }

  claimDir(namespace: string, claim: string): string {
    return join(this.#o.dataDir, 'volumes', namespace, claim);
  }

  /** The processes of a pod's containers, for tests (a node lost, an OOM kill). */
  pids(namespace: string, name: string): number[] {
    const pod = this.#o.store.find(POD, namespace, name);
    const running = pod && this.#pods.get(pod.metadata.uid!);
    return running ? running.runners.flatMap(r => (r.pid ? [r.pid] : [])) : [];
  }

  /**
   * The node is lost (powered off, cut from the network): every container
   * process dies at once and nothing is restarted; the pods stay, with
   * reason NodeLost and Ready False, as the node controller marks them. A
   * lost node takes no new pods.
   */
  async loseNode(): Promise<void> {
    this.#lost = true;
    for (const [uid, running] of this.#pods) {
      running.stopped = true;
      if (running.retry) clearTimeout(running.retry);
      await Promise.all(running.runners.map(r => r.stop(0)));
      const pod = [...this.#o.store.list(POD)].find(
        p => p.metadata.uid === uid,
      );
      if (!pod) continue;
      this.#o.store.updateStatus(pod, {
        ...(pod.status as Obj),
        reason: 'NodeLost',
        message: `Node ${this.#o.nodeName} which was running pod ${
          pod.metadata.name
        } is unresponsive`,
        conditions: ((pod.status as Obj)?.conditions ?? []).map((c: Obj) =>
          c.type === 'Ready' || c.type === 'ContainersReady'
            ? { ...c, status: 'False', reason: 'NodeLost' }
            : c,
        ),
      });
    }
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    for (const u of this.#unsubscribe) u();
    await Promise.all([...this.#pods.keys()].map(uid => this.#kill(uid)));
    await Promise.all([...this.#stopping]);
  }

  async #admit(pod: KubeObject) {
    if (this.#lost) return;
    const uid = pod.metadata.uid!;
    const requests = podRequests(pod);
    const used = [...this.#pods.values()].reduce(
      (sum, p) => ({
        cpu: sum.cpu + p.requests.cpu,
        memory: sum.memory + p.requests.memory,
      }),
      { cpu: 0, memory: 0 },
    );
    const refusal = unschedulable(
      requests,
      used,
      this.#o.capacity,
      this.#free.length,
    );
    if (refusal) {
      this.#unschedulable(pod, refusal);
      return;
    }
    const ip = this.#free.shift()!;
    const dir = join(
      this.#o.dataDir,
      'pods',
      `${pod.metadata.namespace}_${pod.metadata.name}_${uid}`,
    );
    const running: RunningPod = {
      uid,
      ip,
      dir,
      runners: [],
      images: [],
      startTime: new Date().toISOString(),
      stopped: false,
      requests,
      claims: ((pod.spec as Obj).volumes ?? [])
        .filter((v: Obj) => v.persistentVolumeClaim)
        .map((v: Obj) =>
          this.claimDir(
            pod.metadata.namespace!,
            v.persistentVolumeClaim.claimName,
          ),
        ),
    };
    // Placed before anything awaits, so two pods never take the same room.
    this.#pods.set(uid, running);
    await mkdir(dir, { recursive: true });
    if (this.#stopped || running.stopped) return;
    this.#writeStatus(pod, running);
    await this.#start(pod, running);
  }

  #start(pod: KubeObject, running: RunningPod): Promise<void> {
    running.starting = this.#startContainers(pod, running);
    return running.starting;
  }

  /** Pending with PodScheduled False and a FailedScheduling event, as the scheduler leaves it. */
  #unschedulable(pod: KubeObject, message: string) {
    const known = this.#pending.has(pod.metadata.uid!);
    this.#pending.set(pod.metadata.uid!, pod);
    if (known) return;
    recordEvent(this.#o.store, pod, 'Warning', 'FailedScheduling', message);
    this.#o.store.updateStatus(pod, {
      phase: 'Pending',
      conditions: [
        {
          type: 'PodScheduled',
          status: 'False',
          reason: 'Unschedulable',
          message,
          lastProbeTime: null,
          lastTransitionTime: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
        },
      ],
    });
  }

  /** Capacity freed: the pending pods are tried again, oldest first. */
  #retryPending() {
    const waiting = [...this.#pending.values()];
    this.#pending.clear();
    for (const pod of waiting) {
      const live = this.#o.store.find(
        POD,
        pod.metadata.namespace,
        pod.metadata.name,
      );
      if (
        live &&
        live.metadata.uid === pod.metadata.uid &&
        !live.metadata.deletionTimestamp
      ) {
        this.#pending.set(pod.metadata.uid!, live);
      }
    }
    for (const pod of [...this.#pending.values()]) {
      this.#pending.delete(pod.metadata.uid!);
      void this.#admit(pod);
    }
  }

  async #startContainers(pod: KubeObject, running: RunningPod) {
    if (running.stopped) return;
    const spec = pod.spec as Obj;
    const launches: ContainerRunner[] = [];
    try {
      if (!running.initialized) {
        for (const init of (spec.initContainers ?? []) as Obj[]) {
          const prepared = await this.#prepare(pod, running, init);
          const code = await runToCompletion(
            init.name,
            prepared.command,
            prepared.env,
            prepared.mounts,
            running.dir,
            prepared.path,
          );
          if (running.stopped) return;
          if (code !== 0) {
            this.#waiting(
              pod,
              running,
              init,
              'Init:CrashLoopBackOff',
              `init container ${init.name} exited with ${code}`,
            );
            recordEvent(
              this.#o.store,
              pod,
              'Warning',
              'BackOff',
              `Back-off restarting failed container ${init.name} in pod ${pod.metadata.name}`,
            );
            throw new Retry();
          }
        }
        running.initialized = true;
      }
      for (const container of spec.containers as Obj[]) {
        const { command, env, mounts, path } = await this.#prepare(
          pod,
          running,
          container,
        );
        if (/(redis|valkey)-(server|sentinel)$/.test(command[0]))
          command.push('--bind', running.ip);
        launches.push(
          new ContainerRunner({
            container,
            command,
            env,
            mounts,
            podIP: running.ip,
            podDir: running.dir,
            path,
            probePeriodMs: this.#o.probePeriodMs,
            onChange: () => this.#writeStatus(pod, running),
          }),
        );
      }
    } catch (error) {
      if (error instanceof MountError || error instanceof EnvError) {
        const reason =
          error instanceof MountError
            ? 'FailedMount'
            : 'CreateContainerConfigError';
        recordEvent(this.#o.store, pod, 'Warning', reason, error.message);
        for (const c of spec.containers)
          this.#waiting(
            pod,
            running,
            c,
            error instanceof MountError
              ? 'ContainerCreating'
              : 'CreateContainerConfigError',
            error.message,
          );
      } else if (!(error instanceof Retry)) throw error;
      running.retry = setTimeout(() => void this.#start(pod, running), 500);
      return;
    }
    // Stopped while preparing (the pod was deleted, the node shut down).
    if (running.stopped) return;
    running.images = (spec.containers as Obj[]).map(c => c.image);
    running.runners = launches;
    for (const runner of launches) runner.start();
    recordEvent(
      this.#o.store,
      pod,
      'Normal',
      'Started',
      `Started container ${launches.map(l => l.name).join(', ')}`,
    );
  }

  /** Pulls (looks up) the image, mounts volumes, builds env and command. */
  async #prepare(pod: KubeObject, running: RunningPod, container: Obj) {
    const image = this.#o.images[container.image];
    if (!image) {
      this.#waiting(
        pod,
        running,
        container,
        'ImagePullBackOff',
        `Back-off pulling image "${container.image}"`,
      );
      recordEvent(
        this.#o.store,
        pod,
        'Warning',
        'Failed',
        `Failed to pull image "${container.image}": rpc error: code = NotFound desc = failed to pull and unpack image "${container.image}": not found`,
      );
      throw new Retry();
    }
    const mounts = await prepareMounts(
      this.#o.store,
      pod,
      container,
      running.dir,
      (ns, c) => this.claimDir(ns, c),
    );
    const env = containerEnv(this.#o.store, pod, container, running.ip);
    const command = [
      ...(container.command ?? image.entrypoint),
      ...(container.args ?? []),
    ].map(a => expand(a, env));
    command[0] = image.binaries[command[0]] ?? command[0];
    const path = [
      ...new Set(Object.values(image.binaries).map(b => dirname(b))),
      '/usr/bin',
      '/bin',
    ].join(':');
    return { command, env, mounts, path };
  }

  #waiting(
    pod: KubeObject,
    running: RunningPod,
    container: Obj,
    reason: string,
    message: string,
  ) {
    this.#o.store.updateStatus(
      pod,
      blockedPodStatus(
        pod,
        this.#placement(running),
        container,
        reason,
        message,
      ),
    );
  }

  #writeStatus(pod: KubeObject, running: RunningPod) {
    if (running.stopped) return;
    const statuses = running.runners.length
      ? running.runners.map((r, i) => r.status(running.images[i]))
      : ((pod.spec as Obj).containers as Obj[]).map(c =>
          waitingContainer(c, { reason: 'ContainerCreating' }),
        );
    this.#o.store.updateStatus(
      pod,
      podStatus(this.#placement(running), statuses),
    );
  }

  #placement(running: RunningPod) {
    return {
      ip: running.ip,
      startTime: running.startTime,
      started: running.runners.length > 0,
    };
  }

  /** A graceful delete: stop the processes, then let the pod go. */
  async #terminate(pod: KubeObject) {
    const uid = pod.metadata.uid!;
    const graceSeconds = (pod.spec as Obj).terminationGracePeriodSeconds ?? 30;
    await this.#kill(uid, Math.min(graceSeconds * 1000, this.#o.maxGraceMs));
    this.#o.store.remove(pod);
  }

  async #kill(uid: string, graceMs = 0) {
    const running = this.#pods.get(uid);
    if (!running) return;
    running.stopped = true;
    if (running.retry) clearTimeout(running.retry);
    this.#pods.delete(uid);
    const stopping = (async () => {
      await running.starting?.catch(() => undefined);
      await Promise.all(running.runners.map(r => r.stop(graceMs)));
    })();
    // Kept until done, so stopping the kubelet waits for graceful deletions under way.
    this.#stopping.add(stopping);
    await stopping.finally(() => this.#stopping.delete(stopping));
    this.#free.push(running.ip);
    if (!this.#stopped) this.#retryPending();
    for (const dir of running.claims) {
      if (this.#released.has(dir)) await this.#releaseClaim(dir);
    }
  }

  /**
   * A deleted claim's folder goes once no running pod uses it, as the
   * pvc-protection finalizer holds a claim while a pod mounts it (a server
   * saving on SIGTERM into a folder that vanished would refuse to exit).
   */
  async #releaseClaim(dir: string) {
    const inUse = [...this.#pods.values()].some(p => p.claims.includes(dir));
    if (inUse) {
      this.#released.add(dir);
      return;
    }
    this.#released.delete(dir);
    await rm(dir, { recursive: true, force: true });
  }
}
