import { LoggerService } from '@backstage/backend-plugin-api';
import { InstanceStore } from '../database/InstanceStore';
import { OperationQueue } from '../operations/OperationQueue';
import { InstanceTls } from './InstanceTls';
import { requestCertificateRotation } from './requestCertificateRotation';

export const RENEW_CERTIFICATES_TASK = 'dbaas-renew-certificates';

/**
 * Rotates the certificates of every running instance whose node
 * certificates expire within `renewBeforeDays`. An instance that is busy
 * or not running is tried again next round, well before expiry.
 */
export async function renewCertificates(deps: {
  tls: InstanceTls;
  instances: InstanceStore;
  queue: OperationQueue;
  logger: LoggerService;
}): Promise<void> {
  for (const instanceId of await deps.tls.dueForRenewal()) {
    const instance = await deps.instances.get(instanceId);
    if (!instance || instance.status !== 'running') continue;
    try {
      const { operation } = await requestCertificateRotation(
        deps,
        instance,
        'justmanage:certificate-renewal',
        'Certificates expire soon',
      );
      deps.logger.info(
        `Renewing the certificates of ${instance.name} (operation ${operation.id})`,
      );
    } catch (error) {
      deps.logger.info(
        `Certificates of ${instance.name} are due but not renewed this round: ${
          (error as Error).message
        }`,
      );
    }
  }
}
