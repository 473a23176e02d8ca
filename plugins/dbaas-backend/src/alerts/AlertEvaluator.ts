import { LoggerService } from '@backstage/backend-plugin-api';
import type {
  AlertRuleName,
  Instance,
  MetricSnapshot,
} from '@justmanage/plugin-dbaas-common';
import { AlertRuleStore } from './AlertRuleStore';
import { AlertStore } from './AlertStore';
import { AlertNotifier } from './AlertNotifier';
import { AlertInputs, evaluateRules, RuleOutcome } from './evaluateRules';

/** The collector's newest values of an instance (the metrics store). */
export interface LatestMetrics {
  latest(instanceId: string): Promise<MetricSnapshot | undefined>;
}

/** What a health check just found, as the availability record has it. */
export interface CheckedHealth {
  up: boolean;
  consecutiveFailures: number;
  error?: string;
  usedMemoryBytes?: number;
}

export interface AlertEvaluatorOptions {
  rules: AlertRuleStore;
  alerts: AlertStore;
  notifier: AlertNotifier;
  logger: LoggerService;
  /** Absent until a metrics collector runs; CPU and eviction rules wait. */
  metrics?: LatestMetrics;
  readReplicaLinks: (
    instance: Instance,
  ) => Promise<{ expected: number; online: number } | undefined>;
  /** Older snapshots are not judged by: the instance may have moved on. */
  metricMaxAgeMs: number;
  /** How long a replica may take to send one notification. */
  notifyLeaseMs: number;
  now?: () => number;
}

/**
 * Evaluates an instance's rules on fresh data (after each of its health
 * checks), records each rule's transitions, and notifies the owner once
 * when an alert starts firing and once when it resolves.
 */
export class AlertEvaluator {
  readonly #o: AlertEvaluatorOptions;
  readonly #now: () => number;

  constructor(options: AlertEvaluatorOptions) {
    this.#o = options;
    this.#now = options.now ?? Date.now;
  }

  async evaluate(instance: Instance, health: CheckedHealth): Promise<void> {
    const { rules } = await this.#o.rules.get(instance.id);
    const inputs: AlertInputs = {
      instance,
      ...health,
      metrics: health.up ? await this.#freshMetrics(instance.id) : undefined,
      replication:
        health.up && instance.replicas > 0 && rules.replication.enabled
          ? await this.#o.readReplicaLinks(instance)
          : undefined,
    };
    const verdicts = evaluateRules(rules, inputs);
    const { firing, owesNotification } = await this.#o.alerts.active(
      instance.id,
    );
    const now = new Date(this.#now()).toISOString();
    let changed = false;
    for (const [rule, outcome] of Object.entries(verdicts) as Array<
      [AlertRuleName, RuleOutcome]
    >) {
      changed =
        (await this.#apply(
          instance.id,
          rule,
          outcome,
          firing.get(rule),
          now,
        )) || changed;
    }
    // Most checks change nothing and owe nothing: no further query then.
    if (changed || owesNotification) {
      await this.#deliverPending(instance.id);
    }
  }

  async #freshMetrics(instanceId: string) {
    const snapshot = await this.#o.metrics?.latest(instanceId);
    if (!snapshot) return undefined;
    const age = this.#now() - Date.parse(snapshot.collectedAt);
    return age <= this.#o.metricMaxAgeMs ? snapshot : undefined;
  }

  /** Records the rule's transition, if any; true when this writer made one. */
  async #apply(
    instanceId: string,
    rule: AlertRuleName,
    outcome: RuleOutcome,
    open: { id: string; message: string; value?: number } | undefined,
    now: string,
  ): Promise<boolean> {
    const { alerts, logger } = this.#o;
    if (outcome.firing && open) {
      if (open.message !== outcome.message || open.value !== outcome.value) {
        await alerts.refresh(open.id, outcome, now);
      }
      return false;
    }
    if (outcome.firing) {
      const opened = await alerts.open(instanceId, rule, outcome, now);
      if (opened) {
        logger.info(
          `Alert ${rule} of instance ${instanceId}: ${outcome.message}`,
        );
      }
      return Boolean(opened);
    }
    if (open && (await alerts.resolve(open.id, outcome.message, now))) {
      logger.info(`Alert ${rule} of instance ${instanceId} resolved`);
      return true;
    }
    return false;
  }

  /**
   * Sends what the instance's alerts still owe. Every notification goes
   * through here, the first attempt as well as retries after the
   * notifications backend failed.
   */
  async #deliverPending(instanceId: string): Promise<void> {
    const { alerts, notifier, logger, notifyLeaseMs } = this.#o;
    for (const { alert, kind } of await alerts.pending(instanceId)) {
      const now = this.#now();
      const claimed = await alerts.claim(
        alert.id,
        kind,
        new Date(now).toISOString(),
        new Date(now + notifyLeaseMs).toISOString(),
      );
      if (!claimed) continue;
      try {
        await notifier.send(alert, kind);
        await alerts.markNotified(
          alert.id,
          kind,
          new Date(this.#now()).toISOString(),
        );
      } catch (error) {
        // The lease stays: the next evaluation after it ends tries again.
        logger.warn(
          `Could not notify ${alert.owner} of the ${alert.rule} alert of ${
            alert.instanceName
          }: ${(error as Error).message}`,
        );
      }
    }
  }
}
