import type { NotificationService } from '@backstage/plugin-notifications-node';
import {
  Instance,
  UpgradeCandidate,
  WindowOpening,
  describeOpening,
  PolicyWindow,
} from '@justmanage/plugin-dbaas-common';
import { targetLabel } from './patchTarget';

const linkOf = (instance: Pick<Instance, 'name'>) =>
  `/catalog/default/resource/${instance.name}/redis`;

/**
 * Tells an instance's owner about automatic patch upgrades through Backstage
 * notifications: the day before a window that will apply one, and the result
 * after. The scope names the instance, target and opening, so a repeated send
 * updates the same notification.
 */
export class MaintenanceNotifier {
  readonly #notifications: NotificationService;

  constructor(notifications: NotificationService) {
    this.#notifications = notifications;
  }

  async before(
    instance: Instance,
    target: UpgradeCandidate,
    opening: WindowOpening,
    window: PolicyWindow,
  ): Promise<void> {
    const when = describeOpening(opening, window.window, 'UTC');
    const fixes = target.fixes.length
      ? ` It fixes ${target.fixes.join(', ')}.`
      : '';
    await this.#notifications.send({
      recipients: { type: 'entity', entityRef: instance.owner },
      payload: {
        title: `Redis ${instance.name}: patch upgrade to ${targetLabel(
          target,
        )} planned ${when.inWindowZone}`,
        description: `The maintenance window "${window.phrase}" opens ${
          when.inWindowZone
        } (${when.inViewerZone}); ${instance.name} will be upgraded from ${
          instance.engine
        } ${instance.version} to ${targetLabel(target)} then, with about ${
          target.expectedDowntimeSeconds
        } s of downtime.${fixes} Snooze the window on the Redis tab to skip it.`,
        link: linkOf(instance),
        severity: 'normal',
        topic: `Redis ${instance.name}`,
        scope: `dbaas-maintenance:${instance.id}:${
          target.version
        }:${opening.start.toISOString()}`,
        metadata: { instanceId: instance.id, target: target.version },
      },
    });
  }

  async after(
    instance: Pick<Instance, 'id' | 'name' | 'owner'>,
    target: { engine: string; version: string },
    succeeded: boolean,
    detail: string,
  ): Promise<void> {
    await this.#notifications.send({
      recipients: { type: 'entity', entityRef: instance.owner },
      payload: {
        title: succeeded
          ? `Redis ${instance.name}: upgraded to ${targetLabel(target)}`
          : `Redis ${instance.name}: automatic upgrade to ${targetLabel(
              target,
            )} failed`,
        description: detail,
        link: linkOf(instance),
        severity: succeeded ? 'low' : 'high',
        topic: `Redis ${instance.name}`,
        scope: `dbaas-maintenance:${instance.id}:${target.version}:result`,
        metadata: { instanceId: instance.id, target: target.version },
      },
    });
  }
}
