import { LoggerService } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { InputError, ServiceUnavailableError } from '@backstage/errors';
import { Engine } from '@justmanage/plugin-dbaas-common';
import {
  Driver,
  DriverCapabilities,
  DriverContext,
  DriverInstanceSpec,
  ObservedInstance,
  ObservedPhase,
} from '@justmanage/plugin-dbaas-node';
import { access, mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { renderAclFile } from './aclFile';
import {
  compareVersions,
  detectBinaries,
  EngineBinary,
  pickBinary,
} from './binaries';
import { LocalDriverSettings, readLocalDriverSettings } from './config';
import { writeFileAtomic } from './fsUtils';
import {
  InstanceFiles,
  instanceFiles,
  isValidInstanceId,
  PORTS_FOLDER,
} from './instanceFiles';
import { findLivePid, startInstance, stopInstance } from './instanceProcess';
import {
  digest,
  InstanceRuntime,
  readApplied,
  readRuntime,
  writeApplied,
  writeRuntime,
  writeSpec,
} from './instanceState';
import { KeyedMutex } from './KeyedMutex';
import { applyLive } from './liveApply';
import { PortAllocator } from './portAllocator';
import { liveSettings, renderRedisConf } from './redisConf';
import { respPing } from './respPing';
import { SupervisedInstances, Supervisor } from './Supervisor';

/** How long provision waits for another backend holding the start lock. */
const START_LOCK_WAIT_MS = 15_000;

const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  );

/**
 * The default driver: runs `redis-server` / `valkey-server` processes on
 * the backend's own host, one folder per instance under `dataDir`.
 *
 * Servers are daemonized and deliberately outlive the backend; a restarted
 * backend adopts them. A supervisor restarts servers that die.
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
  #binaries: Promise<EngineBinary[]> | undefined;

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
    this.#supervisor.start();
  }

  /** Stops supervising only: servers keep running for the next backend. */
  async stop(): Promise<void> {
    await this.#supervisor.stop();
  }

  async capabilities(): Promise<DriverCapabilities> {
    const byEngine = new Map<Engine, Set<string>>();
    for (const binary of await this.#detectedBinaries()) {
      const versions = byEngine.get(binary.engine) ?? new Set<string>();
      versions.add(binary.version);
      byEngine.set(binary.engine, versions);
    }
    return {
      title: 'Local processes',
      regions: [...this.#settings.regions],
      engines: [...byEngine.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([engine, versions]) => ({
          engine,
          versions: [...versions].sort(compareVersions),
        })),
      ha: { replicas: false, maxReplicas: 0, rollingChanges: false },
      limits: structuredClone(this.#settings.limits),
    };
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
    if (ctx.nodeIds && !ctx.nodeIds.includes(nodeId(spec.instanceId))) {
      return;
    }
    await this.#mutex.run(spec.instanceId, () =>
      this.#converge(spec, ctx, { forceLive: true }),
    );
  }

  async deprovision(instanceId: string, ctx: DriverContext): Promise<void> {
    if (!isValidInstanceId(instanceId)) {
      return;
    }
    await this.#mutex.run(instanceId, async () => {
      const files = this.#files(instanceId);
      if (!(await exists(files.folder))) {
        return;
      }
      // First, so neither our supervisor nor another backend's revives it.
      await rm(files.spec, { force: true });
      const runtime = await readRuntime(files);
      if (runtime) {
        await stopInstance(files, runtime);
        await this.#ports.release(runtime.port, instanceId);
      }
      await rm(files.folder, { recursive: true, force: true });
      ctx.logger.info(`Local driver removed instance ${instanceId}`);
    });
  }

  async observe(instanceId: string): Promise<ObservedInstance> {
    const absent: ObservedInstance = {
      instanceId,
      phase: 'absent',
      endpoints: [],
      nodes: [],
    };
    if (!isValidInstanceId(instanceId)) {
      return absent;
    }
    const files = this.#files(instanceId);
    if (!(await exists(files.folder))) {
      return absent;
    }
    const runtime = await readRuntime(files);
    if (!runtime) {
      return {
        instanceId,
        phase: 'starting',
        endpoints: [],
        nodes: [],
        message: 'Provisioning has not chosen a port yet',
      };
    }

    let phase: ObservedPhase;
    let message: string | undefined;
    if (!(await findLivePid(files, runtime))) {
      phase = 'stopped';
      message = (await exists(files.spec))
        ? 'Server not running; the supervisor restarts it'
        : 'Server not running; the instance is being deleted';
    } else {
      const ping = await respPing(this.#connectHost(), runtime.port, 500);
      phase = ping === 'serving' ? 'running' : 'starting';
      if (ping === 'loading') message = 'Server is loading its dataset';
      if (ping === 'unreachable')
        message = 'Server process is up but not answering yet';
    }
    const endpoint = {
      host: this.#settings.advertisedHost,
      port: runtime.port,
    };
    return {
      instanceId,
      phase,
      endpoints: [{ role: 'primary', ...endpoint, tls: false }],
      nodes: [
        {
          id: nodeId(instanceId),
          role: 'primary',
          phase,
          ...endpoint,
          version: runtime.binary.version,
          message,
        },
      ],
      message,
    };
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

  #files(instanceId: string): InstanceFiles {
    return instanceFiles(this.#settings.dataDir, instanceId);
  }

  /** Where the backend itself reaches servers; a wildcard bind is not an address. */
  #connectHost(): string {
    const { bindAddress } = this.#settings;
    if (bindAddress === '0.0.0.0' || bindAddress === '') return '127.0.0.1';
    if (bindAddress === '::') return '::1';
    return bindAddress;
  }

  #detectedBinaries(): Promise<EngineBinary[]> {
    if (!this.#binaries) {
      this.#binaries = detectBinaries(
        this.#settings.binaryPaths,
        this.#logger,
      ).catch(error => {
        this.#binaries = undefined;
        throw error;
      });
    }
    return this.#binaries;
  }

  #validate(spec: DriverInstanceSpec): void {
    const { regions, limits } = this.#settings;
    if (!regions.includes(spec.region)) {
      throw new InputError(
        `The local driver has no region "${
          spec.region
        }"; regions: ${regions.join(', ')}`,
      );
    }
    if (spec.replicas !== 0) {
      throw new InputError('The local driver runs standalone instances only');
    }
    for (const key of ['memoryMb', 'cpu', 'diskGb'] as const) {
      const value = spec.resources[key];
      const { min, max } = limits[key];
      if (!(value >= min && value <= max)) {
        throw new InputError(
          `resources.${key} must be within ${min}..${max} on the local driver, got ${value}`,
        );
      }
    }
    if (spec.users.length === 0) {
      throw new InputError(
        'The spec needs at least the control plane admin user',
      );
    }
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
  ): Promise<{ runtime: InstanceRuntime; previous?: InstanceRuntime }> {
    const previous = await readRuntime(files);
    let port = previous?.port;
    if (port && !(await this.#ports.ensureClaim(port, files.instanceId))) {
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
    };
    if (JSON.stringify(previous) !== JSON.stringify(runtime)) {
      await writeRuntime(files, runtime);
    }
    return { runtime, previous };
  }

  async #converge(
    spec: DriverInstanceSpec,
    ctx: DriverContext,
    options: { forceLive: boolean },
  ): Promise<void> {
    ctx.signal.throwIfAborted();
    this.#validate(spec);
    const binary = pickBinary(
      await this.#detectedBinaries(),
      spec.engine,
      spec.version,
    );
    const files = this.#files(spec.instanceId);
    await mkdir(this.#settings.dataDir, { recursive: true, mode: 0o700 });
    await mkdir(files.dataFolder, { recursive: true, mode: 0o700 });

    const { runtime, previous } = await this.#prepareRuntime(
      files,
      binary,
      ctx,
    );
    const conf = renderRedisConf(spec, {
      files,
      bindAddress: this.#settings.bindAddress,
      port: runtime.port,
    });
    const acl = renderAclFile(spec.users);
    await Promise.all([
      writeFileAtomic(files.conf, conf),
      writeFileAtomic(files.acl, acl),
      writeSpec(files, spec),
    ]);
    ctx.signal.throwIfAborted();

    if (
      previous &&
      (previous.port !== runtime.port ||
        previous.binary.path !== runtime.binary.path) &&
      (await findLivePid(files, previous))
    ) {
      ctx.logger.info(
        `Local driver restarts instance ${spec.instanceId} with ${spec.engine} ${binary.version} on port ${runtime.port}`,
      );
      await stopInstance(files, previous);
      await this.#start(files, runtime);
      return;
    }

    const pid = await findLivePid(files, runtime);
    if (!pid) {
      const started = await this.#start(files, runtime);
      ctx.logger.info(
        `Local driver ${started.started ? 'started' : 'adopted'} ${
          spec.engine
        } ${binary.version} for instance ${spec.instanceId} on port ${
          runtime.port
        } (pid ${started.pid})`,
      );
      return;
    }

    const desired = { conf: digest(conf), acl: digest(acl) };
    const applied = await readApplied(files);
    const aclChanged = applied?.acl !== desired.acl;
    if (!options.forceLive && !aclChanged && applied?.conf === desired.conf) {
      return;
    }
    try {
      await applyLive(
        {
          host: this.#connectHost(),
          port: runtime.port,
          admin: spec.users[0],
        },
        liveSettings(spec),
        { reloadAcl: aclChanged },
      );
      await writeApplied(files, desired);
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
        `Local driver could not apply the change to instance ${
          spec.instanceId
        } live (${(error as Error).message}); restarting it`,
      );
      await this.#restart(files, runtime);
    }
  }

  async #start(files: InstanceFiles, runtime: InstanceRuntime) {
    const result = await startInstance(files, runtime, {
      host: this.#settings.bindAddress,
      waitMs: START_LOCK_WAIT_MS,
    });
    // startInstance returns undefined only in quiet mode.
    return result!;
  }

  async #restart(files: InstanceFiles, runtime: InstanceRuntime) {
    await stopInstance(files, runtime);
    await this.#start(files, runtime);
  }

  #supervised(): SupervisedInstances {
    const runtimeOf = async (instanceId: string) => {
      const files = this.#files(instanceId);
      return { files, runtime: await readRuntime(files) };
    };
    return {
      wanted: async () => {
        const ids = await this.list();
        const flags = await Promise.all(
          ids.map(id => exists(this.#files(id).spec)),
        );
        return ids.filter((_, i) => flags[i]);
      },
      livePid: async instanceId => {
        const { files, runtime } = await runtimeOf(instanceId);
        return runtime ? findLivePid(files, runtime) : undefined;
      },
      revive: async instanceId => {
        const { files, runtime } = await runtimeOf(instanceId);
        if (!runtime) return undefined;
        return startInstance(files, runtime, {
          host: this.#settings.bindAddress,
          waitMs: 0,
          quiet: true,
        });
      },
    };
  }
}

function nodeId(instanceId: string): string {
  return `${instanceId}-primary`;
}
