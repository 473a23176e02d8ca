import { ConflictError } from '@backstage/errors';
import {
  Instance,
  MaintenanceDecision,
  UpgradePolicy,
  planOpenings,
  snoozeEnd,
} from '@justmanage/plugin-dbaas-common';
import { OperationWithOwner } from '../database/OperationStore';
import { MaintenanceJobDeps } from './MaintenanceJob';
import { MaintenanceLog } from './MaintenanceLog';
import { patchTarget, targetLabel } from './patchTarget';
import { policyChangeOf } from './policyChange';
import { StoredPolicy, UpgradePolicyStore } from './UpgradePolicyStore';

export interface UpgradePolicyServiceDeps {
  policies: UpgradePolicyStore;
  log: MaintenanceLog;
  planUpgrades: MaintenanceJobDeps['planUpgrades'];
  upgrades: MaintenanceJobDeps['upgrades'];
  clock: () => Date;
}

function manual(instanceId: string): StoredPolicy {
  return {
    instanceId,
    mode: 'manual',
    securityOnly: false,
    windows: [],
    blackoutDates: [],
    updatedBy: '',
    updatedAt: '',
  };
}

/** What the policy routes do: read, replace, snooze, apply now, the log. */
export class UpgradePolicyService {
  readonly #deps: UpgradePolicyServiceDeps;

  constructor(deps: UpgradePolicyServiceDeps) {
    this.#deps = deps;
  }

  async get(instance: Instance): Promise<UpgradePolicy> {
    const stored =
      (await this.#deps.policies.get(instance.id)) ?? manual(instance.id);
    const windows = stored.windows.map(w => w.window);
    const nextOpenings = planOpenings(windows, stored, this.#deps.clock()).map(
      o => ({
        windowIndex: o.windowIndex,
        phrase: stored.windows[o.windowIndex].phrase,
        start: o.start.toISOString(),
        end: o.end.toISOString(),
        ...(o.skipped ? { skipped: o.skipped } : {}),
      }),
    );
    return {
      instanceId: instance.id,
      mode: stored.mode,
      securityOnly: stored.securityOnly,
      windows: stored.windows,
      blackoutDates: stored.blackoutDates,
      ...(stored.snoozedUntil ? { snoozedUntil: stored.snoozedUntil } : {}),
      nextOpenings,
      ...(stored.updatedAt
        ? { updatedAt: stored.updatedAt, updatedBy: stored.updatedBy }
        : {}),
    };
  }

  async put(
    instance: Instance,
    body: unknown,
    actor: string,
  ): Promise<UpgradePolicy> {
    await this.#deps.policies.put(instance.id, policyChangeOf(body), actor);
    return this.get(instance);
  }

  /** Skips the next opening (the one open now, if any), or ends a snooze. */
  async snooze(
    instance: Instance,
    body: { cancel?: boolean } | undefined,
    actor: string,
  ): Promise<UpgradePolicy> {
    const stored = await this.#deps.policies.get(instance.id);
    if (body?.cancel) {
      if (stored)
        await this.#deps.policies.setSnooze(instance.id, undefined, actor);
      return this.get(instance);
    }
    const until = stored
      ? snoozeEnd(
          stored.windows.map(w => w.window),
          // A second snooze skips the opening after the snoozed one.
          Math.max(
            this.#deps.clock().getTime(),
            stored.snoozedUntil ? Date.parse(stored.snoozedUntil) : 0,
          ),
        )
      : undefined;
    if (!stored || !until) {
      throw new ConflictError(
        `${instance.name} has no maintenance windows to snooze`,
      );
    }
    await this.#deps.policies.setSnooze(
      instance.id,
      until.toISOString(),
      actor,
    );
    return this.get(instance);
  }

  /**
   * Starts the pending patch upgrade now, whatever the windows say; it counts
   * as the target's attempt, so the job will not start it again.
   */
  async applyNow(
    instance: Instance,
    actor: string,
  ): Promise<{ instance: Instance; operation: OperationWithOwner }> {
    const { log, clock } = this.#deps;
    const stored = await this.#deps.policies.get(instance.id);
    const securityOnly =
      stored?.mode === 'auto-patch' ? stored.securityOnly : false;
    const target = patchTarget(
      await this.#deps.planUpgrades(instance),
      securityOnly,
    );
    if (!target) {
      throw new ConflictError(
        `No patch upgrade of ${instance.engine} ${instance.version} is pending for ${instance.name}`,
      );
    }
    const label = targetLabel(target);
    const reason = `patch upgrade applied now by ${actor}`;
    const now = clock();
    const claim = await log.reclaimAttempt(
      {
        instanceId: instance.id,
        engine: target.engine,
        version: target.version,
        reason,
      },
      now,
    );
    if (!claim) {
      throw new ConflictError(
        `The upgrade of ${instance.name} to ${label} is already running`,
      );
    }
    let outcome;
    try {
      outcome = await this.#deps.upgrades.request(
        instance,
        { engine: target.engine, version: target.version },
        actor,
        reason,
      );
    } catch (error) {
      await claim.undo();
      throw error;
    }
    if (outcome.dryRun)
      throw new Error('An upgrade request came back as a dry run');
    await log.setOperation(claim.id, outcome.operation.id);
    await log.decide(
      {
        instanceId: instance.id,
        outcome: 'started',
        reason: 'apply-now',
        target: label,
        operationId: outcome.operation.id,
        message: `${actor} started the patch upgrade from ${instance.engine} ${instance.version} to ${label} now`,
      },
      now,
    );
    return { instance: outcome.instance, operation: outcome.operation };
  }

  async decisions(instance: Instance): Promise<MaintenanceDecision[]> {
    return this.#deps.log.decisions(instance.id);
  }
}
