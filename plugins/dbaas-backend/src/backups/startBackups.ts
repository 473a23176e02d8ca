import { Knex } from 'knex';
import { LoggerService, SchedulerService } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import type { NotificationService } from '@backstage/plugin-notifications-node';
import { InstanceStore } from '../database/InstanceStore';
import { OperationStore } from '../database/OperationStore';
import { DriverRegistry } from '../drivers/DriverRegistry';
import { OperationQueue } from '../operations/OperationQueue';
import { OperationRegistry } from '../operations/OperationRegistry';
import { InstanceService } from '../service/InstanceService';
import { RdbVersionLookup } from '../upgrades/rdbVersions';
import { BackupArchive } from './BackupArchive';
import { BackupCatalog } from './BackupCatalog';
import { BackupCipher } from './BackupCipher';
import { BackupNotifier } from './BackupNotifier';
import { BackupPolicyStore, deleteBackupPolicy } from './BackupPolicyStore';
import { BackupService } from './BackupService';
import { readBackupSettings } from './backupSettings';
import { createBackupHandler } from './backupHandler';
import { createRestoreHandler } from './restoreHandler';
import { createRestoreInPlaceHandler } from './restoreInPlaceHandler';
import { createBackupStore } from './createBackupStore';
import { BACKUPS_TASK, runDueBackups } from './runDueBackups';
import { pruneBackups } from './pruneBackups';

/**
 * Backups, when `dbaas.backups` is set: the folder or S3 store behind the cipher,
 * the backup and restore operation types (owners hear of failed backups
 * through `notifications`), and the scheduled task that runs policies and
 * retention. Returns the service the routes use.
 */
export function registerBackupOperations(
  config: Config,
  registry: OperationRegistry,
  notifications?: NotificationService,
): BackupArchive | undefined {
  const settings = readBackupSettings(config);
  if (!settings) return undefined;
  const archive = new BackupArchive(
    createBackupStore(config, settings.folder),
    BackupCipher.fromKey(settings.encryptionKey),
  );
  registry
    .register(
      createBackupHandler(
        archive,
        notifications && new BackupNotifier(notifications),
      ),
    )
    .register(createRestoreHandler(archive))
    .register(createRestoreInPlaceHandler(archive))
    .onInstanceDeleted(deleteBackupPolicy);
  return archive;
}

export async function startBackups(deps: {
  archive: BackupArchive;
  db: Knex;
  instances: InstanceStore;
  operations: OperationStore;
  instanceService: InstanceService;
  queue: OperationQueue;
  drivers: DriverRegistry;
  rdbVersionOf: RdbVersionLookup;
  scheduler: SchedulerService;
  logger: LoggerService;
}): Promise<BackupService> {
  const catalog = new BackupCatalog(deps.db);
  const policies = new BackupPolicyStore(deps.db);
  const backups = new BackupService({
    catalog,
    operations: deps.operations,
    policies,
    archive: deps.archive,
    queue: deps.queue,
    drivers: deps.drivers,
    instanceService: deps.instanceService,
    rdbVersionOf: deps.rdbVersionOf,
  });
  await deps.scheduler.scheduleTask({
    id: BACKUPS_TASK,
    frequency: { minutes: 1 },
    timeout: { minutes: 10 },
    initialDelay: { minutes: 1 },
    scope: 'global',
    fn: async () => {
      const shared = { ...deps, catalog, policies, backups };
      await runDueBackups(shared);
      await pruneBackups(shared);
    },
  });
  return backups;
}
