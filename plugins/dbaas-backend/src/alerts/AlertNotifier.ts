import type { NotificationService } from '@backstage/plugin-notifications-node';
import type { NotificationSeverity } from '@backstage/plugin-notifications-common';
import type { Alert, AlertRuleName } from '@justmanage/plugin-dbaas-common';
import { NotificationKind } from './AlertStore';

const RULE_TITLES: Record<AlertRuleName, string> = {
  memory: 'memory',
  cpu: 'CPU',
  evictions: 'evictions',
  down: 'availability',
  replication: 'replication',
};

const SEVERITY: Record<AlertRuleName, NotificationSeverity> = {
  down: 'critical',
  replication: 'high',
  memory: 'high',
  cpu: 'normal',
  evictions: 'normal',
};

/**
 * Tells an instance's owner (a group's members, or a user) through
 * Backstage notifications. The scope names the alert and the kind, so a
 * repeated send after a crash updates the same notification rather than
 * adding a second one.
 */
export class AlertNotifier {
  readonly #notifications: NotificationService;

  constructor(notifications: NotificationService) {
    this.#notifications = notifications;
  }

  async send(alert: Alert, kind: NotificationKind): Promise<void> {
    const firing = kind === 'firing';
    await this.#notifications.send({
      recipients: { type: 'entity', entityRef: alert.owner },
      payload: {
        title: firing
          ? `Redis ${alert.instanceName}: ${alert.message}`
          : `Redis ${alert.instanceName}: ${
              RULE_TITLES[alert.rule]
            } back to normal`,
        description: firing
          ? `The ${alert.rule} alert of ${alert.instanceName} fires since ${alert.startedAt}.`
          : `The ${alert.rule} alert of ${alert.instanceName} fired from ${alert.startedAt} to ${alert.resolvedAt}: ${alert.message}.`,
        link: `/catalog/default/resource/${alert.instanceName}/redis`,
        severity: firing ? SEVERITY[alert.rule] : 'low',
        topic: `Redis ${alert.instanceName}`,
        scope: `dbaas-alert:${alert.id}:${kind}`,
        metadata: {
          instanceId: alert.instanceId,
          alertId: alert.id,
          rule: alert.rule,
        },
      },
    });
  }
}
