import { LoggerService } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { ConflictError, ServiceUnavailableError } from '@backstage/errors';
import {
  Driver,
  DriverCapabilities,
  DriverContext,
  DriverInstanceSpec,
  DriverInstanceStats,
  DriverSnapshots,
  ObservedInstance,
} from '@justmanage/plugin-dbaas-node';
import { mkdirSync } from 'node:fs';
import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { renderAclFile } from './aclFile';
import { aclUsersFor } from './aclCompat';
import { detectBinaries, EngineBinary, pickBinary } from './binaries';
import { describeCapabilities } from './capabilities';
import {
  connectHostFor,
  LocalDriverSettings,
  readLocalDriverSettings,
} from './config';
import { pathExists, writeFileAtomic } from './fsUtils';
import {
  InstanceFiles,
  instanceFiles,
  isValidInstanceId,
  PORTS_FOLDER,
} from './instanceFiles';
import { findLivePid, startInstance, stopInstance } from './instanceProcess';
import {
  AppliedDigests,
  digest,
  InstanceRuntime,
  readApplied,
  readRuntime,
  writeApplied,
  writeRuntime,
  writeSpec,
} from './instanceState';
import { DaemonLauncher, LaunchRequest } from './DaemonLauncher';
import { KeyedMutex } from './KeyedMutex';
import { applyLive } from './liveApply';
import { isPortBindable, PortAllocator } from './portAllocator';
import { liveSettings, renderRedisConf } from './redisConf';
import { absentInstance, observeInstance } from './observeInstance';
import {
  existingNodes,
  LocalNode,
  nodeNameOf,
  nodeOf,
  plannedNodes,
} from './instanceNodes';
import {
  PrimaryAddress,
  renderReplicationLines,
  replicationAuth,
} from './replication/replicaConf';
import { sentinelBinaryFor } from './replication/sentinelBinary';
import { convergeSentinel } from './replication/sentinelNode';
import { snapshotNodes } from './replication/snapshotNodes';
import {
  currentPrimary,
  NodeRuntime,
  nodeRuntimes,
} from './replication/topology';
import { reviveDecision } from './replication/reviveDataNode';
import { SupervisedInstances, Supervisor } from './Supervisor';
import { LocalSnapshots } from './snapshots';
import { LocalStatsReader } from './stats';
import { validateSpec } from './validateSpec';

/** How long provision waits for another backend holding the start lock. */
const START_LOCK_WAIT_MS = 15_000;

/** A node's port and binary, the ones it ran with before, and its files' digests. */
interface PreparedNode {
  runtime: InstanceRuntime;
  previous?: InstanceRuntime;
  desired?: AppliedDigests;
}

/** The data node that is the primary, and how that is known. */
interface PrimaryNode extends NodeRuntime {
  source: 'sentinel' | 'sentinel-conf' | 'first-node';
  address: PrimaryAddress;
}

/**
 * The default driver: runs `redis-server` / `valkey-server` processes on
 * the backend's own host, one folder per instance under `dataDir`.
 *
 * Servers run in sessions of their own and deliberately outlive the
 * backend; a restarted backend adopts them. A supervisor restarts servers
 * that die.
 *
 * @public
 */
export class LocalDriver implements Driver {
  readonly id = 'local';

  readonly #settings: LocalDriverSettings;
  readonly #logger: LoggerService;
  readonly #ports: PortAllocator;
  readonly #mutex = new KeyedMutex();
  readonly #supervisor: Supervisor;
  readonly #launcher = new DaemonLauncher();
  readonly #launch = (request: LaunchRequest) => this.#launcher.launch(request);
  readonly #stats = new LocalStatsReader(id => this.#files(id));
  #binaries: Promise<EngineBinary[]> | undefined;
  /** Since when the supervisor has found a node dead, by supervisor key. */
  readonly #deadSince = new Map<string, number>();

  /** Copies of instance data that upgrades roll back to; see snapshots.ts. */
  readonly snapshots: DriverSnapshots = new LocalSnapshots({
    files: instanceId => this.#files(instanceId),
    nodes: instanceId =>
      snapshotNodes(
        this.#files(instanceId),
        connectHostFor(this.#settings.bindAddress),
      ),
    bindAddress: () => this.#settings.bindAddress,
    exclusive: (instanceId, task) => this.#mutex.run(instanceId, task),
    converge: (spec, ctx) => this.#converge(spec, ctx, { forceLive: false }),
    keep: 5,
  });

  /** Reads `dbaas.drivers.local`; every key is optional. */
  static fromConfig(
    config: Config,
    options: { logger: LoggerService },
  ): LocalDriver {
    return new LocalDriver(readLocalDriverSettings(config), options.logger);
  }

  private constructor(settings: LocalDriverSettings, logger: LoggerService) {
    this.#settings = settings;
    this.#logger = logger;
    this.#ports = new PortAllocator({
      folder: join(settings.dataDir, PORTS_FOLDER),
      host: settings.bindAddress,
      start: settings.portRange.start,
      end: settings.portRange.end,
    });
    this.#supervisor = new Supervisor({
      instances: this.#supervised(),
      intervalMs: settings.supervisor.intervalMs,
      maxBackoffMs: settings.supervisor.maxBackoffMs,
      logger,
    });
  }

  async start(): Promise<void> {
    await mkdir(this.#settings.dataDir, { recursive: true, mode: 0o700 });
    await this.#detectedBinaries();
    this.#launcher.warmUp();
    this.#supervisor.start();
  }

  /** Stops supervising only: servers keep running for the next backend. */
  async stop(): Promise<void> {
    await this.#supervisor.stop();
    this.#launcher.close();
  }

  async capabilities(): Promise<DriverCapabilities> {
    return describeCapabilities(await this.#detectedBinaries(), this.#settings);
  }

  async provision(spec: DriverInstanceSpec, ctx: DriverContext): Promise<void> {
    await this.#mutex.run(spec.instanceId, () =>
      this.#converge(spec, ctx, { forceLive: false }),
    );
  }

  async update(
    spec: DriverInstanceSpec,
    ctx: DriverContext & { nodeIds?: string[] },
  ): Promise<void> {
    const nodeNames = ctx.nodeIds
      ?.map(id => nodeNameOf(spec.instanceId, id))
      .filter((name): name is string => name !== undefined);
    if (nodeNames && nodeNames.length === 0) {
      return;
    }
    await this.#mutex.run(spec.instanceId, () =>
      this.#converge(spec, ctx, { forceLive: true, nodeNames }),
    );
  }

  async deprovision(instanceId: string, ctx: DriverContext): Promise<void> {
    if (!isValidInstanceId(instanceId)) {
      return;
    }
    await this.#mutex.run(instanceId, async () => {
      const files = this.#files(instanceId);
      if (!pathExists(files.folder)) {
        return;
      }
      // First, so neither our supervisor nor another backend's revives it.
      await rm(files.spec, { force: true });
      // Sentinels first, so none of them starts a failover meanwhile.
      const nodes = nodeRuntimes(files);
      for (const kind of ['sentinel', 'data']) {
        await Promise.all(
          nodes
            .filter(({ node }) => node.kind === kind)
            .map(({ node, runtime }) => stopInstance(node.files, runtime)),
        );
      }
      await this.#ports.releaseAll(instanceId);
      // A supervisor (ours or another backend's) may still create start.lock
      // inside for a moment; rm then fails with ENOTEMPTY unless it retries.
      await rm(files.folder, { recursive: true, force: true, maxRetries: 3 });
      ctx.logger.info(`Local driver removed instance ${instanceId}`);
    });
  }

  async observe(instanceId: string): Promise<ObservedInstance> {
    if (!isValidInstanceId(instanceId)) {
      return absentInstance(instanceId);
    }
    return observeInstance(this.#files(instanceId), {
      connectHost: connectHostFor(this.#settings.bindAddress),
      advertisedHost: this.#settings.advertisedHost,
    });
  }

  async list(): Promise<string[]> {
    try {
      const entries = await readdir(this.#settings.dataDir, {
        withFileTypes: true,
      });
      return entries
        .filter(e => e.isDirectory() && isValidInstanceId(e.name))
        .map(e => e.name)
        .sort();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
  }

  /** Reads /proc and the data folders; see stats.ts. */
  async stats(instanceId: string): Promise<DriverInstanceStats> {
    if (!isValidInstanceId(instanceId)) {
      return { instanceId, measuredAt: new Date().toISOString(), nodes: [] };
    }
    return this.#stats.read(instanceId);
  }

  #files(instanceId: string): InstanceFiles {
    return instanceFiles(this.#settings.dataDir, instanceId);
  }

  #detectedBinaries(): Promise<EngineBinary[]> {
    if (!this.#binaries) {
      this.#binaries = detectBinaries(
        this.#settings.binaryPaths,
        this.#logger,
        this.#settings.engineDirs,
      ).catch(error => {
        this.#binaries = undefined;
        throw error;
      });
    }
    return this.#binaries;
  }

  /**
   * Claims (or keeps) the instance's port and records the binary to run.
   * Returns the previous choice too: a server started with it must be
   * replaced, and is recognised by its old port.
   */
  async #prepareRuntime(
    files: InstanceFiles,
    binary: EngineBinary,
    ctx: DriverContext,
    sentinel?: InstanceRuntime['sentinel'],
  ): Promise<PreparedNode> {
    const previous = readRuntime(files);
    let port = previous?.port;
    if (port && !this.#ports.ensureClaim(port, files.instanceId)) {
      ctx.logger.warn(
        `Port ${port} of instance ${files.instanceId} is claimed by another instance; choosing a new one`,
      );
      port = undefined;
    }
    port ??= await this.#ports.claim(files.instanceId);
    const runtime: InstanceRuntime = {
      port,
      binary: {
        path: binary.path,
        engine: binary.engine,
        version: binary.version,
      },
      ...(sentinel ? { sentinel } : {}),
    };
    if (JSON.stringify(previous) !== JSON.stringify(runtime)) {
      writeRuntime(files, runtime);
    }
    return { runtime, previous };
  }

  async #converge(
    spec: DriverInstanceSpec,
    ctx: DriverContext,
    options: { forceLive: boolean; nodeNames?: string[] },
  ): Promise<void> {
    ctx.signal.throwIfAborted();
    validateSpec(spec, this.#settings);
    const binaries = await this.#detectedBinaries();
    const binary = pickBinary(binaries, spec.engine, spec.version);
    const instance = this.#files(spec.instanceId);
    const planned = plannedNodes(instance, spec.replicas);
    this.#refuseOtherNodeCount(instance, planned);
    const targets = planned.filter(
      node => !options.nodeNames || options.nodeNames.includes(node.name),
    );

    const prepared = new Map<string, PreparedNode>();
    for (const node of targets) {
      // Creates the data dir too, should it have been removed.
      mkdirSync(node.files.dataFolder, { recursive: true, mode: 0o700 });
      const sentinel = node.kind === 'sentinel';
      prepared.set(
        node.name,
        await this.#prepareRuntime(
          node.files,
          sentinel ? sentinelBinaryFor(binaries, binary) : binary,
          ctx,
          sentinel ? { masterName: spec.name } : undefined,
        ),
      );
    }
    const primary =
      spec.replicas > 0 ? await this.#primaryOf(instance) : undefined;
    for (const node of targets) {
      const entry = prepared.get(node.name)!;
      entry.desired =
        node.kind === 'data'
          ? this.#writeDataNodeFiles(spec, node, entry.runtime, binary, primary)
          : undefined;
    }
    writeSpec(instance, spec);
    ctx.signal.throwIfAborted();

    // The primary first, so replicas find it, and Sentinels last.
    const ordered = [
      ...targets.filter(n => n.name === primary?.node.name),
      ...targets.filter(
        n => n.kind === 'data' && n.name !== primary?.node.name,
      ),
      ...targets.filter(n => n.kind === 'sentinel'),
    ];
    for (const node of ordered) {
      const entry = prepared.get(node.name)!;
      if (node.kind === 'sentinel') {
        await convergeSentinel(spec, node, entry, primary!.address, {
          bindAddress: this.#settings.bindAddress,
          timing: this.#settings.sentinel,
          stop: (files, runtime) => this.#stopAndRelease(files, runtime),
          start: (files, runtime) => this.#start(files, runtime),
          logger: ctx.logger,
        });
      } else {
        await this.#convergeDataNode(spec, node, entry, ctx, {
          forceLive: options.forceLive,
          isDeadPrimary:
            primary?.source === 'sentinel' &&
            primary.node.name === node.name &&
            !findLivePid(node.files, entry.runtime),
        });
      }
    }
  }

  /** Replicas are chosen at creation; the driver does not add or remove nodes later. */
  #refuseOtherNodeCount(instance: InstanceFiles, planned: LocalNode[]): void {
    const recorded = nodeRuntimes(instance).map(n => n.node.name);
    const unplanned = recorded.filter(
      name => !planned.some(node => node.name === name),
    );
    if (unplanned.length) {
      throw new ConflictError(
        `Instance ${instance.instanceId} runs ${unplanned.join(
          ', ',
        )}, which its spec does not have; the number of replicas cannot be changed`,
      );
    }
  }

  /** The data node Sentinel names as primary, node-0 before there are Sentinels. */
  async #primaryOf(instance: InstanceFiles): Promise<PrimaryNode> {
    const host = connectHostFor(this.#settings.bindAddress);
    const found = await currentPrimary(host, nodeRuntimes(instance));
    if (!found.primary) {
      throw new ConflictError(
        `Instance ${instance.instanceId} has no data node to be its primary`,
      );
    }
    return {
      ...found.primary,
      source: found.source,
      address: { host, port: found.primary.runtime.port },
    };
  }

  /** Writes redis.conf and users.acl of a data node; returns their digests. */
  #writeDataNodeFiles(
    spec: DriverInstanceSpec,
    node: LocalNode,
    runtime: InstanceRuntime,
    binary: EngineBinary,
    primary: PrimaryNode | undefined,
  ): AppliedDigests {
    const { files } = node;
    let conf = renderRedisConf(spec, {
      files,
      bindAddress: this.#settings.bindAddress,
      port: runtime.port,
    });
    if (primary) {
      conf += renderReplicationLines(
        spec.users[0],
        primary.node.name === node.name ? undefined : primary.address,
      );
    }
    // ACLs are not replicated: every data node has its own file.
    const acl = renderAclFile(aclUsersFor(binary, spec.users));
    writeFileAtomic(files.conf, conf);
    writeFileAtomic(files.acl, acl);
    return { conf: digest(conf), acl: digest(acl) };
  }

  async #convergeDataNode(
    spec: DriverInstanceSpec,
    node: LocalNode,
    { runtime, previous, desired }: PreparedNode,
    ctx: DriverContext,
    options: { forceLive: boolean; isDeadPrimary: boolean },
  ): Promise<void> {
    const { files } = node;
    const label =
      spec.replicas > 0
        ? `instance ${spec.instanceId} ${node.name}`
        : `instance ${spec.instanceId}`;
    if (
      previous &&
      (previous.port !== runtime.port ||
        previous.binary.path !== runtime.binary.path) &&
      findLivePid(files, previous)
    ) {
      ctx.logger.info(
        `Local driver restarts ${label} with ${spec.engine} ${runtime.binary.version} on port ${runtime.port}`,
      );
      await stopInstance(files, previous);
      await this.#start(files, runtime, desired);
      return;
    }

    if (!findLivePid(files, runtime)) {
      if (options.isDeadPrimary) {
        // Started now it would be a second primary, maybe without the
        // data; the supervisor brings it back once Sentinel has moved on.
        throw new ServiceUnavailableError(
          `The primary of instance ${spec.instanceId} (${node.name}) is down and Sentinel is failing over; try again shortly`,
        );
      }
      const started = await this.#start(files, runtime, desired);
      ctx.logger.info(
        `Local driver ${started.started ? 'started' : 'adopted'} ${
          spec.engine
        } ${runtime.binary.version} for ${label} on port ${runtime.port} (pid ${
          started.pid
        })`,
      );
      return;
    }

    const applied = readApplied(files);
    const aclChanged = applied?.acl !== desired!.acl;
    if (!options.forceLive && !aclChanged && applied?.conf === desired!.conf) {
      return;
    }
    try {
      await applyLive(
        {
          host: connectHostFor(this.#settings.bindAddress),
          port: runtime.port,
          admin: spec.users[0],
        },
        [
          ...liveSettings(spec),
          ...(spec.replicas > 0 ? replicationAuth(spec.users[0]) : []),
        ],
        { reloadAcl: aclChanged },
      );
      writeApplied(files, desired!);
    } catch (error) {
      if (/\bLOADING\b/.test((error as Error).message)) {
        // Restarting would only start the load over; let the caller retry.
        throw new ServiceUnavailableError(
          `Instance ${spec.instanceId} is still loading its dataset`,
        );
      }
      // The files on disk are already the new ones, so a restart applies
      // whatever the running server refused.
      ctx.logger.warn(
        `Local driver could not apply the change to ${label} live (${
          (error as Error).message
        }); restarting it`,
      );
      await this.#restart(files, runtime);
    }
  }

  async #start(
    files: InstanceFiles,
    runtime: InstanceRuntime,
    applied?: AppliedDigests,
  ) {
    const result = await startInstance(files, runtime, {
      host: this.#settings.bindAddress,
      waitMs: START_LOCK_WAIT_MS,
      launch: this.#launch,
      applied,
    });
    // startInstance returns undefined only in quiet mode.
    return result!;
  }

  async #restart(files: InstanceFiles, runtime: InstanceRuntime) {
    await this.#stopAndRelease(files, runtime);
    await this.#start(files, runtime);
  }

  async #stopAndRelease(files: InstanceFiles, runtime: InstanceRuntime) {
    await stopInstance(files, runtime);
    // Until the old server has let go of its port, a start would adopt it
    // again instead of starting the new configuration.
    const deadline = Date.now() + START_LOCK_WAIT_MS;
    while (!(await isPortBindable(this.#settings.bindAddress, runtime.port))) {
      if (Date.now() > deadline) {
        throw new ServiceUnavailableError(
          `Instance ${files.instanceId} did not release port ${runtime.port} after stopping`,
        );
      }
      await new Promise(resolve => setTimeout(resolve, 20));
    }
  }

  /** Supervised units are nodes, keyed `<instance id>/<node name>`. */
  #supervised(): SupervisedInstances {
    const nodeFor = (key: string) => {
      const [instanceId, name] = key.split('/');
      const instance = this.#files(instanceId);
      const node = nodeOf(instance, name);
      return { instance, node, runtime: readRuntime(node.files) };
    };
    return {
      wanted: async () => {
        const keys: string[] = [];
        for (const id of await this.list()) {
          const files = this.#files(id);
          if (!pathExists(files.spec)) continue;
          for (const node of existingNodes(files)) {
            keys.push(`${id}/${node.name}`);
          }
        }
        return keys;
      },
      livePid: async key => {
        const { node, runtime } = nodeFor(key);
        const pid = runtime ? findLivePid(node.files, runtime) : undefined;
        if (pid) this.#deadSince.delete(key);
        return pid;
      },
      revive: async key => {
        const { instance, node, runtime } = nodeFor(key);
        if (!runtime) return undefined;
        const nodes = nodeRuntimes(instance);
        if (node.kind === 'data' && nodes.some(n => n.runtime.sentinel)) {
          const deadSince = this.#deadSince.get(key) ?? Date.now();
          this.#deadSince.set(key, deadSince);
          const { downAfterMs, failoverTimeoutMs } = this.#settings.sentinel;
          const decision = await reviveDecision({
            node: { node, runtime },
            nodes,
            connectHost: connectHostFor(this.#settings.bindAddress),
            deadForMs: Date.now() - deadSince,
            graceMs: downAfterMs + failoverTimeoutMs,
          });
          if (decision === 'wait') return undefined;
        }
        const result = await startInstance(node.files, runtime, {
          host: this.#settings.bindAddress,
          waitMs: 0,
          quiet: true,
          launch: this.#launch,
        });
        if (result) this.#deadSince.delete(key);
        return result;
      },
    };
  }
}
