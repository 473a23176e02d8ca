import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { dbaasDriversExtensionPoint } from '@justmanage/plugin-dbaas-node';
import { dbaasPermissions } from '@justmanage/plugin-dbaas-common';
import { readDbaasConfig } from './config/readDbaasConfig';
import { SecretBox } from './crypto/SecretBox';
import { migrateDatabase } from './database/migrateDatabase';
import { InstanceStore } from './database/InstanceStore';
import { OperationStore } from './database/OperationStore';
import { CredentialStore } from './database/CredentialStore';
import { EventStore } from './database/EventStore';
import { DriverRegistry } from './drivers/DriverRegistry';
import { LocalDriver } from './drivers/local';
import { RedisAdmin } from './redis/RedisAdmin';
import { FaultInjector } from './operations/FaultInjector';
import { OperationWorker } from './operations/OperationWorker';
import { OperationWaiter } from './operations/OperationWaiter';
import { HealthChecker } from './health/HealthChecker';
import { OrphanCollector } from './recovery/OrphanCollector';
import { dbaasInstanceResourceRef } from './permissions/resourceRef';
import { dbaasInstanceRules } from './permissions/rules';
import { InstanceAuthorizer } from './permissions/InstanceAuthorizer';
import { InstanceService } from './service/InstanceService';
import { createRouter } from './service/router';

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
      },
      async init(services) {
        const { config, logger, database, httpRouter, scheduler, lifecycle } =
          services;
        const settings = readDbaasConfig(config);
        const box = SecretBox.fromConfig(config);
        if (settings.localDriverEnabled) {
          drivers.add(LocalDriver.fromConfig(config, { logger }));
        }
        for (const driver of drivers.all()) {
          await driver.start?.();
        }

        const db = await migrateDatabase(database);
        const instances = new InstanceStore(db);
        const operations = new OperationStore(db);
        const credentials = new CredentialStore(db, box);
        const events = new EventStore(db);
        const admin = new RedisAdmin();

        services.permissionsRegistry.addResourceType({
          resourceRef: dbaasInstanceResourceRef,
          permissions: dbaasPermissions,
          rules: Object.values(dbaasInstanceRules),
          getResources: async ids => {
            const found = await instances.getMany(ids);
            return ids.map(id => found.find(i => i.id === id));
          },
        });

        const waiter = new OperationWaiter(operations);
        const worker = new OperationWorker({
          deps: {
            db,
            instances,
            operations,
            credentials,
            events,
            drivers,
            admin,
            logger,
            readyTimeoutMs: settings.readyTimeoutMs,
          },
          faults: FaultInjector.fromConfig(config, logger),
          leaseMs: settings.leaseMs,
          pollIntervalMs: settings.pollIntervalMs,
          maxStepAttempts: settings.maxStepAttempts,
          concurrency: settings.concurrency,
          auditor: services.auditor,
          onFinished: id => waiter.notify(id),
        });

        const orphans = new OrphanCollector(instances, drivers, logger);
        await orphans.collect();
        worker.start();

        const health = new HealthChecker({
          instances,
          credentials,
          events,
          admin,
          auditor: services.auditor,
          logger,
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

        const service = new InstanceService({
          db,
          instances,
          operations,
          credentials,
          events,
          drivers,
          onOperationCreated: () => worker.kick(),
        });
        httpRouter.use(
          await createRouter({
            httpAuth: services.httpAuth,
            auditor: services.auditor,
            authorizer: new InstanceAuthorizer(
              services.permissions,
              services.permissionsRegistry,
            ),
            service,
            instances,
            operations,
            waiter,
            credentials,
            drivers,
            validateResponses:
              config.getOptionalBoolean('dbaas.validateResponses') ?? false,
          }),
        );
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
      },
    });
  },
});
