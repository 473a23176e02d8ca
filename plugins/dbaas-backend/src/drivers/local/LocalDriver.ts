import { LoggerService } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { ServiceUnavailableError } from '@backstage/errors';
import {
  Driver,
  DriverCapabilities,
  DriverContext,
  DriverInstanceSpec,
  ObservedInstance,
} from '@justmanage/plugin-dbaas-node';
import { mkdirSync } from 'node:fs';
import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { renderAclFile } from './aclFile';
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
import {
  absentInstance,
  observeInstance,
  primaryNodeId,
} from './observeInstance';
import { SupervisedInstances, Supervisor } from './Supervisor';
import { validateSpec } from './validateSpec';

/** How long provision waits for another backend holding the start lock. */
const START_LOCK_WAIT_MS = 15_000;

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
    if (ctx.nodeIds && !ctx.nodeIds.includes(primaryNodeId(spec.instanceId))) {
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
      if (!pathExists(files.folder)) {
        return;
      }
      // First, so neither our supervisor nor another backend's revives it.
      await rm(files.spec, { force: true });
      const runtime = readRuntime(files);
      if (runtime) {
        await stopInstance(files, runtime);
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

  #files(instanceId: string): InstanceFiles {
    return instanceFiles(this.#settings.dataDir, instanceId);
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
    };
    if (JSON.stringify(previous) !== JSON.stringify(runtime)) {
      writeRuntime(files, runtime);
    }
    return { runtime, previous };
  }

  async #converge(
    spec: DriverInstanceSpec,
    ctx: DriverContext,
    options: { forceLive: boolean },
  ): Promise<void> {
    ctx.signal.throwIfAborted();
    validateSpec(spec, this.#settings);
    const binary = pickBinary(
      await this.#detectedBinaries(),
      spec.engine,
      spec.version,
    );
    const files = this.#files(spec.instanceId);
    // Creates the data dir too, should it have been removed.
    mkdirSync(files.dataFolder, { recursive: true, mode: 0o700 });

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
    const desired = { conf: digest(conf), acl: digest(acl) };
    writeFileAtomic(files.conf, conf);
    writeFileAtomic(files.acl, acl);
    writeSpec(files, spec);
    ctx.signal.throwIfAborted();

    if (
      previous &&
      (previous.port !== runtime.port ||
        previous.binary.path !== runtime.binary.path) &&
      findLivePid(files, previous)
    ) {
      ctx.logger.info(
        `Local driver restarts instance ${spec.instanceId} with ${spec.engine} ${binary.version} on port ${runtime.port}`,
      );
      await stopInstance(files, previous);
      await this.#start(files, runtime, desired);
      return;
    }

    if (!findLivePid(files, runtime)) {
      const started = await this.#start(files, runtime, desired);
      ctx.logger.info(
        `Local driver ${started.started ? 'started' : 'adopted'} ${
          spec.engine
        } ${binary.version} for instance ${spec.instanceId} on port ${
          runtime.port
        } (pid ${started.pid})`,
      );
      return;
    }

    const applied = readApplied(files);
    const aclChanged = applied?.acl !== desired.acl;
    if (!options.forceLive && !aclChanged && applied?.conf === desired.conf) {
      return;
    }
    try {
      await applyLive(
        {
          host: connectHostFor(this.#settings.bindAddress),
          port: runtime.port,
          admin: spec.users[0],
        },
        liveSettings(spec),
        { reloadAcl: aclChanged },
      );
      writeApplied(files, desired);
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
    await this.#start(files, runtime);
  }

  #supervised(): SupervisedInstances {
    const runtimeOf = (instanceId: string) => {
      const files = this.#files(instanceId);
      return { files, runtime: readRuntime(files) };
    };
    return {
      wanted: async () =>
        (await this.list()).filter(id => pathExists(this.#files(id).spec)),
      livePid: async instanceId => {
        const { files, runtime } = runtimeOf(instanceId);
        return runtime ? findLivePid(files, runtime) : undefined;
      },
      revive: async instanceId => {
        const { files, runtime } = runtimeOf(instanceId);
        if (!runtime) return undefined;
        return startInstance(files, runtime, {
          host: this.#settings.bindAddress,
          waitMs: 0,
          quiet: true,
          launch: this.#launch,
        });
      },
    };
  }
}
