import { LoggerService } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import {
  directConnector,
  Driver,
  DriverCapabilities,
  DriverConnector,
  DriverContext,
  DriverInstanceSpec,
  DriverInstanceStats,
  DriverSnapshots,
  NodeTarget,
  ObservedInstance,
  PlatformUnavailableError,
  report,
} from '@justmanage/plugin-dbaas-node';
import { NomadClient, NomadJob } from './client';
import {
  NomadDriverSettings,
  NomadRegion,
  readNomadDriverSettings,
} from './config';
import { describeCapabilities } from './capabilities';
import { buildJob, META_INSTANCE, META_MANAGED_BY } from './jobSpec';
import { liveSettings } from './redisConf';
import { KnownPrimary, variableItems } from './nodeVariables';
import {
  knownPrimary,
  refuseRemovingPrimary,
} from './replication/knownPrimary';
import { liveReplicationSettings } from './replication/replicaConf';
import { primaryFromSentinels } from './replication/sentinelPrimary';
import { changedGroups, waitForGroups, waitForGroupsGone } from './rollout';
import {
  deleteRemovedVariables,
  repointOthers,
  writeVariable,
} from './groupVariables';
import { NomadSnapshots } from './snapshots/NomadSnapshots';
import { applyLive } from './liveApply';
import {
  checkInstanceId,
  groupOfNodeId,
  instanceIdOf,
  jobIdOf,
  variablePath,
} from './names';
import {
  observeInstance,
  PlacedAlloc,
  readAllocDetails,
} from './observeInstance';
import { placementFailure } from './nomadReasons';
import { describePlan } from './planLog';
import { validateSpec } from './validateSpec';

/**
 * Runs instances as Nomad jobs: one job per instance, one task group per
 * data node (count 1, so a node keeps its name, variable and sticky disk),
 * redis.conf and users.acl rendered by templates from a Nomad Variable per
 * group. Every change is planned first and its diff logged; registration
 * is check-and-set on the job's modify index. What runs is read back from
 * allocations, their task states and their tcp checks.
 * @public
 */
export class NomadDriver implements Driver {
  readonly id = 'nomad';
  readonly connector: DriverConnector = directConnector;
  readonly snapshots?: DriverSnapshots;

  readonly #settings: NomadDriverSettings;
  readonly #logger: LoggerService;
  readonly #clients = new Map<string, NomadClient>();
  /** The region an instance was last seen in: observe and deprovision get only its id. */
  readonly #regionOf = new Map<string, NomadRegion>();
  /** An allocation's address and version never change; the list does not carry them. */
  readonly #placed = new Map<string, PlacedAlloc>();

  static fromConfig(
    config: Config,
    options: { logger: LoggerService; fetch?: typeof fetch },
  ): NomadDriver {
    return new NomadDriver(
      readNomadDriverSettings(config),
      options.logger,
      options.fetch,
    );
  }

  private constructor(
    settings: NomadDriverSettings,
    logger: LoggerService,
    fetchImpl?: typeof fetch,
  ) {
    this.#settings = settings;
    this.#logger = logger;
    for (const region of settings.regions) {
      this.#clients.set(
        region.name,
        NomadClient.create({
          address: settings.address,
          token: settings.token,
          namespace: region.namespace,
          region: region.nomadRegion,
          requestTimeoutMs: settings.requestTimeoutMs,
          fetch: fetchImpl,
        }),
      );
    }
    if (settings.snapshotDir) {
      this.snapshots = new NomadSnapshots({
        dir: settings.snapshotDir,
        readAllocFile: (...args) => this.#readNodeFile(...args),
        restore: {
          feeder: settings.restoreFrom,
          converge: (spec, ctx) => this.#convergeForRestore(spec, ctx),
          connector: this.connector,
          timeoutMs: settings.rolloutTimeoutMs,
        },
      });
    }
  }

  /** Brings the instance to `spec` and waits until its primary serves. */
  async #convergeForRestore(
    spec: DriverInstanceSpec,
    ctx: DriverContext,
  ): Promise<NodeTarget> {
    await this.#converge(spec, ctx);
    const deadline = Date.now() + this.#settings.rolloutTimeoutMs;
    for (;;) {
      ctx.signal.throwIfAborted();
      const observed = await this.observe(spec.instanceId);
      const primary = observed.nodes.find(n => n.role === 'primary');
      if (observed.phase === 'running' && primary?.endpoint) {
        return {
          instanceId: spec.instanceId,
          nodeId: primary.id,
          endpoint: primary.endpoint,
        };
      }
      if (Date.now() > deadline) {
        throw new PlatformUnavailableError(
          `${spec.instanceId} did not serve within ${
            this.#settings.rolloutTimeoutMs / 1000
          } s to load a restored RDB: ${observed.message ?? observed.phase}`,
        );
      }
      await new Promise(resolve => setTimeout(resolve, 100));
    }
  }

  /** A file of the allocation `nodeId` runs in now, through Nomad's file system API. */
  async #readNodeFile(
    instanceId: string,
    nodeId: string,
    path: string,
    signal: AbortSignal,
  ): Promise<Buffer> {
    checkInstanceId(instanceId);
    const group = groupOfNodeId(instanceId, nodeId);
    const jobId = jobIdOf(this.#settings.jobPrefix, instanceId);
    for (const region of this.#candidateRegions(instanceId)) {
      const client = this.#client(region);
      const { value: allocs } = await client.jobAllocations(jobId);
      const alloc = allocs
        .filter(
          a =>
            a.TaskGroup === group &&
            a.DesiredStatus === 'run' &&
            a.ClientStatus === 'running',
        )
        .sort((a, b) => b.CreateIndex - a.CreateIndex)[0];
      if (alloc) return client.readAllocFile(alloc.ID, path, signal);
    }
    throw new PlatformUnavailableError(
      `${nodeId} has no running allocation to copy ${path} from`,
    );
  }

  async capabilities(): Promise<DriverCapabilities> {
    return describeCapabilities(this.#settings);
  }

  provision(spec: DriverInstanceSpec, ctx: DriverContext): Promise<void> {
    return this.#converge(spec, ctx);
  }

  update(
    spec: DriverInstanceSpec,
    ctx: DriverContext & { nodeIds?: string[] },
  ): Promise<void> {
    return this.#converge(spec, ctx, ctx.nodeIds);
  }

  async deprovision(instanceId: string, ctx: DriverContext): Promise<void> {
    ctx.signal.throwIfAborted();
    checkInstanceId(instanceId);
    const jobId = jobIdOf(this.#settings.jobPrefix, instanceId);
    for (const region of this.#candidateRegions(instanceId)) {
      const client = this.#client(region);
      const job = (await client.readJob(jobId))?.value;
      if (job) {
        // Purged at once: the id is free for a new instance, and the
        // allocations stop on their own (observe says absent once they have).
        await client.deregisterJob(jobId, { purge: true });
        await report(
          ctx,
          `Nomad job ${jobId} deregistered and purged in ${region.name}`,
        );
        this.#regionOf.set(instanceId, region);
      }
      const { value: variables } = await client.listVariables(
        `nomad/jobs/${jobId}/`,
      );
      for (const variable of variables)
        await client.deleteVariable(variable.Path);
    }
  }

  async observe(instanceId: string): Promise<ObservedInstance> {
    checkInstanceId(instanceId);
    const jobId = jobIdOf(this.#settings.jobPrefix, instanceId);
    for (const region of this.#candidateRegions(instanceId)) {
      const client = this.#client(region);
      const job = (await client.readJob(jobId))?.value;
      const { value: allocs } = await client.jobAllocations(jobId);
      if (!job && !allocs.length) continue;
      this.#regionOf.set(instanceId, region);
      const { value: evals } = await client.jobEvaluations(jobId);
      const observed = await observeInstance({
        instanceId,
        job,
        allocs,
        latestEval: evals
          .filter(e => e.Status !== 'blocked')
          .sort((a, b) => b.CreateIndex - a.CreateIndex)[0],
        details: async alloc => {
          const details = await readAllocDetails(
            client,
            alloc,
            this.#placed.get(alloc.ID),
          );
          if (details.endpoint) {
            const { checks, ...placed } = details;
            this.#placed.set(alloc.ID, placed);
          }
          return details;
        },
        askPrimary: (sentinels, masterName) =>
          primaryFromSentinels(
            sentinels.map(s => ({
              instanceId,
              nodeId: s.id,
              endpoint: s.endpoint!,
            })),
            masterName,
            this.connector,
          ),
      });
      return observed;
    }
    return { instanceId, phase: 'absent', nodes: [] };
  }

  async list(): Promise<string[]> {
    const ids = new Set<string>();
    for (const region of this.#settings.regions) {
      const { value } = await this.#client(region).listJobs(
        this.#settings.jobPrefix,
      );
      for (const job of value) {
        const id = instanceIdOf(this.#settings.jobPrefix, job.ID);
        if (
          id &&
          !job.Stop &&
          job.Meta?.[META_MANAGED_BY] === 'justmanage' &&
          job.Meta?.[META_INSTANCE] === id
        ) {
          ids.add(id);
        }
      }
    }
    return [...ids];
  }

  async stats(instanceId: string): Promise<DriverInstanceStats> {
    const observed = await this.observe(instanceId);
    const region = this.#regionOf.get(instanceId);
    const nodes: DriverInstanceStats['nodes'] = [];
    if (region) {
      const client = this.#client(region);
      const { value: allocs } = await client.jobAllocations(
        jobIdOf(this.#settings.jobPrefix, instanceId),
      );
      for (const node of observed.nodes.filter(n => n.phase === 'running')) {
        const alloc = allocs.find(
          a => a.TaskGroup === node.name && a.ClientStatus === 'running',
        );
        if (!alloc) continue;
        const usage = await client.allocationStats(alloc.ID);
        nodes.push({
          nodeId: node.id,
          role: node.role === 'sentinel' ? 'sentinel' : 'data',
          memoryRssBytes: usage.ResourceUsage.MemoryStats.RSS,
        });
      }
    }
    return { instanceId, measuredAt: new Date().toISOString(), nodes };
  }

  async #converge(
    spec: DriverInstanceSpec,
    ctx: DriverContext,
    nodeIds?: string[],
  ): Promise<void> {
    ctx.signal.throwIfAborted();
    const { region, engine } = validateSpec(spec, this.#settings);
    const client = this.#client(region);
    this.#regionOf.set(spec.instanceId, region);
    const jobId = jobIdOf(this.#settings.jobPrefix, spec.instanceId);
    const onlyGroups = nodeIds
      ? new Set(nodeIds.map(id => groupOfNodeId(spec.instanceId, id)))
      : undefined;
    const registered = (await client.readJob(jobId))?.value;
    const running = registered && !registered.Stop;
    const observed = running ? await this.observe(spec.instanceId) : undefined;
    const primary = knownPrimary(observed);
    refuseRemovingPrimary(observed, spec.replicas);
    const job = buildJob(
      spec,
      this.#settings,
      region,
      engine,
      registered && onlyGroups ? { registered, onlyGroups } : undefined,
    );
    const groups = job.TaskGroups.map(g => g.Name).filter(
      g => !onlyGroups || onlyGroups.has(g),
    );
    const admin = {
      username: spec.admin.username,
      password: await spec.admin.password.reveal(),
    };
    const itemsOf = (group: string, at: KnownPrimary) =>
      variableItems({
        spec,
        settings: this.#settings,
        jobId,
        group,
        primary: at,
        admin,
      });

    // Variables first: a new allocation renders its files from them.
    const deferred: string[] = [];
    for (const group of groups) {
      ctx.signal.throwIfAborted();
      const items = itemsOf(group, primary);
      if (items) await writeVariable(client, variablePath(jobId, group), items);
      else deferred.push(group);
    }

    ctx.signal.throwIfAborted();
    const plan = await client.planJob(job);
    await report(
      ctx,
      `Nomad plan for ${jobId}: ${describePlan(plan).join(' | ')}`,
    );
    const failed = Object.entries(plan.FailedTGAllocs ?? {});
    if (failed.length) {
      // Registering would leave Nomad waiting for capacity, or stop a node
      // it cannot replace; capacity may free, so this is worth a retry.
      throw new PlatformUnavailableError(
        failed.map(([g, m]) => placementFailure(g, m)).join('; '),
      );
    }
    let registeredVersion: number | undefined;
    let updatedJob: NomadJob | undefined;
    if (plan.Diff?.Type !== 'None' || registered?.Stop) {
      ctx.signal.throwIfAborted();
      const result = await client.registerJob(job, {
        enforceIndex: registered?.JobModifyIndex ?? 0,
      });
      updatedJob = (await client.readJob(jobId))?.value;
      registeredVersion = updatedJob?.Version;
      await report(
        ctx,
        `Nomad job ${jobId} registered at modify index ${result.JobModifyIndex}, evaluation ${result.EvalID}`,
      );
    }
    if (deferred.length) {
      // Replicas and Sentinels wait on their variables until Nomad has
      // given the primary an address.
      const placed = await this.#waitForPrimaryAddress(spec, primary, ctx);
      for (const group of deferred) {
        await writeVariable(
          client,
          variablePath(jobId, group),
          itemsOf(group, placed)!,
        );
      }
    }
    const removed = (registered?.TaskGroups ?? [])
      .map(g => g.Name)
      .filter(name => !job.TaskGroups.some(g => g.Name === name));
    if (removed.length && registeredVersion !== undefined) {
      await waitForGroupsGone({
        client,
        jobId,
        groups: removed,
        timeoutMs: this.#settings.rolloutTimeoutMs,
        signal: ctx.signal,
      });
      await report(ctx, `Nomad stopped ${removed.join(', ')} of ${jobId}`);
    }
    if (spec.replicas > 0 && primary.address) {
      await repointOthers(client, jobId, job, groups, primary);
    }
    await deleteRemovedVariables(client, jobId, job);
    if (running) await this.#applyLive(spec, groups, admin, ctx);
    // A retried rolling step finds its change registered already: it still
    // returns only once the named nodes serve, on the spec's version.
    if (onlyGroups && running) {
      await waitForGroups({
        client,
        jobId,
        groups,
        version: registeredVersion,
        engineVersion: spec.version,
        observe: () => this.observe(spec.instanceId),
        timeoutMs: this.#settings.rolloutTimeoutMs,
        signal: ctx.signal,
      });
      await report(
        ctx,
        `Nomad replaced ${groups.join(
          ', ',
        )} of ${jobId} (job version ${registeredVersion}); serving`,
      );
    }
    // Nomad replaces the allocations of changed groups after the register
    // returns; until the new ones serve, observe may still show the old
    // allocation and its address, which the caller would take as done.
    const replacing =
      !onlyGroups && registered && running && updatedJob
        ? changedGroups(registered, updatedJob)
        : [];
    if (replacing.length) {
      await waitForGroups({
        client,
        jobId,
        groups: replacing,
        version: registeredVersion,
        engineVersion: spec.version,
        observe: () => this.observe(spec.instanceId),
        timeoutMs: this.#settings.rolloutTimeoutMs,
        signal: ctx.signal,
      });
      await report(
        ctx,
        `Nomad updated ${replacing.join(
          ', ',
        )} of ${jobId} (job version ${registeredVersion}); serving`,
      );
    }
  }

  async #waitForPrimaryAddress(
    spec: DriverInstanceSpec,
    primary: KnownPrimary,
    ctx: DriverContext,
  ): Promise<KnownPrimary> {
    const deadline = Date.now() + this.#settings.rolloutTimeoutMs;
    for (;;) {
      ctx.signal.throwIfAborted();
      const observed = await this.observe(spec.instanceId);
      const node = observed.nodes.find(n => n.name === primary.group);
      if (node?.endpoint) {
        return {
          group: primary.group,
          address: { host: node.endpoint.host, port: node.endpoint.port },
        };
      }
      if (Date.now() > deadline) {
        throw new PlatformUnavailableError(
          `Nomad gave ${primary.group} of ${
            spec.instanceId
          } no address within ${this.#settings.rolloutTimeoutMs / 1000} s: ${
            node?.message ?? observed.message ?? 'not placed'
          }`,
        );
      }
      await new Promise(resolve => setTimeout(resolve, 100));
    }
  }

  /** Settings reach running servers live; nodes still starting render them from the variable. */
  async #applyLive(
    spec: DriverInstanceSpec,
    groups: string[],
    admin: { username: string; password: string },
    ctx: DriverContext,
  ): Promise<void> {
    const observed = await this.observe(spec.instanceId);
    const settings = [
      ...liveSettings(spec),
      ...(spec.replicas > 0 ? liveReplicationSettings(admin) : []),
    ];
    for (const node of observed.nodes) {
      if (
        node.role === 'sentinel' ||
        !groups.includes(node.name) ||
        node.phase !== 'running' ||
        !node.endpoint
      )
        continue;
      ctx.signal.throwIfAborted();
      await applyLive(
        {
          instanceId: spec.instanceId,
          nodeId: node.id,
          endpoint: node.endpoint,
        },
        admin,
        settings,
        this.connector,
      );
    }
  }

  #client(region: NomadRegion): NomadClient {
    return this.#clients.get(region.name)!;
  }

  /** Where to look for an instance: where it was last seen, else every region. */
  #candidateRegions(instanceId: string): NomadRegion[] {
    const known = this.#regionOf.get(instanceId);
    return known
      ? [known, ...this.#settings.regions.filter(r => r !== known)]
      : this.#settings.regions;
  }

  /** The job as registered, for tests and docs. */
  async registeredJob(instanceId: string): Promise<NomadJob | undefined> {
    const region = this.#regionOf.get(instanceId) ?? this.#settings.regions[0];
    return (
      await this.#client(region).readJob(
        jobIdOf(this.#settings.jobPrefix, instanceId),
      )
    )?.value;
  }

  get logger(): LoggerService {
    return this.#logger;
  }
}
