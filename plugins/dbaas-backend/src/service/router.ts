import express from 'express';
import {
  AuditorService,
  BackstageCredentials,
  HttpAuthService,
} from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import {
  Instance,
  dbaasInstanceCredentialsReadPermission,
  dbaasInstanceDeletePermission,
  dbaasInstanceReadPermission,
  dbaasInstanceUpdatePermission,
} from '@justmanage/plugin-dbaas-common';
import { InstanceStore } from '../database/InstanceStore';
import { EventStore } from '../database/EventStore';
import { OperationStore } from '../database/OperationStore';
import { OperationWaiter } from '../operations/OperationWaiter';
import { CredentialStore } from '../database/CredentialStore';
import { AclUserStore } from '../users/AclUserStore';
import { DriverRegistry } from '../drivers/DriverRegistry';
import { InstanceAuthorizer } from '../permissions/InstanceAuthorizer';
import { InstanceService } from './InstanceService';
import { createOpenApiRouter } from '../schema/openapi/generated/router';
import { auditedChange } from './auditedChange';
import { connectionDetails } from './connectionDetails';
import { actorOf } from './actorOf';
import { registerAvailabilityRoutes } from './availabilityRoutes';
import { registerAlertRoutes } from './alertRoutes';
import { Monitoring } from '../availability/createMonitoring';
import { registerVersionRoutes } from './versionRoutes';
import { VersionCatalog } from '../versions/VersionCatalog';
import { UpgradePlanner } from '../versions/upgradePlanner';
import { registerBigKeysRoutes } from './bigKeysRoutes';
import { registerOperationCancelRoutes } from './operationCancelRoutes';
import { KeyScanService } from '../bigkeys/KeyScanService';
import { OperationControlStore } from '../database/OperationControlStore';
import { OperationRegistry } from '../operations/OperationRegistry';
import { registerUpgradeRoutes } from './upgradeRoutes';
import { registerMaintenanceRoutes } from './maintenanceRoutes';
import { UpgradePolicyService } from '../maintenance/UpgradePolicyService';
import { UpgradeService } from '../upgrades/UpgradeService';
import { registerMetricsRoutes } from './metricsRoutes';
import { Metrics } from '../metrics/startMetrics';
import { registerDiagnosticsRoutes } from '../diagnostics/diagnosticsRoutes';
import { DiagnosticsReader } from '../diagnostics/DiagnosticsReader';
import { registerConfigPreviewRoutes } from '../configuration/configPreviewRoutes';
import { registerReplicasRoutes } from '../replication/replicasRoutes';
import { registerUsersRoutes } from '../users/usersRoutes';
import { registerVaultRoutes, VaultRouteDeps } from '../vault/vaultRoutes';
import { AclUserService } from '../users/AclUserService';
import { InstanceTls } from '../tls/InstanceTls';
import { OperationQueue } from '../operations/OperationQueue';
import { registerTlsRoutes } from '../tls/tlsRoutes';
import { registerBackupRoutes } from '../backups/backupRoutes';
import { BackupService } from '../backups/BackupService';
import { BackupAnalyser } from '../backups/analysis/BackupAnalyser';
import { registerBackupAnalysisRoute } from '../backups/analysis/backupAnalysisRoute';

export interface RouterOptions {
  httpAuth: HttpAuthService;
  auditor: AuditorService;
  authorizer: InstanceAuthorizer;
  service: InstanceService;
  instances: InstanceStore;
  operations: OperationStore;
  /** What happened to each instance; without it GET .../events is absent. */
  events?: EventStore;
  waiter: OperationWaiter;
  credentials: CredentialStore;
  users: AclUserStore;
  drivers: DriverRegistry;
  /** Engine upgrades and downgrades; without it the upgrade route is absent. */
  upgrades?: UpgradeService;
  /** Upgrade policies and their decision log; without it their routes are absent. */
  upgradePolicies?: UpgradePolicyService;
  /** Big-key scans; without it their routes are absent. */
  keyScans?: KeyScanService;
  /** Progress and cancellation; without them the cancel route is absent. */
  operationControl?: OperationControlStore;
  operationTypes?: OperationRegistry;
  /** The version catalog and planner; without them the version routes are absent. */
  versions?: { catalog: VersionCatalog; planUpgrades: UpgradePlanner };
  /** Availability history and alerts; without it their routes are absent. */
  monitoring?: Monitoring;
  /** Metric series, snapshots, keyspace, replication, Prometheus; without it their routes are absent. */
  metrics?: Metrics;
  /** Slow log and latency events; without it their routes are absent. */
  diagnostics?: DiagnosticsReader;
  /** ACL users of instances; without it their routes are absent. */
  userService?: AclUserService;
  /** With dbaas.vault: credentials from Vault's database secrets engine. */
  vault?: VaultRouteDeps['vault'];
  /** Instance CAs and certificate rotation; without it their routes are absent. */
  tls?: { service: InstanceTls; queue: OperationQueue };
  /** Backups and restores (dbaas.backups); without it their routes are absent. */
  backups?: BackupService;
  /** Memory analysis of backups; without it (or backups) its route is absent. */
  backupAnalyser?: BackupAnalyser;
  /** Tests turn this on so every response is checked against the contract. */
  validateResponses?: boolean;
}

function asList(value: unknown): string[] | undefined {
  if (typeof value !== 'string' || !value) return undefined;
  return value
    .split(',')
    .map(v => v.trim())
    .filter(Boolean);
}

export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const {
    httpAuth,
    auditor,
    authorizer,
    service,
    instances,
    operations,
    drivers,
  } = options;
  const router = await createOpenApiRouter({
    validatorOptions: { validateResponses: options.validateResponses ?? false },
  });

  const callerOf = (req: express.Request<any, any, any, any>) =>
    httpAuth.credentials(req, { allow: ['user', 'service'] });

  async function readable(
    req: express.Request<any, any, any, any>,
    id: string,
  ): Promise<{
    instance: Instance;
    credentials: BackstageCredentials;
  }> {
    const credentials = await callerOf(req);
    const instance = await service.get(id);
    await authorizer.require(
      dbaasInstanceReadPermission,
      instance,
      credentials,
    );
    return { instance, credentials };
  }

  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });

  router.get('/platforms', async (req, res) => {
    await callerOf(req);
    res.json({ items: await drivers.platforms() });
  });

  router.get('/instances', async (req, res) => {
    const credentials = await callerOf(req);
    const all = await instances.list({
      owner: asList(req.query.owner),
      status: asList(req.query.status),
      platform: asList(req.query.platform),
      name: typeof req.query.name === 'string' ? req.query.name : undefined,
    });
    const items = await authorizer.filter(
      dbaasInstanceReadPermission,
      all,
      credentials,
    );
    res.json({ items });
  });

  router.post('/instances', async (req, res) => {
    const credentials = await callerOf(req);
    await auditedChange(
      auditor,
      req,
      'instance-create',
      { name: req.body?.name },
      async () => {
        const authorize = await authorizer.forCreate(credentials);
        const key = req.header('Idempotency-Key') ?? undefined;
        const accepted = await service.create(
          req.body,
          actorOf(credentials),
          authorize,
          key,
        );
        res
          .status(202)
          .json({ instance: accepted.instance, operation: accepted.operation });
        return {
          instanceId: accepted.instance.id,
          operationId: accepted.operation.id,
          replayed: accepted.replayed,
        };
      },
    );
  });

  router.get('/instances/:instanceId', async (req, res) => {
    const { instance } = await readable(req, req.params.instanceId);
    res.json(instance);
  });

  router.patch('/instances/:instanceId', async (req, res) => {
    const credentials = await callerOf(req);
    const instance = await service.get(req.params.instanceId);
    await auditedChange(
      auditor,
      req,
      'instance-update',
      { instanceId: instance.id },
      async () => {
        await authorizer.require(
          dbaasInstanceUpdatePermission,
          instance,
          credentials,
        );
        const accepted = await service.update(
          instance,
          req.body,
          actorOf(credentials),
        );
        res.status(202).json(accepted);
        return { operationId: accepted.operation.id };
      },
    );
  });

  router.delete('/instances/:instanceId', async (req, res) => {
    const credentials = await callerOf(req);
    const instance = await service.get(req.params.instanceId);
    await auditedChange(
      auditor,
      req,
      'instance-delete',
      { instanceId: instance.id },
      async () => {
        await authorizer.require(
          dbaasInstanceDeletePermission,
          instance,
          credentials,
        );
        const accepted = await service.delete(instance, actorOf(credentials));
        res.status(202).json(accepted);
        return { operationId: accepted.operation.id };
      },
    );
  });

  router.get('/instances/:instanceId/operations', async (req, res) => {
    const { instance } = await readable(req, req.params.instanceId);
    res.json({ items: await operations.listForInstance(instance.id) });
  });

  if (options.events) {
    const events = options.events;
    router.get('/instances/:instanceId/events', async (req, res) => {
      const { instance } = await readable(req, req.params.instanceId);
      const limit = Number(req.query.limit ?? 100);
      const items = await events.list(instance.id, limit);
      res.json({
        items: items.map(({ type, actor, message, createdAt }) => ({
          type,
          actor,
          message,
          createdAt,
        })),
      });
    });
  }

  router.get('/instances/:instanceId/connection', async (req, res) => {
    const credentials = await callerOf(req);
    const instance = await service.get(req.params.instanceId);
    await auditedChange(
      auditor,
      req,
      'instance-credentials-read',
      { instanceId: instance.id },
      async () => {
        // one policy call for both checks
        await authorizer.requireAll(
          [dbaasInstanceReadPermission, dbaasInstanceCredentialsReadPermission],
          instance,
          credentials,
        );
        res.json(
          await connectionDetails(
            instance,
            options.users,
            undefined,
            options.tls?.service,
          ),
        );
        return {};
      },
      'high',
    );
  });

  registerConfigPreviewRoutes(router, options);
  registerReplicasRoutes(router, options);
  if (options.tls) {
    registerTlsRoutes(router, { ...options, tls: options.tls });
  }
  if (options.userService) {
    registerUsersRoutes(router, {
      ...options,
      userService: options.userService,
    });
  }
  registerVaultRoutes(router, options);

  if (options.backups) {
    registerBackupRoutes(router, { ...options, backups: options.backups });
  }
  if (options.backups && options.backupAnalyser) {
    registerBackupAnalysisRoute(router, {
      ...options,
      backups: options.backups,
      backupAnalyser: options.backupAnalyser,
    });
  }

  if (options.upgrades) {
    registerUpgradeRoutes(router, { ...options, upgrades: options.upgrades });
  }

  if (options.upgradePolicies) {
    registerMaintenanceRoutes(router, {
      ...options,
      upgradePolicies: options.upgradePolicies,
    });
  }

  if (options.versions) {
    registerVersionRoutes(router, { ...options, ...options.versions });
  }

  router.get('/operations/:operationId', async (req, res) => {
    const credentials = await callerOf(req);
    const waitMs = Number(req.query.waitMs ?? 0);
    // Listening from before the read, so that an operation which ends while
    // this request is authorized is neither missed nor read twice.
    const watch =
      waitMs > 0 ? options.waiter.watch(req.params.operationId) : undefined;
    try {
      const found = await operations.get(req.params.operationId);
      if (!found) {
        throw new NotFoundError(
          `No operation with id ${req.params.operationId}`,
        );
      }
      await authorizer.require(
        dbaasInstanceReadPermission,
        { id: found.instanceId, name: found.instanceName, owner: found.owner },
        credentials,
      );
      res.json(watch ? await watch.until(found, waitMs) : found);
    } finally {
      watch?.cancel();
    }
  });

  if (options.keyScans) {
    registerBigKeysRoutes(router, { ...options, keyScans: options.keyScans });
  }
  if (options.operationControl && options.operationTypes) {
    registerOperationCancelRoutes(router, {
      ...options,
      operationControl: options.operationControl,
      operationTypes: options.operationTypes,
    });
  }

  if (options.metrics) {
    registerMetricsRoutes(router, { ...options, metrics: options.metrics });
  }
  if (options.diagnostics) {
    registerDiagnosticsRoutes(router, {
      ...options,
      diagnostics: options.diagnostics,
    });
  }
  if (options.monitoring) {
    const deps = { ...options, monitoring: options.monitoring };
    registerAvailabilityRoutes(router, deps);
    registerAlertRoutes(router, deps);
  }

  return router;
}
