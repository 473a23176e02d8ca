import { HttpAuthService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { dbaasInstanceReadPermission } from '@justmanage/plugin-dbaas-common';
import { DbaasRouter } from '../../service/DbaasRouter';
import { InstanceAuthorizer } from '../../permissions/InstanceAuthorizer';
import { BackupService } from '../BackupService';
import { BackupAnalyser } from './BackupAnalyser';

export interface BackupAnalysisRouteDeps {
  httpAuth: HttpAuthService;
  authorizer: InstanceAuthorizer;
  backups: BackupService;
  backupAnalyser: BackupAnalyser;
}

function topNOf(value: unknown): number {
  if (value === undefined) return 10;
  const topN = Number(value);
  if (!Number.isInteger(topN) || topN < 1 || topN > 100) {
    throw new InputError('topN: must be a whole number from 1 to 100');
  }
  return topN;
}

function separatorOf(value: unknown): string {
  if (value === undefined) return ':';
  if (typeof value !== 'string' || value.length < 1 || value.length > 8) {
    throw new InputError('separator: must be 1 to 8 characters');
  }
  return value;
}

/**
 * GET .../backups/{backupId}/analysis. The report names keys, the
 * instance's data, so it needs the read permission, like a key scan's.
 */
export function registerBackupAnalysisRoute(
  router: DbaasRouter,
  deps: BackupAnalysisRouteDeps,
): void {
  const { httpAuth, authorizer, backups, backupAnalyser } = deps;
  router.get(
    '/instances/:instanceId/backups/:backupId/analysis',
    async (req, res) => {
      const credentials = await httpAuth.credentials(req, {
        allow: ['user', 'service'],
      });
      const options = {
        topN: topNOf(req.query.topN),
        separator: separatorOf(req.query.separator),
      };
      const source = await backups.sourceOf(req.params.instanceId);
      await authorizer.require(
        dbaasInstanceReadPermission,
        source,
        credentials,
      );
      res.json(
        await backupAnalyser.analyse(source, req.params.backupId, options),
      );
    },
  );
}
