import { AuditorService, HttpAuthService } from '@backstage/backend-plugin-api';
import {
  dbaasInstanceBackupPermission,
  dbaasInstanceReadPermission,
  dbaasInstanceRestorePermission,
  dbaasInstanceUpdatePermission,
} from '@justmanage/plugin-dbaas-common';
import { DbaasRouter } from '../service/DbaasRouter';
import { InstanceAuthorizer } from '../permissions/InstanceAuthorizer';
import { InstanceService } from '../service/InstanceService';
import { auditedChange } from '../service/auditedChange';
import { actorOf } from '../service/actorOf';
import { BackupService } from './BackupService';

export interface BackupRouteDeps {
  httpAuth: HttpAuthService;
  auditor: AuditorService;
  authorizer: InstanceAuthorizer;
  service: InstanceService;
  backups: BackupService;
}

/**
 * Backups, restores and backup policies. Listing needs read; backing up,
 * deleting and policies the backup permission; a restore the restore
 * permission on the backed-up instance and create for the new one; a
 * restore in place the restore and update permissions.
 */
export function registerBackupRoutes(
  router: DbaasRouter,
  deps: BackupRouteDeps,
): void {
  const { httpAuth, auditor, authorizer, service, backups } = deps;
  const callerOf = (req: Parameters<HttpAuthService['credentials']>[0]) =>
    httpAuth.credentials(req, { allow: ['user', 'service'] });

  // Listing, deleting and restoring also reach the backups of a deleted instance.
  router.get('/instances/:instanceId/backups', async (req, res) => {
    const credentials = await callerOf(req);
    const source = await backups.sourceOf(req.params.instanceId);
    await authorizer.require(dbaasInstanceReadPermission, source, credentials);
    res.json({ items: await backups.list(source) });
  });

  router.post('/instances/:instanceId/backups', async (req, res) => {
    const credentials = await callerOf(req);
    const instance = await service.get(req.params.instanceId);
    await auditedChange(
      auditor,
      req,
      'instance-backup',
      { instanceId: instance.id },
      async () => {
        await authorizer.require(
          dbaasInstanceBackupPermission,
          instance,
          credentials,
        );
        const accepted = await backups.backUp(instance, actorOf(credentials));
        res.status(202).json(accepted);
        return {
          backupId: accepted.backup.id,
          operationId: accepted.operation.id,
        };
      },
    );
  });

  router.delete(
    '/instances/:instanceId/backups/:backupId',
    async (req, res) => {
      const credentials = await callerOf(req);
      const source = await backups.sourceOf(req.params.instanceId);
      await auditedChange(
        auditor,
        req,
        'instance-backup-delete',
        { instanceId: source.id, backupId: req.params.backupId },
        async () => {
          await authorizer.require(
            dbaasInstanceBackupPermission,
            source,
            credentials,
          );
          await backups.delete(source, req.params.backupId);
          res.status(204).end();
          return {};
        },
      );
    },
  );

  router.post(
    '/instances/:instanceId/backups/:backupId/restore',
    async (req, res) => {
      const credentials = await callerOf(req);
      const source = await backups.sourceOf(req.params.instanceId);
      await auditedChange(
        auditor,
        req,
        'instance-backup-restore',
        {
          instanceId: source.id,
          backupId: req.params.backupId,
          name: req.body?.name,
        },
        async () => {
          await authorizer.require(
            dbaasInstanceRestorePermission,
            source,
            credentials,
          );
          const authorize = await authorizer.forCreate(credentials);
          const accepted = await backups.restore(
            source,
            req.params.backupId,
            req.body,
            actorOf(credentials),
            authorize,
          );
          res.status(202).json(accepted);
          return {
            newInstanceId: accepted.instance.id,
            operationId: accepted.operation.id,
          };
        },
        'high',
      );
    },
  );

  router.post(
    '/instances/:instanceId/backups/:backupId/restore-in-place',
    async (req, res) => {
      const credentials = await callerOf(req);
      const instance = await service.get(req.params.instanceId);
      await auditedChange(
        auditor,
        req,
        'instance-backup-restore-in-place',
        { instanceId: instance.id, backupId: req.params.backupId },
        async () => {
          await authorizer.requireAll(
            [dbaasInstanceRestorePermission, dbaasInstanceUpdatePermission],
            instance,
            credentials,
          );
          const accepted = await backups.restoreInPlace(
            instance,
            req.params.backupId,
            req.body,
            actorOf(credentials),
          );
          res.status(202).json(accepted);
          return { operationId: accepted.operation.id };
        },
        'high',
      );
    },
  );

  router.get('/instances/:instanceId/backup-policy', async (req, res) => {
    const credentials = await callerOf(req);
    const instance = await service.get(req.params.instanceId);
    await authorizer.require(
      dbaasInstanceReadPermission,
      instance,
      credentials,
    );
    res.json(await backups.policyOf(instance));
  });

  router.put('/instances/:instanceId/backup-policy', async (req, res) => {
    const credentials = await callerOf(req);
    const instance = await service.get(req.params.instanceId);
    await auditedChange(
      auditor,
      req,
      'instance-backup-policy',
      { instanceId: instance.id },
      async () => {
        await authorizer.require(
          dbaasInstanceBackupPermission,
          instance,
          credentials,
        );
        res.json(
          await backups.setPolicy(instance, req.body, actorOf(credentials)),
        );
        return {};
      },
    );
  });
}
