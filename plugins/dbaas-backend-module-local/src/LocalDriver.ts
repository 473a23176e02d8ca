import { LoggerService } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import {
  Driver,
  DriverCapabilities,
  DriverContext,
  DriverInstanceSpec,
  DriverInstanceStats,
  DriverSnapshots,
  ObservedInstance,
  PlatformRejectedError,
  PlatformUnavailableError,
} from '@justmanage/plugin-dbaas-node';
import { mkdirSync } from 'node:fs';
import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { renderAclFile } from './aclFile';
import { aclUsersFor } from './aclCompat';
import { detectBinaries, EngineBinary, pickBinary } from './binaries';
import { describeCapabilities } from './capabilities';
import { LocalDriverSettings, readLocalDriverSettings } from './config';
import { AddressOf, addressing } from './addressing';
import { AdminLogin, revealAdmin } from './adminLogin';
import { LoopbackAllocator } from './loopbackAllocator';
import { pathExists, writeFileAtomic } from './fsUtils';
import {
  InstanceFiles,
  instanceFiles,
  isValidInstanceId,
  ADDRESSES_FOLDER,
  PORTS_FOLDER,
} from './instanceFiles';
import { findLivePid, startInstance, stopInstance } from './instanceProcess';
import {
  AppliedDigests,
  digest,
  InstanceRuntime,
  readApplied,
  readRuntime,
  readStoredSpec,
  writeApplied,
  writeRuntime,
  writeSpec,
} from './instanceState';
import { DaemonLauncher, LaunchRequest } from './DaemonLauncher';
import { KeyedMutex } from './KeyedMutex';
import { applyLive } from './liveApply';
import { isPortBindable, PortAllocator } from './portAllocator';
import { respPing } from './respPing';
import {
  certificateReload,
  listenerSettings,
  liveSettings,
  renderRedisConf,
} from './redisConf';
import {
  ensureNodeCertificate,
  nodeListeners,
  nodeTlsPaths,
  nodeTrust,
} from './nodeTls';
import { absentInstance, observeInstance } from './observeInstance';
import {
  existingNodes,
  isPlanned,
  LocalNode,
  nodeId,
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
import { LocalSnapshots, RDB_FILE } from './snapshots';
import { LocalStatsReader } from './stats';
import { validateSpec } from './validateSpec';
import { listeningAddress } from './allowListBinding';

/** Recorded nodes that `planned` leaves out. */
function unplannedNodes(
  instance: InstanceFiles,
  planned: LocalNode[],
): NodeRuntime[] {
  return nodeRuntimes(instance).filter(
    ({ node }) => !planned.some(p => p.name === node.name),
  );
}

/** How long provision waits for another backend holding the start lock. */
const START_LOCK_WAIT_MS = 15_000;

/** A node's port and binary, the ones it ran with before, and its files' digests. */
interface PreparedNode {
  runtime: InstanceRuntime;
  previous?: InstanceRuntime;
  desired?: AppliedDigests;
  /** The node got a new certificate, which a running server must load. */
  certificateChanged?: boolean;
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
  readonly #addressOf: AddressOf;
  /** `addressing: ports` hands out ports, `loopback` addresses. */
  readonly #ports?: PortAllocator;
  readonly #hosts?: LoopbackAllocator;
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
      snapshotNodes(this.#files(instanceId), this.#addressOf),
    addressOf: runtime => this.#addressOf(runtime),
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
    this.#addressOf = addressing(settings);
    if (settings.addressing === 'loopback') {
      this.#hosts = new LoopbackAllocator({
        folder: join(settings.dataDir, ADDRESSES_FOLDER),
        network: settings.loopback.network,
        port: settings.loopback.port,
      });
    } else {
      this.#ports = new PortAllocator({
        folder: join(settings.dataDir, PORTS_FOLDER),
        host: settings.bindAddress,
        start: settings.portRange.start,
        end: settings.portRange.end,
      });
    }
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
      await this.#ports?.releaseAll(instanceId);
      await this.#hosts?.releaseAll(instanceId);
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
    return observeInstance(this.#files(instanceId), this.#addressOf);
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
   * Keeps the node's address if it still holds it, or claims a new one: a
   * port on the bind address, or (loopback addressing) an address of its
   * own with the shared port.
   */
  async #claimAddress(
    files: InstanceFiles,
    previous: InstanceRuntime | undefined,
    ctx: DriverContext,
    tls: InstanceRuntime['tls'],
  ): Promise<Pick<InstanceRuntime, 'port' | 'host' | 'tls' | 'tlsPort'>> {
    const owner = files.instanceId;
    if (!this.#hosts && previous && !previous.host && previous.tlsPort) {
      // Leaving TLS preferred: to required, the TLS port becomes the
      // node's port and the plain one goes; back to plain, the TLS one goes.
      if (tls === 'preferred') {
        if (this.#ports!.ensureClaim(previous.tlsPort, owner)) {
          return { port: previous.port, tls, tlsPort: previous.tlsPort };
        }
      } else if (tls === 'required') {
        this.#ports!.release(previous.port, owner);
        return { port: previous.tlsPort, tls };
      } else {
        this.#ports!.release(previous.tlsPort, owner);
        return { port: previous.port };
      }
    }
    const claimed = await this.#claimMainAddress(files, previous, ctx);
    if (tls === 'preferred') {
      if (this.#hosts) {
        // validateSpec refuses it: every node has the one configured port.
        throw new PlatformRejectedError(
          'tls: preferred needs a second port per node, which loopback addressing does not give',
        );
      }
      return { ...claimed, tls, tlsPort: await this.#ports!.claim(owner) };
    }
    return tls ? { ...claimed, tls } : claimed;
  }

  async #claimMainAddress(
    files: InstanceFiles,
    previous: InstanceRuntime | undefined,
    ctx: DriverContext,
  ): Promise<{ port: number; host?: string }> {
    const owner = files.instanceId;
    if (this.#hosts) {
      const port = this.#hosts.port;
      const host = previous?.host;
      if (host && previous?.port === port) {
        if (this.#hosts.ensureClaim(host, owner)) return { host, port };
        ctx.logger.warn(
          `Address ${host} of instance ${owner} is claimed by another instance; choosing a new one`,
        );
      }
      return { host: await this.#hosts.claim(owner), port };
    }
    const ports = this.#ports!;
    const port = previous && !previous.host ? previous.port : undefined;
    if (port) {
      if (ports.ensureClaim(port, owner)) return { port };
      ctx.logger.warn(
        `Port ${port} of instance ${owner} is claimed by another instance; choosing a new one`,
      );
    }
    return { port: await ports.claim(owner) };
  }

  /**
   * Claims (or keeps) the node's address and records the binary to run.
   * Returns the previous choice too: a server started with it must be
   * replaced, and is recognised by its old address.
   */
  async #prepareRuntime(
    files: InstanceFiles,
    binary: EngineBinary,
    ctx: DriverContext,
    sentinel?: InstanceRuntime['sentinel'],
    tls?: InstanceRuntime['tls'],
  ): Promise<PreparedNode> {
    const previous = readRuntime(files);
    const runtime: InstanceRuntime = {
      ...(await this.#claimAddress(files, previous, ctx, tls)),
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
    const admin = await revealAdmin(spec);
    const binaries = await this.#detectedBinaries();
    const binary = pickBinary(binaries, spec.engine, spec.version);
    const instance = this.#files(spec.instanceId);
    const planned = plannedNodes(instance, spec.replicas);
    if (!options.nodeNames)
      await this.#refuseRemovingPrimary(instance, planned);
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
          spec.tls?.mode,
        ),
      );
    }
    const primary =
      spec.replicas > 0 ? await this.#primaryOf(instance) : undefined;
    for (const node of targets) {
      const entry = prepared.get(node.name)!;
      if (spec.tls) {
        const address = this.#addressOf(entry.runtime);
        entry.certificateChanged = await ensureNodeCertificate(
          node.files,
          spec.tls,
          {
            id: nodeId(spec.instanceId, node.name),
            hosts: [address.announce, address.connect, 'localhost'],
          },
        );
      }
      entry.desired =
        node.kind === 'data'
          ? this.#writeDataNodeFiles(spec, admin, node, entry, binary, primary)
          : undefined;
    }
    writeSpec(instance, spec);
    ctx.signal.throwIfAborted();
    if (!options.nodeNames) await this.#removeUnplanned(instance, planned, ctx);

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
          address: listeningAddress(
            this.#addressOf(entry.runtime),
            spec.allowList,
          ),
          admin,
          timing: this.#settings.sentinel,
          stop: (files, runtime) => this.#stopAndRelease(files, runtime),
          start: (files, runtime) => this.#start(files, runtime),
          logger: ctx.logger,
        });
      } else {
        await this.#convergeDataNode(spec, admin, node, entry, ctx, {
          forceLive: options.forceLive,
          isDeadPrimary:
            primary?.source === 'sentinel' &&
            primary.node.name === node.name &&
            !findLivePid(node.files, entry.runtime),
        });
      }
    }
  }

  /** Checked before anything is written, so a refusal changes nothing. */
  async #refuseRemovingPrimary(
    instance: InstanceFiles,
    planned: LocalNode[],
  ): Promise<void> {
    const leaving = unplannedNodes(instance, planned);
    if (!leaving.some(({ node }) => node.kind === 'data')) return;
    const { primary } = await currentPrimary(
      this.#addressOf,
      nodeRuntimes(instance),
    );
    if (
      primary &&
      leaving.some(({ node }) => node.name === primary.node.name)
    ) {
      throw new PlatformRejectedError(
        `${primary.node.name} is the primary of instance ${instance.instanceId}; move the primary to a node that stays before removing it`,
      );
    }
  }

  /**
   * Stops and forgets the nodes the spec no longer has: Sentinels first,
   * so that none of them starts a failover meanwhile, then data nodes.
   * The spec on disk already leaves them out, so no supervisor revives
   * them. Refuses to remove the primary; the control plane moves it first.
   */
  async #removeUnplanned(
    instance: InstanceFiles,
    planned: LocalNode[],
    ctx: DriverContext,
  ): Promise<void> {
    const leaving = unplannedNodes(instance, planned);
    for (const kind of ['sentinel', 'data']) {
      for (const { node, runtime } of leaving.filter(
        n => n.node.kind === kind,
      )) {
        await stopInstance(node.files, runtime);
        await rm(node.files.folder, {
          recursive: true,
          force: true,
          maxRetries: 3,
        });
        // A supervisor that looked before the spec changed may have
        // started it again in between; without its folder it stays down.
        await stopInstance(node.files, runtime);
        if (runtime.host)
          this.#hosts?.release(runtime.host, instance.instanceId);
        else this.#ports?.release(runtime.port, instance.instanceId);
        ctx.logger.info(
          `Local driver removed ${node.name} of instance ${instance.instanceId}`,
        );
      }
    }
  }

  /** The data node Sentinel names as primary, node-0 before there are Sentinels. */
  async #primaryOf(instance: InstanceFiles): Promise<PrimaryNode> {
    const found = await currentPrimary(this.#addressOf, nodeRuntimes(instance));
    if (!found.primary) {
      throw new PlatformRejectedError(
        `Instance ${instance.instanceId} has no data node to be its primary`,
      );
    }
    const { announce, port } = this.#addressOf(found.primary.runtime);
    return {
      ...found.primary,
      source: found.source,
      address: { host: announce, port },
    };
  }

  /** Writes redis.conf and users.acl of a data node; returns their digests. */
  #writeDataNodeFiles(
    spec: DriverInstanceSpec,
    admin: AdminLogin,
    node: LocalNode,
    { runtime }: PreparedNode,
    binary: EngineBinary,
    primary: PrimaryNode | undefined,
  ): AppliedDigests {
    const { files } = node;
    const address = listeningAddress(this.#addressOf(runtime), spec.allowList);
    let conf = renderRedisConf(spec, {
      files,
      bindAddress: address.bind,
      port: runtime.port,
      ...(spec.tls
        ? {
            tls: {
              ...nodeTlsPaths(files),
              listeners: nodeListeners(runtime, spec.tls.mode),
            },
          }
        : {}),
    });
    if (primary) {
      conf += renderReplicationLines(
        admin,
        primary.node.name === node.name ? undefined : primary.address,
        address.announce,
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
    admin: AdminLogin,
    node: LocalNode,
    { runtime, previous, desired, certificateChanged }: PreparedNode,
    ctx: DriverContext,
    options: { forceLive: boolean; isDeadPrimary: boolean },
  ): Promise<void> {
    const { files } = node;
    const address = this.#addressOf(runtime);
    const where = `${address.bind}:${address.port}`;
    const label =
      spec.replicas > 0
        ? `instance ${spec.instanceId} ${node.name}`
        : `instance ${spec.instanceId}`;
    if (
      previous &&
      // Moving a port between plain and TLS is done live, below.
      !movesTlsPort(previous, runtime) &&
      (previous.port !== runtime.port ||
        previous.host !== runtime.host ||
        previous.binary.path !== runtime.binary.path) &&
      findLivePid(files, previous)
    ) {
      ctx.logger.info(
        `Local driver restarts ${label} with ${spec.engine} ${runtime.binary.version} on ${where}`,
      );
      await stopInstance(files, previous);
      await this.#start(files, runtime, desired);
      return;
    }

    if (!findLivePid(files, runtime)) {
      if (options.isDeadPrimary) {
        // Started now it would be a second primary, maybe without the
        // data; the supervisor brings it back once Sentinel has moved on.
        throw new PlatformUnavailableError(
          `The primary of instance ${spec.instanceId} (${node.name}) is down and Sentinel is failing over; try again shortly`,
        );
      }
      const started = await this.#start(files, runtime, desired);
      ctx.logger.info(
        `Local driver ${started.started ? 'started' : 'adopted'} ${
          spec.engine
        } ${runtime.binary.version} for ${label} on ${where} (pid ${
          started.pid
        })`,
      );
      return;
    }

    const trust = nodeTrust(files, runtime);
    if (spec.persistence === 'none') {
      await this.#dropLoadedData(files, address.connect, address.port, trust);
    }
    const applied = readApplied(files);
    if (certificateChanged && applied?.conf === desired!.conf) {
      // A rotation: the same paths with new contents, loaded live so that
      // connected clients stay connected.
      await applyLive(
        { host: address.connect, port: address.port, admin, tls: trust },
        [certificateReload(nodeTlsPaths(files))],
      );
      ctx.logger.info(`Local driver loaded new certificates on ${label}`);
    }
    if (!options.forceLive && applied?.conf === desired!.conf) {
      // Users are in the new file for the next start; on the running
      // server the control plane sets them (ACL SETUSER), because ACL LOAD
      // would close every session of every user.
      if (applied?.acl !== desired!.acl) writeApplied(files, desired!);
      return;
    }
    try {
      await applyLive(
        { host: address.connect, port: address.port, admin, tls: trust },
        [
          ...liveSettings(spec),
          ...(spec.replicas > 0 ? replicationAuth(admin) : []),
          // Rebinding closes the listening socket for a moment, so only
          // when the allow-list moved it; connected clients stay.
          {
            key: 'bind',
            value: listeningAddress(address, spec.allowList).bind,
            onlyIfDifferent: true,
          },
          ...(spec.tls || previous?.tls
            ? listenerSettings(
                spec.tls && {
                  ...nodeTlsPaths(files),
                  listeners: nodeListeners(runtime, spec.tls.mode),
                },
                runtime.port,
              )
            : []),
        ],
      );
      writeApplied(files, desired!);
    } catch (error) {
      if (
        /^CONFIG SET (bind|port|tls-[a-z-]+)\b/.test(
          (error as Error).message,
        ) &&
        spec.persistence === 'none' &&
        spec.replicas === 0
      ) {
        // A restart would apply it, but empty the instance.
        throw new PlatformRejectedError(
          `${
            /CONFIG SET bind/.test((error as Error).message)
              ? 'allowList'
              : 'tls'
          }: ${spec.engine} ${
            runtime.binary.version
          } cannot change where it listens without a restart, and instance ${
            spec.instanceId
          } keeps no data on disk; enable persistence or upgrade first`,
        );
      }
      if (/\bLOADING\b/.test((error as Error).message)) {
        // Restarting would only start the load over; let the caller retry.
        throw new PlatformUnavailableError(
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

  /**
   * An instance without persistence must come back empty after a restart,
   * but a restore or an upgrade starts it from an RDB file: once the node
   * serves (it has read the file), the file goes.
   */
  async #dropLoadedData(
    files: InstanceFiles,
    host: string,
    port: number,
    trust: { ca: string } | undefined,
  ) {
    const saved = join(files.dataFolder, RDB_FILE);
    if (!pathExists(saved)) return;
    if ((await respPing(host, port, 500, trust)) !== 'serving') return;
    await rm(saved, { force: true });
  }

  async #start(
    files: InstanceFiles,
    runtime: InstanceRuntime,
    applied?: AppliedDigests,
  ) {
    const result = await startInstance(files, runtime, {
      host: this.#addressOf(runtime).bind,
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
    const { bind, port } = this.#addressOf(runtime);
    while (!(await isPortBindable(bind, port))) {
      if (Date.now() > deadline) {
        throw new PlatformUnavailableError(
          `Instance ${files.instanceId} did not release ${bind}:${port} after stopping`,
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
          const spec = readStoredSpec(files);
          if (!spec) continue;
          for (const node of existingNodes(files)) {
            // A node being removed is left out as soon as the spec is.
            if (!isPlanned(node.name, spec.replicas)) continue;
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
            addressOf: this.#addressOf,
            deadForMs: Date.now() - deadSince,
            graceMs: downAfterMs + failoverTimeoutMs,
          });
          if (decision === 'wait') return undefined;
        }
        const result = await startInstance(node.files, runtime, {
          host: this.#addressOf(runtime).bind,
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

/** Whether a node's port only moved between plain and TLS (TLS preferred to required). */
function movesTlsPort(
  previous: InstanceRuntime,
  runtime: InstanceRuntime,
): boolean {
  return (
    previous.tlsPort === runtime.port &&
    previous.host === runtime.host &&
    previous.binary.path === runtime.binary.path
  );
}
