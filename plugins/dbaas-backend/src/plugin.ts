import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { dbaasDriversExtensionPoint } from '@justmanage/plugin-dbaas-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import {
  dbaasBackupPermissions,
  dbaasPermissions,
} from '@justmanage/plugin-dbaas-common';
import { readDbaasConfig } from './config/readDbaasConfig';
import { InstanceTls } from './tls/InstanceTls';
import { TlsStore } from './tls/TlsStore';
import { readTlsSettings } from './tls/readTlsSettings';
import { readDefaultAllowList } from './allowList/readDefaultAllowList';
import { certificatesHandler } from './tls/certificatesHandler';
import { tlsModeHandler } from './tls/tlsModeHandler';
import {
  renewCertificates,
  RENEW_CERTIFICATES_TASK,
} from './tls/renewCertificates';
import { SecretBox } from './crypto/SecretBox';
import { migrateDatabase } from './database/migrateDatabase';
import { InstanceStore } from './database/InstanceStore';
import { OperationStore } from './database/OperationStore';
import { CredentialStore } from './database/CredentialStore';
import { AclUserStore, deleteAclUsers } from './users/AclUserStore';
import { createVault } from './vault/createVault';
import { AclUserService } from './users/AclUserService';
import { usersHandler } from './users/usersHandler';
import { syncDriftedUsers, USERS_DRIFT_TASK } from './users/syncDriftedUsers';
import {
  RETIRE_PASSWORDS_TASK,
  retireExpiredPasswords,
} from './users/retireExpiredPasswords';
import {
  ROTATE_PASSWORDS_TASK,
  rotateDuePasswords,
} from './users/rotateDuePasswords';
import { EventStore } from './database/EventStore';
import { DriverRegistry } from './drivers/DriverRegistry';
import { RedisAdmin } from './redis/RedisAdmin';
import { NodeRoutes } from './redis/NodeRoutes';
import { FaultInjector } from './operations/FaultInjector';
import { OperationWorker } from './operations/OperationWorker';
import { OperationWaiter } from './operations/OperationWaiter';
import { OperationRegistry } from './operations/OperationRegistry';
import { OperationQueue } from './operations/OperationQueue';
import { registerLifecycleOperations } from './operations/handlers';
import { upgradeInstanceHandler } from './upgrades/upgradeHandler';
import { replicasHandler } from './replication/replicasHandler';
import { scanKeysHandler } from './bigkeys/scanKeysHandler';
import { deleteKeyScans } from './bigkeys/KeyScanStore';
import { HealthChecker } from './health/HealthChecker';
import { createMonitoring } from './availability/createMonitoring';
import { MetricStore } from './metrics/store/MetricStore';
import { startMetrics } from './metrics/startMetrics';
import { readMetricsSettings } from './metrics/metricsSettings';
import { startMonitorSessions } from './redis/startMonitorSessions';
import { PrimaryFollower } from './replication/PrimaryFollower';
import { OrphanCollector } from './recovery/OrphanCollector';
import { dbaasInstanceResourceRef } from './permissions/resourceRef';
import { dbaasInstanceRules } from './permissions/rules';
import { InstanceAuthorizer } from './permissions/InstanceAuthorizer';
import { InstanceService } from './service/InstanceService';
import { createRouter } from './service/router';
import { VersionCatalog } from './versions/VersionCatalog';
import { VersionCatalogStore } from './versions/VersionCatalogStore';
import { ReleaseWatcher } from './versions/ReleaseWatcher';
import { readReleaseWatcherConfig } from './versions/releaseWatcherConfig';
import { createUpgradePlanner } from './versions/upgradePlanner';
import { KeyScanService } from './bigkeys/KeyScanService';
import { readKeyScanSettings } from './bigkeys/keyScanSettings';
import { OperationControlStore } from './database/OperationControlStore';
import { UpgradeService } from './upgrades/UpgradeService';
import { rdbVersionLookup } from './upgrades/rdbVersions';
import { startMaintenance } from './maintenance/startMaintenance';
import { registerDbaasActions } from './actions/registerDbaasActions';
import { DiagnosticsReader } from './diagnostics/DiagnosticsReader';
import { registerBackupOperations, startBackups } from './backups/startBackups';
import { BackupAnalyser } from './backups/analysis/BackupAnalyser';
import { BackupCatalog } from './backups/BackupCatalog';

/**
 * The dbaas backend plugin: managed Redis instances as persisted operations
 * run through drivers.
 * @public
 */
export const dbaasPlugin = createBackendPlugin({
  pluginId: 'dbaas',
  register(env) {
    const drivers = new DriverRegistry();
    env.registerExtensionPoint(dbaasDriversExtensionPoint, {
      addDriver: driver => drivers.add(driver),
    });

    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        database: coreServices.database,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        auditor: coreServices.auditor,
        scheduler: coreServices.scheduler,
        lifecycle: coreServices.lifecycle,
        notifications: notificationService,
        actionsRegistry: actionsRegistryServiceRef,
      },
      async init(services) {
        const { config, logger, database, httpRouter, scheduler, lifecycle } =
          services;
        const settings = readDbaasConfig(config);
        const box = SecretBox.fromConfig(config);
        for (const driver of drivers.all()) {
          await driver.start?.();
        }

        const db = await migrateDatabase(database);
        const instances = new InstanceStore(db);
        const operations = new OperationStore(db);
        const credentials = new CredentialStore(db, box);
        const users = new AclUserStore(db, box);
        const events = new EventStore(db);
        // Instance CAs; every TLS connection of the backend trusts its instance's.
        const tls = new InstanceTls(
          new TlsStore(db, box),
          readTlsSettings(config),
        );
        const routes = new NodeRoutes(drivers, id => tls.trust(id));
        const admin = new RedisAdmin({ routes });

        services.permissionsRegistry.addResourceType({
          resourceRef: dbaasInstanceResourceRef,
          permissions: [...dbaasPermissions, ...dbaasBackupPermissions],
          rules: Object.values(dbaasInstanceRules),
          getResources: async ids => {
            const found = await instances.getMany(ids);
            return ids.map(id => found.find(i => i.id === id));
          },
        });

        // Operation types, each registered by the feature that owns it.
        const registry = new OperationRegistry();
        registerLifecycleOperations(registry);
        registry.register(upgradeInstanceHandler);
        registry.register(replicasHandler);
        registry.register(usersHandler).onInstanceDeleted(deleteAclUsers);
        registry.register(scanKeysHandler).onInstanceDeleted(deleteKeyScans);
        registry
          .register(certificatesHandler)
          .register(tlsModeHandler)
          .onInstanceDeleted((tx, id) => tls.forget(id, tx));
        // Backups and restores, when dbaas.backups is set.
        const backupArchive = registerBackupOperations(
          config,
          registry,
          services.notifications,
        );

        const waiter = new OperationWaiter(operations);
        const worker = new OperationWorker({
          deps: {
            db,
            instances,
            operations,
            credentials,
            users,
            events,
            drivers,
            admin,
            registry,
            logger,
            readyTimeoutMs: settings.readyTimeoutMs,
            tls,
          },
          operationTypes: registry,
          faults: FaultInjector.fromConfig(config, logger),
          leaseMs: settings.leaseMs,
          pollIntervalMs: settings.pollIntervalMs,
          maxStepAttempts: settings.maxStepAttempts,
          concurrency: settings.concurrency,
          auditor: services.auditor,
          onFinished: id => waiter.notify(id),
        });

        const queue = new OperationQueue({
          db,
          instances,
          operations,
          events,
          registry,
          onOperationCreated: () => worker.kick(),
        });

        const orphans = new OrphanCollector(instances, drivers, logger);
        await orphans.collect();
        worker.start();

        // Availability history and alerts, fed by every health check; owners
        // hear of alerts through Backstage notifications.
        const monitoring = createMonitoring({
          db,
          config,
          logger,
          admin,
          credentials,
          notifications: services.notifications,
          metrics: new MetricStore(db),
        });
        await scheduler.scheduleTask({
          id: 'dbaas-availability-retention',
          frequency: { hours: 24 },
          timeout: { minutes: 10 },
          initialDelay: { minutes: 5 },
          scope: 'global',
          fn: () => monitoring.purge(),
        });

        // One admin connection per instance for the health check and the
        // metrics collector, kept open between their rounds.
        const metricsSettings = readMetricsSettings(config);
        const monitorSessions = startMonitorSessions({
          routes,
          timeoutMs: metricsSettings.timeoutMs,
          idleMs:
            4000 *
            Math.max(
              settings.healthIntervalSeconds,
              metricsSettings.intervalSeconds,
            ),
          lifecycle,
        });
        const health = new HealthChecker({
          onChecked: (instance, check) =>
            monitoring.onHealthChecked(instance, check),
          instances,
          credentials,
          events,
          sessions: monitorSessions,
          concurrency: metricsSettings.concurrency,
          auditor: services.auditor,
          logger,
          primaryFollower: new PrimaryFollower({
            drivers,
            instances,
            events,
            logger,
          }),
        });
        await scheduler.scheduleTask({
          id: 'dbaas-health-check',
          frequency: { seconds: settings.healthIntervalSeconds },
          timeout: { seconds: 60 },
          scope: 'global',
          fn: () => health.checkAll(),
        });
        await scheduler.scheduleTask({
          id: 'dbaas-orphan-collector',
          frequency: { minutes: 1 },
          timeout: { minutes: 5 },
          initialDelay: { minutes: 1 },
          scope: 'global',
          fn: async () => {
            await orphans.collect();
          },
        });

        lifecycle.addShutdownHook(async () => {
          await worker.stop();
          for (const driver of drivers.all()) {
            await driver.stop?.();
          }
        });

        // Versions and advisories: shipped data merged with what the release
        // watcher fetches; the planner binds them to each instance's driver.
        const catalogStore = new VersionCatalogStore(db);
        const catalog = VersionCatalog.create({ store: catalogStore });
        await catalog.snapshot();
        const planUpgrades = createUpgradePlanner({ catalog, drivers });
        const watcherSettings = readReleaseWatcherConfig(config);
        if (watcherSettings.enabled) {
          const watcher = new ReleaseWatcher({
            catalog,
            store: catalogStore,
            feeds: watcherSettings.feeds,
            client: { token: watcherSettings.token },
            logger,
          });
          await scheduler.scheduleTask({
            id: 'dbaas-release-watcher',
            frequency: { minutes: watcherSettings.intervalMinutes },
            timeout: { minutes: 10 },
            initialDelay: { seconds: 30 },
            scope: 'global',
            fn: async () => {
              await watcher.refreshAll();
            },
          });
        }

        const service = new InstanceService({
          instances,
          operations,
          credentials,
          users,
          drivers,
          queue,
          tls,
          defaultAllowList: readDefaultAllowList(config),
        });
        // Node certificates are renewed well before they expire.
        await scheduler.scheduleTask({
          id: RENEW_CERTIFICATES_TASK,
          frequency: { hours: 1 },
          timeout: { minutes: 10 },
          initialDelay: { minutes: 2 },
          scope: 'global',
          fn: () => renewCertificates({ tls, instances, queue, logger }),
        });
        // Engine upgrades and downgrades; the maintenance scheduler calls
        // upgrades.request() too.
        const rdbVersionOf = rdbVersionLookup((engine, version) =>
          catalog.rdbVersionOf(engine, version),
        );
        const backups =
          backupArchive &&
          (await startBackups({
            archive: backupArchive,
            db,
            instances,
            operations,
            instanceService: service,
            queue,
            drivers,
            rdbVersionOf,
            scheduler,
            logger,
          }));
        const upgrades = new UpgradeService({
          queue,
          drivers,
          planUpgrades,
          rdbVersionOf,
        });
        // Upgrade policies, and the maintenance job that applies patch
        // upgrades inside their windows through the same UpgradeService.
        const upgradePolicies = await startMaintenance({
          config,
          db,
          logger,
          scheduler,
          notifications: services.notifications,
          instances,
          operations,
          planUpgrades,
          upgrades,
        });
        // Big-key scans run as operations; their reports are stored.
        const keyScans = new KeyScanService({
          db,
          queue,
          settings: readKeyScanSettings(config),
        });
        // Metrics: collector and rollups as global tasks (metrics/startMetrics.ts).
        const metrics = await startMetrics({
          config,
          db,
          instances,
          credentials,
          drivers,
          admin,
          logger,
          scheduler,
          sessions: monitorSessions,
        });
        const authorizer = new InstanceAuthorizer(
          services.permissions,
          services.permissionsRegistry,
        );
        // ACL users; old passwords are retired when their grace period ends.
        const userService = new AclUserService({
          users,
          credentials,
          queue,
          admin,
          events,
        });
        await scheduler.scheduleTask({
          id: USERS_DRIFT_TASK,
          frequency: { seconds: settings.healthIntervalSeconds },
          timeout: { minutes: 2 },
          scope: 'global',
          fn: () =>
            syncDriftedUsers({
              instances,
              operations,
              users,
              credentials,
              admin,
              drivers,
              service: userService,
              logger,
            }),
        });
        await scheduler.scheduleTask({
          id: RETIRE_PASSWORDS_TASK,
          frequency: { seconds: 15 },
          timeout: { minutes: 5 },
          scope: 'global',
          fn: () =>
            retireExpiredPasswords({
              users,
              instances,
              service: userService,
              logger,
            }),
        });
        // Passwords whose rotation schedule is due; once a minute is near
        // enough for periods counted in days.
        await scheduler.scheduleTask({
          id: ROTATE_PASSWORDS_TASK,
          frequency: { minutes: 1 },
          timeout: { minutes: 5 },
          scope: 'global',
          fn: () =>
            rotateDuePasswords({
              users,
              instances,
              operations,
              service: userService,
              logger,
            }),
        });
        // Credentials from Vault's database secrets engine, when configured.
        const vault = await createVault({
          config,
          db,
          deps: { instances, credentials, users, admin, drivers, events, tls },
          registry,
          scheduler,
          lifecycle,
          logger,
        });
        httpRouter.use(
          await createRouter({
            httpAuth: services.httpAuth,
            auditor: services.auditor,
            authorizer,
            service,
            instances,
            operations,
            events,
            waiter,
            credentials,
            users,
            drivers,
            versions: { catalog, planUpgrades },
            upgrades,
            upgradePolicies,
            keyScans,
            operationControl: new OperationControlStore(db),
            operationTypes: registry,
            monitoring,
            metrics,
            diagnostics: new DiagnosticsReader(admin, credentials),
            userService,
            vault,
            tls: { service: tls, queue },
            backups,
            backupAnalyser:
              backupArchive &&
              new BackupAnalyser({
                catalog: new BackupCatalog(db),
                archive: backupArchive,
                credentials,
                admin,
              }),
            validateResponses:
              config.getOptionalBoolean('dbaas.validateResponses') ?? false,
          }),
        );
        // The same operations for agents and scripts (MCP), through the same
        // services, permission checks and audit events as the routes above.
        registerDbaasActions(services.actionsRegistry, {
          auditor: services.auditor,
          authorizer,
          service,
          instances,
          operations,
          waiter,
          credentials,
          users,
          planUpgrades,
          upgrades,
          upgradePolicies,
          metrics,
        });
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
        // Scrapers present a static token from config, which Backstage's own
        // check would refuse; metricsRoutes.ts checks it or service auth.
        httpRouter.addAuthPolicy({
          path: '/metrics',
          allow: 'unauthenticated',
        });
      },
    });
  },
});
