import { LoggerService } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import {
  directConnector,
  Driver,
  DriverCapabilities,
  DriverConnector,
  DriverContext,
  DriverInstanceSpec,
  ObservedInstance,
  PlatformRejectedError,
} from '@justmanage/plugin-dbaas-node';
import { healthPassword } from './aclFile';
import { describeCapabilities } from './capabilities';
import {
  KubernetesDriverSettings,
  KubernetesRegion,
  readKubernetesDriverSettings,
} from './config';
import { KubeApi, KubeObject } from './kube/KubeApi';
import { PortForwardConnector } from './kube/PortForwardConnector';
import { applyLive } from './liveApply';
import {
  foundationManifests,
  Manifest,
  ManifestInput,
  workloadManifests,
} from './manifests';
import { primaryFromSentinels } from './sentinelQuery';
import {
  checkInstanceId,
  headlessServiceName,
  instanceSelector,
  MANAGED_BY,
  objectName,
  SENTINEL_PORT,
  sentinelSetName,
} from './names';
import { observePods } from './observePods';
import { describeChange } from './planChange';
import { liveSettings } from './redisConf';
import { validateSpec } from './validateSpec';

/** What deprovision deletes, owner last: the garbage collector would follow it anyway. */
const OWNED_KINDS: Array<[string, string, (id: string) => string]> = [
  ['policy/v1', 'PodDisruptionBudget', objectName],
  ['networking.k8s.io/v1', 'NetworkPolicy', objectName],
  ['apps/v1', 'StatefulSet', sentinelSetName],
  ['apps/v1', 'StatefulSet', objectName],
  ['v1', 'Service', sentinelSetName],
  ['v1', 'Service', objectName],
  ['v1', 'Service', headlessServiceName],
  ['v1', 'ConfigMap', objectName],
  ['v1', 'Secret', objectName],
];

/**
 * Runs instances on Kubernetes: per instance a Secret (the owner of the
 * rest), a ConfigMap, a headless and a client Service, a StatefulSet with
 * OnDelete updates, a PodDisruptionBudget and a NetworkPolicy, each applied
 * server-side as `justmanage` after a dry run whose changes are logged.
 * What runs is read back from the pods.
 * @public
 */
export class KubernetesDriver implements Driver {
  readonly id = 'kubernetes';
  /**
   * Pod IPs when the backend runs in the cluster or routes to it; a
   * port-forward through the API server otherwise (`connect: portForward`).
   */
  readonly connector: DriverConnector;
  /** The region an instance was last seen in, for the port-forward connector. */
  readonly #regionOf = new Map<string, KubernetesRegion>();

  readonly #settings: KubernetesDriverSettings;
  readonly #logger: LoggerService;
  readonly #apis = new Map<string, KubeApi>();

  static fromConfig(
    config: Config,
    options: { logger: LoggerService },
  ): KubernetesDriver {
    return new KubernetesDriver(
      readKubernetesDriverSettings(config),
      options.logger,
    );
  }

  private constructor(
    settings: KubernetesDriverSettings,
    logger: LoggerService,
  ) {
    this.#settings = settings;
    this.#logger = logger;
    for (const region of settings.regions)
      this.#apis.set(region.name, KubeApi.fromAccess(region.cluster));
    this.connector =
      settings.connect === 'portForward'
        ? new PortForwardConnector(instanceId => {
            const region = this.#regionOf.get(instanceId);
            return (
              region && { api: this.#api(region), namespace: region.namespace }
            );
          })
        : directConnector;
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
    for (const region of this.#settings.regions) {
      const api = this.#api(region);
      for (const [apiVersion, kind, name] of OWNED_KINDS) {
        ctx.signal.throwIfAborted();
        if (
          await api.delete(apiVersion, kind, region.namespace, name(instanceId))
        )
          ctx.logger.info(
            `Deleted ${kind} ${region.namespace}/${name(instanceId)}`,
          );
      }
    }
  }

  async observe(instanceId: string): Promise<ObservedInstance> {
    checkInstanceId(instanceId);
    for (const region of this.#settings.regions) {
      const api = this.#api(region);
      const ns = region.namespace;
      const [statefulSet, sentinelSet, pods] = await Promise.all([
        api.read('apps/v1', 'StatefulSet', ns, objectName(instanceId)),
        api.read('apps/v1', 'StatefulSet', ns, sentinelSetName(instanceId)),
        api.list('v1', 'Pod', ns, instanceSelector(instanceId)),
      ]);
      if (!statefulSet && !sentinelSet && !pods.length) continue;
      this.#regionOf.set(instanceId, region);
      const isReady = (p: KubeObject) =>
        p.status?.conditions?.some(
          (c: any) => c.type === 'Ready' && c.status === 'True',
        );
      const warnings = pods.every(isReady)
        ? new Map<string, string>()
        : await this.#podWarnings(api, region);
      const primaryIp = sentinelSet
        ? await this.#primaryIp(api, ns, instanceId, pods.filter(isReady))
        : undefined;
      return observePods({
        instanceId,
        statefulSet,
        sentinelSet,
        pods,
        warnings,
        primaryIp,
      });
    }
    return { instanceId, phase: 'absent', nodes: [] };
  }

  /** Where the Sentinels say the primary is, under the name kept on the Secret. */
  async #primaryIp(
    api: KubeApi,
    namespace: string,
    instanceId: string,
    readyPods: KubeObject[],
  ): Promise<string | undefined> {
    const secret = await api.read(
      'v1',
      'Secret',
      namespace,
      objectName(instanceId),
    );
    const name =
      secret?.metadata?.annotations?.['justmanage.io/sentinel-master-name'];
    if (!name) return undefined;
    const sentinels = readyPods
      .filter(
        p => p.metadata?.labels?.['app.kubernetes.io/component'] === 'sentinel',
      )
      .map(p => ({
        id: p.metadata!.name!,
        endpoint: { host: p.status.podIP, port: SENTINEL_PORT, tls: false },
      }));
    return primaryFromSentinels(instanceId, sentinels, name, this.connector);
  }

  async list(): Promise<string[]> {
    const ids = new Set<string>();
    for (const region of this.#settings.regions) {
      const owners = await this.#api(region).list(
        'v1',
        'Secret',
        region.namespace,
        `app.kubernetes.io/managed-by=${MANAGED_BY},app.kubernetes.io/component=credentials`,
      );
      for (const owner of owners) {
        const id = owner.metadata?.labels?.['app.kubernetes.io/instance'];
        if (id) ids.add(id);
      }
    }
    return [...ids];
  }

  async #converge(
    spec: DriverInstanceSpec,
    ctx: DriverContext,
    nodeIds?: string[],
  ): Promise<void> {
    ctx.signal.throwIfAborted();
    const { region, image } = validateSpec(spec, this.#settings);
    const api = this.#api(region);
    const adminPassword = await spec.admin.password.reveal();
    const input: ManifestInput = {
      spec,
      settings: this.#settings,
      region,
      image,
      healthPassword: healthPassword(adminPassword, spec.instanceId),
      adminPassword,
    };
    const live = await api.read(
      'apps/v1',
      'StatefulSet',
      region.namespace,
      objectName(spec.instanceId),
    );
    if (live) await this.#refuseRemovingPrimary(spec, live);

    const [ownerManifest, ...foundation] = foundationManifests(input);
    const owner = await this.#applyOne(api, ownerManifest, ctx);
    const ownedBy = (manifest: Manifest) => {
      manifest.metadata.ownerReferences = [
        {
          apiVersion: 'v1',
          kind: 'Secret',
          name: owner.metadata!.name!,
          uid: owner.metadata!.uid!,
          blockOwnerDeletion: true,
        },
      ];
      return manifest;
    };
    const applied = new Map<string, KubeObject>();
    for (const manifest of foundation) {
      applied.set(
        manifest.metadata.name,
        await this.#applyOne(api, ownedBy(manifest), ctx),
      );
    }
    const clusterIp = (name: string) =>
      applied.get(name)?.spec?.clusterIP as string | undefined;
    const seed = clusterIp(objectName(spec.instanceId));
    const sentinels = clusterIp(sentinelSetName(spec.instanceId));
    const addresses = seed && sentinels ? { seed, sentinels } : undefined;
    for (const manifest of workloadManifests(input, addresses)) {
      await this.#applyOne(api, ownedBy(manifest), ctx);
    }
    if (spec.replicas === 0)
      await this.#removeSentinels(api, region, spec.instanceId, ctx);
    if (live) await this.#applyLive(spec, adminPassword, ctx, nodeIds);
  }

  /** Scaling down removes the highest ordinals; the primary must have moved first. */
  async #refuseRemovingPrimary(spec: DriverInstanceSpec, live: KubeObject) {
    const keep = spec.replicas + 1;
    if ((live.spec?.replicas ?? 1) <= keep) return;
    const primary = (await this.observe(spec.instanceId)).nodes.find(
      n => n.role === 'primary',
    );
    if (primary?.ordinal !== undefined && primary.ordinal >= keep) {
      throw new PlatformRejectedError(
        `replicas: ${primary.name} is the primary and would be removed by going to ${spec.replicas} replicas; move the primary to a lower node first`,
      );
    }
  }

  async #removeSentinels(
    api: KubeApi,
    region: KubernetesRegion,
    instanceId: string,
    ctx: DriverContext,
  ) {
    for (const kind of ['StatefulSet', 'Service']) {
      const apiVersion = kind === 'Service' ? 'v1' : 'apps/v1';
      if (
        await api.delete(
          apiVersion,
          kind,
          region.namespace,
          sentinelSetName(instanceId),
        )
      )
        ctx.logger.info(
          `Deleted ${kind} ${region.namespace}/${sentinelSetName(
            instanceId,
          )}: no replicas left`,
        );
    }
  }

  /** A dry run first: nothing is written when it changes nothing, and what it changes is logged. */
  async #applyOne(
    api: KubeApi,
    manifest: Manifest,
    ctx: DriverContext,
  ): Promise<KubeObject> {
    ctx.signal.throwIfAborted();
    const { apiVersion, kind, metadata } = manifest;
    const live = await api.read(
      apiVersion,
      kind,
      metadata.namespace,
      metadata.name,
    );
    const planned = await api.apply(manifest, { dryRun: true });
    const changes = describeChange(live, planned);
    if (live && !changes.length) return live;
    ctx.signal.throwIfAborted();
    ctx.logger.info(
      `${live ? 'Changing' : 'Creating'} ${kind} ${metadata.namespace}/${
        metadata.name
      }${live ? `: ${changes.join('; ')}` : ''}`,
    );
    return api.apply(manifest);
  }

  /** With OnDelete nothing restarts: settings reach running servers by CONFIG SET. */
  async #applyLive(
    spec: DriverInstanceSpec,
    adminPassword: string,
    ctx: DriverContext,
    nodeIds?: string[],
  ) {
    const observed = await this.observe(spec.instanceId);
    for (const node of observed.nodes) {
      // Sentinels have no such settings; theirs are in sentinel.conf.
      if (node.role === 'sentinel') continue;
      if (node.phase !== 'running' || !node.endpoint) continue;
      if (nodeIds && !nodeIds.includes(node.id)) continue;
      ctx.signal.throwIfAborted();
      const changed = await applyLive(
        {
          instanceId: spec.instanceId,
          nodeId: node.id,
          endpoint: node.endpoint,
        },
        { username: spec.admin.username, password: adminPassword },
        liveSettings(spec),
        this.connector,
      );
      if (changed.length)
        ctx.logger.info(`CONFIG SET on ${node.name}: ${changed.join(', ')}`);
    }
  }

  /** The latest warning event of each pod, the scheduler's and the kubelet's reasons. */
  async #podWarnings(
    api: KubeApi,
    region: KubernetesRegion,
  ): Promise<Map<string, string>> {
    const events = await api.list('v1', 'Event', region.namespace, '');
    const latest = new Map<string, string>();
    for (const e of events.filter(
      ev => ev.type === 'Warning' && ev.involvedObject?.kind === 'Pod',
    )) {
      latest.set(e.involvedObject.name, `${e.reason}: ${e.message}`);
    }
    return latest;
  }

  #api(region: KubernetesRegion): KubeApi {
    return this.#apis.get(region.name)!;
  }

  get logger(): LoggerService {
    return this.#logger;
  }
}
