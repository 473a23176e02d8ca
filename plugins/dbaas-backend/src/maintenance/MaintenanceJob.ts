import { LoggerService } from '@backstage/backend-plugin-api';
import {
  Instance,
  MaintenanceDecision,
  UpgradeCandidate,
  UpgradePlan,
  WindowOpening,
  describeOpening,
  openingAt,
  planOpenings,
  remainingOpenTime,
  skipOf,
} from '@justmanage/plugin-dbaas-common';
import { OperationWithOwner } from '../database/OperationStore';
import { UpgradeOutcome } from '../upgrades/UpgradeService';
import { MaintenanceLog } from './MaintenanceLog';
import { MaintenanceNotifier } from './MaintenanceNotifier';
import { patchTarget, targetLabel } from './patchTarget';
import { StoredPolicy, UpgradePolicyStore } from './UpgradePolicyStore';

/** Who the automatic upgrades are recorded as. */
export const MAINTENANCE_ACTOR = 'service:dbaas-maintenance';

const MINUTE = 60_000;

export interface MaintenanceJobDeps {
  policies: UpgradePolicyStore;
  log: MaintenanceLog;
  instances: {
    get(id: string): Promise<Instance | undefined>;
    list(): Promise<Instance[]>;
  };
  operations: {
    get(id: string): Promise<OperationWithOwner | undefined>;
    hasActive(instanceId: string): Promise<boolean>;
  };
  planUpgrades: (instance: Instance) => Promise<UpgradePlan>;
  upgrades: {
    request(
      instance: Instance,
      body: unknown,
      actor: string,
      reason?: string,
    ): Promise<UpgradeOutcome>;
  };
  notifier: MaintenanceNotifier;
  logger: LoggerService;
  /** Injectable so tests can stand anywhere in a week. */
  clock: () => Date;
  /** An upgrade starts only with at least this much of the window left. */
  minimumMinutesLeft: number;
  /** How long before an opening the owners hear of the planned upgrade. */
  noticeHours: number;
}

type Decision = Omit<MaintenanceDecision, 'id' | 'at' | 'instanceId'>;

/**
 * The scheduled maintenance job: for every auto-patch policy, starts the
 * pending patch upgrade when a window is open with enough of it left, and
 * otherwise logs why not; tells owners the day before and the result after.
 * Safe with several replicas: attempts and notices are claimed through
 * unique rows, and a repeated skip is logged once.
 */
export class MaintenanceJob {
  readonly #deps: MaintenanceJobDeps;

  constructor(deps: MaintenanceJobDeps) {
    this.#deps = deps;
  }

  async run(): Promise<void> {
    const now = this.#deps.clock();
    await this.#reportFinished(now);
    for (const policy of await this.#deps.policies.listAutomatic()) {
      try {
        await this.#consider(policy, now);
      } catch (error) {
        this.#deps.logger.warn(
          `Maintenance of instance ${policy.instanceId} failed: ${error}`,
        );
      }
    }
    const live = (await this.#deps.instances.list()).map(i => i.id);
    const orphans = await this.#deps.policies.removeOrphans(live);
    await this.#deps.log.removeInstances(orphans);
  }

  async #consider(policy: StoredPolicy, now: Date): Promise<void> {
    const instance = await this.#deps.instances.get(policy.instanceId);
    if (!instance) return;
    const decide = (decision: Decision, key: string) =>
      this.#decide(instance.id, decision, key, now);
    const plan = await this.#deps.planUpgrades(instance);
    const target = patchTarget(plan, policy.securityOnly);
    const current = `${instance.engine} ${instance.version}`;
    if (!target) {
      await decide(
        {
          outcome: 'skipped',
          reason: 'no-patch-target',
          message: policy.securityOnly
            ? `No patch of ${current} that fixes an advisory is available (security fixes only)`
            : `No patch upgrade of ${current} is available; minor and major upgrades are never automatic`,
        },
        current,
      );
      return;
    }
    const label = targetLabel(target);
    const attempted = await this.#deps.log.attempted(
      instance.id,
      target.engine,
      target.version,
    );
    // Its "started" entry stays the latest until the result is in.
    if (attempted === 'running') return;
    if (attempted === 'finished') {
      await decide(
        {
          outcome: 'skipped',
          reason: 'already-attempted',
          target: label,
          message: `${label} was attempted automatically before and is not tried again; use "apply now" to retry`,
        },
        label,
      );
      return;
    }

    const windows = policy.windows.map(w => w.window);
    const opening = openingAt(windows, now);
    if (!opening) {
      const next = planOpenings(windows, policy, now, 20).find(o => !o.skipped);
      if (next) await this.#noticeBefore(instance, target, next, policy, now);
      await decide(
        {
          outcome: 'skipped',
          reason: 'outside-window',
          target: label,
          message: `Outside the maintenance windows; ${label} is pending${
            next ? ` for ${this.#describe(next, policy)}` : ''
          }`,
        },
        `${label}:${next?.start.toISOString()}`,
      );
      return;
    }
    const where = this.#describe(opening, policy);
    const openingKey = `${label}:${opening.start.toISOString()}`;
    const skipped = skipOf(opening, windows[opening.windowIndex], policy);
    if (skipped) {
      await decide(
        {
          outcome: 'skipped',
          reason: skipped,
          target: label,
          message:
            skipped === 'snoozed'
              ? `The opening ${where} is snoozed; ${label} waits for the next one`
              : `The opening ${where} falls on a blackout date; ${label} waits for the next one`,
        },
        openingKey,
      );
      return;
    }
    const left = remainingOpenTime(windows, now);
    const minimum = this.#deps.minimumMinutesLeft;
    if (left < minimum * MINUTE) {
      await decide(
        {
          outcome: 'skipped',
          reason: 'too-little-time',
          target: label,
          message: `Only ${Math.floor(
            left / MINUTE,
          )} min of the opening ${where} are left; an automatic upgrade needs at least ${minimum} min`,
        },
        openingKey,
      );
      return;
    }
    if (
      instance.status !== 'running' ||
      (await this.#deps.operations.hasActive(instance.id))
    ) {
      // Busy with the upgrade another replica just started: nothing to say.
      const startedMeanwhile = await this.#deps.log.attempted(
        instance.id,
        target.engine,
        target.version,
      );
      if (startedMeanwhile === 'running') return;
      await decide(
        {
          outcome: 'skipped',
          reason: 'instance-busy',
          target: label,
          message: `${instance.name} is ${instance.status}${
            instance.status === 'running'
              ? ' with an operation in progress'
              : ''
          }; ${label} waits until it is running and idle`,
        },
        `${openingKey}:${instance.status}`,
      );
      return;
    }
    await this.#start(instance, target, where, Math.floor(left / MINUTE), now);
  }

  async #start(
    instance: Instance,
    target: UpgradeCandidate,
    where: string,
    minutesLeft: number,
    now: Date,
  ): Promise<void> {
    const label = targetLabel(target);
    const reason = `automatic patch upgrade in the maintenance window ${where}`;
    const attemptId = await this.#deps.log.claimAttempt(
      {
        instanceId: instance.id,
        engine: target.engine,
        version: target.version,
        reason,
      },
      now,
    );
    // Another replica claimed it first.
    if (attemptId === undefined) return;
    let outcome: UpgradeOutcome;
    try {
      outcome = await this.#deps.upgrades.request(
        instance,
        { engine: target.engine, version: target.version },
        MAINTENANCE_ACTOR,
        reason,
      );
    } catch (error) {
      await this.#deps.log.finishAttempt(attemptId, 'not-started', now);
      const message = `Could not start the patch upgrade to ${label}: ${
        (error as Error).message
      }`;
      await this.#decide(
        instance.id,
        { outcome: 'failed', reason: 'in-window', target: label, message },
        `${label}:not-started`,
        now,
      );
      await this.#deps.notifier.after(instance, target, false, message);
      return;
    }
    if (outcome.dryRun) return;
    await this.#deps.log.setOperation(attemptId, outcome.operation.id);
    await this.#decide(
      instance.id,
      {
        outcome: 'started',
        reason: 'in-window',
        target: label,
        operationId: outcome.operation.id,
        message: `Started the patch upgrade from ${instance.engine} ${instance.version} to ${label} in the window ${where}, ${minutesLeft} min before it closes`,
      },
      `${label}:started`,
      now,
    );
  }

  async #noticeBefore(
    instance: Instance,
    target: UpgradeCandidate,
    next: WindowOpening,
    policy: StoredPolicy,
    now: Date,
  ): Promise<void> {
    const ahead = next.start.getTime() - now.getTime();
    if (ahead > this.#deps.noticeHours * 3600_000) return;
    const claimed = await this.#deps.log.claimNotice(
      {
        instanceId: instance.id,
        openingStart: next.start.toISOString(),
        engine: target.engine,
        version: target.version,
      },
      now,
    );
    if (!claimed) return;
    await this.#deps.notifier.before(
      instance,
      target,
      next,
      policy.windows[next.windowIndex],
    );
    await this.#deps.log.decide(
      {
        instanceId: instance.id,
        outcome: 'notified',
        reason: 'window-ahead',
        target: targetLabel(target),
        message: `Told the owners that ${targetLabel(
          target,
        )} will be applied ${this.#describe(next, policy)}`,
      },
      now,
    );
  }

  /** The result of every upgrade the job started that has finished since. */
  async #reportFinished(now: Date): Promise<void> {
    for (const attempt of await this.#deps.log.running()) {
      const operation = await this.#deps.operations.get(attempt.operationId!);
      const status = operation?.status;
      if (status !== 'succeeded' && status !== 'failed') continue;
      if (!(await this.#deps.log.finishAttempt(attempt.id, status, now))) {
        continue;
      }
      const label = targetLabel(attempt);
      const succeeded = status === 'succeeded';
      const message = succeeded
        ? `${operation!.instanceName} was upgraded to ${label} (${
            attempt.reason
          })`
        : `The upgrade of ${operation!.instanceName} to ${label} failed: ${
            operation!.error ?? 'see the operation log'
          }. It is not retried automatically.`;
      await this.#deps.log.decide(
        {
          instanceId: attempt.instanceId,
          outcome: succeeded ? 'succeeded' : 'failed',
          reason: 'upgrade-finished',
          target: label,
          operationId: operation!.id,
          message,
        },
        now,
      );
      await this.#deps.notifier.after(
        {
          id: attempt.instanceId,
          name: operation!.instanceName,
          owner: operation!.owner,
        },
        attempt,
        succeeded,
        message,
      );
    }
  }

  /** Logs a decision unless it repeats the instance's last one. */
  async #decide(
    instanceId: string,
    decision: Decision,
    key: string,
    now: Date,
  ): Promise<void> {
    const claimed = await this.#deps.policies.claimDecision(
      instanceId,
      `${decision.outcome}:${decision.reason}:${key}`,
    );
    if (claimed) await this.#deps.log.decide({ instanceId, ...decision }, now);
  }

  #describe(opening: WindowOpening, policy: StoredPolicy): string {
    const window = policy.windows[opening.windowIndex];
    return `${describeOpening(opening, window.window, 'UTC').inWindowZone}`;
  }
}
