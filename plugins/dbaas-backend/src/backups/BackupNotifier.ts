import type { NotificationService } from '@backstage/plugin-notifications-node';
import { Instance } from '@justmanage/plugin-dbaas-common';

/**
 * Tells an instance's owner through Backstage notifications when one of
 * its backups failed: a scheduled backup has nobody watching it. The scope
 * is the instance's, so failures in a row update one notification rather
 * than pile up.
 */
export class BackupNotifier {
  readonly #notifications: NotificationService;

  constructor(notifications: NotificationService) {
    this.#notifications = notifications;
  }

  async failed(
    instance: Pick<Instance, 'id' | 'name' | 'owner'>,
    backup: { id: string; trigger: string },
    error: string,
  ): Promise<void> {
    await this.#notifications.send({
      recipients: { type: 'entity', entityRef: instance.owner },
      payload: {
        title: `Redis ${instance.name}: a backup failed`,
        description: `The ${backup.trigger} backup ${backup.id} of ${instance.name} failed: ${error}. Earlier backups are kept; back up now on the Redis tab or through the API once the cause is fixed.`,
        link: `/catalog/default/resource/${instance.name}/redis`,
        severity: 'high',
        topic: `Redis ${instance.name}`,
        scope: `dbaas-backup-failed:${instance.id}`,
        metadata: { instanceId: instance.id, backupId: backup.id },
      },
    });
  }
}
