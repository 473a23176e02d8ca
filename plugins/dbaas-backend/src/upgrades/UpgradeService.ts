import { ConflictError, InputError } from '@backstage/errors';
import {
  Instance,
  UpgradeCandidate,
  UpgradePlan,
  UpgradePreview,
  UpgradeRequest,
  validate,
} from '@justmanage/plugin-dbaas-common';
import { describeSnapshots, SnapshotCopy } from './snapshotCopies';
import { OperationWithOwner } from '../database/OperationStore';
import { OperationQueue } from '../operations/OperationQueue';
import { DriverRegistry } from '../drivers/DriverRegistry';
import { RdbVersionLookup } from './rdbVersions';
import { upgradeRequestSchema } from './upgradeRequestSchema';
import { describeRollingSteps } from './rollingSteps';
import {
  dataLossWarning,
  describeSteps,
  label,
  RestoredSnapshot,
  UpgradeParams,
} from './upgradeParams';

/** The upgrade plan of an instance (versions/planUpgrades.ts, bound to its catalog). */
export type PlanUpgrades = (instance: Instance) => Promise<UpgradePlan>;

export interface UpgradeServiceDeps {
  queue: OperationQueue;
  drivers: DriverRegistry;
  planUpgrades: PlanUpgrades;
  rdbVersionOf: RdbVersionLookup;
}

/** What a request led to: a preview only (dry run) or a started operation. */
export type UpgradeOutcome =
  | { dryRun: true; preview: UpgradePreview }
  | {
      dryRun: false;
      preview: UpgradePreview;
      instance: Instance;
      operation: OperationWithOwner;
    };

/**
 * Turns an upgrade or downgrade request into an operation, after checking it
 * against the instance's upgrade plan. The API route and the maintenance
 * scheduler both come through here, so both get the same checks.
 */
export class UpgradeService {
  readonly #deps: UpgradeServiceDeps;

  constructor(deps: UpgradeServiceDeps) {
    this.#deps = deps;
  }

  /**
   * Previews (dryRun) or starts an upgrade of `instance`. `reason` is kept
   * on the operation and the event, e.g. "maintenance window sunday-night".
   */
  async request(
    instance: Instance,
    body: unknown,
    actor: string,
    reason?: string,
  ): Promise<UpgradeOutcome> {
    const parsed = validate(upgradeRequestSchema, body);
    if (!parsed.ok) throw new InputError(parsed.message);
    const request = parsed.value;
    const params = await this.#paramsFor(instance, request, reason);
    const preview: UpgradePreview = {
      candidate: params.candidate,
      steps:
        params.upgrade.strategy === 'rolling'
          ? describeRollingSteps(params.upgrade, instance.name)
          : describeSteps(params.upgrade, instance.name),
      ...(params.upgrade.restore
        ? {
            dataLossWarning: dataLossWarning(
              params.upgrade.restore,
              instance.name,
            ),
          }
        : {}),
    };
    if (request.dryRun) {
      return { dryRun: true, preview };
    }
    const started = await this.#start(instance, params.upgrade, actor);
    return { dryRun: false, preview, ...started };
  }

  async #paramsFor(
    instance: Instance,
    request: UpgradeRequest,
    reason?: string,
  ): Promise<{ candidate: UpgradeCandidate; upgrade: UpgradeParams }> {
    const plan = await this.#deps.planUpgrades(instance);
    const candidate = plan.candidates.find(
      c => c.engine === request.engine && c.version === request.version,
    );
    if (!candidate) {
      const offered = plan.candidates
        .map(c => `${c.engine} ${c.version}`)
        .join(', ');
      throw new InputError(
        `version: ${request.engine} ${request.version} is not a candidate for ${
          instance.name
        } (${label(instance)}); candidates: ${offered || 'none'}`,
      );
    }
    if (!candidate.available) {
      throw new InputError(
        `version: ${label(candidate)} cannot be chosen for ${instance.name}: ${
          candidate.blockedReason ?? 'its platform cannot run it'
        }`,
      );
    }
    if (instance.status !== 'running') {
      throw new ConflictError(
        `Instance ${instance.name} is ${instance.status}; it can be upgraded when it is running`,
      );
    }
    const targetRdbVersion = this.#deps.rdbVersionOf(
      candidate.engine,
      candidate.version,
    );
    const upgrade: UpgradeParams = {
      from: { engine: instance.engine, version: instance.version },
      to: { engine: candidate.engine, version: candidate.version },
      kind: candidate.kind,
      strategy: candidate.strategy,
      ...(targetRdbVersion !== undefined ? { targetRdbVersion } : {}),
      ...(reason ? { reason } : {}),
    };
    if (!candidate.rdbCompatible || request.restoreSnapshot) {
      const restore = await this.#snapshotToRestore(
        instance,
        plan,
        candidate,
        request,
        targetRdbVersion,
      );
      upgrade.restore = restore;
      upgrade.strategy = 'snapshot-restore';
    } else if (candidate.strategy === 'snapshot-restore') {
      upgrade.strategy = 'restart';
    }
    if (upgrade.strategy === 'restart' && instance.replicas > 0) {
      // Replicas let the instance serve while its nodes restart one by one.
      upgrade.strategy = 'rolling';
    }
    return { candidate, upgrade };
  }

  /**
   * A target that cannot read the data is only reached by restoring a
   * snapshot it can read, which loses later writes: refused unless asked
   * for with the instance's name typed as confirmation.
   */
  async #snapshotToRestore(
    instance: Instance,
    plan: UpgradePlan,
    candidate: UpgradeCandidate,
    request: UpgradeRequest,
    targetRdbVersion: number | undefined,
  ): Promise<RestoredSnapshot> {
    const kept = this.#deps.drivers.get(instance.platform).snapshots;
    const snapshots = kept ? await describeSnapshots(kept, instance.id) : [];
    const loadable = snapshots.find(s =>
      targetRdbVersion !== undefined
        ? s.rdbVersion <= targetRdbVersion
        : s.engine === candidate.engine && s.version === candidate.version,
    );
    const offer = loadable
      ? ` To go back, restore the snapshot taken at ${
          loadable.createdAt
        } on ${label(loadable)}: send restoreSnapshot: true and confirm: '${
          instance.name
        }'. Every write made after that snapshot would be lost.`
      : ` No snapshot of ${instance.name} that ${label(
          candidate,
        )} can load exists, so it cannot be downgraded.`;
    if (!request.restoreSnapshot) {
      const dataRdb = plan.current.rdbVersion;
      throw new ConflictError(
        `${label(candidate)} cannot load the data of ${
          instance.name
        }: the data is in RDB format version ${
          dataRdb ?? 'unknown'
        } (written by ${label(instance)}) and ${label(
          candidate,
        )} reads RDB files up to version ${
          targetRdbVersion ?? 'unknown'
        }.${offer}`,
      );
    }
    // A dry run shows the warning the confirmation is about.
    if (!request.dryRun && request.confirm !== instance.name) {
      throw new InputError(
        `confirm: must be the instance name '${instance.name}' to restore a snapshot, which loses the writes made after it`,
      );
    }
    if (!loadable) {
      throw new ConflictError(offer.trim());
    }
    return toRestored(loadable);
  }

  async #start(
    instance: Instance,
    upgrade: UpgradeParams,
    actor: string,
  ): Promise<{ instance: Instance; operation: OperationWithOwner }> {
    const operation = await this.#deps.queue.enqueue({
      instance,
      type: 'upgrade',
      params: upgrade as unknown as Record<string, unknown>,
      actor,
      status: 'updating',
      event: {
        type: 'upgrade-requested',
        message: `Requested ${
          upgrade.restore
            ? 'a downgrade through a snapshot'
            : `a ${upgrade.kind} upgrade`
        } from ${label(upgrade.from)} to ${label(upgrade.to)}${
          upgrade.reason ? ` (${upgrade.reason})` : ''
        }`,
      },
    });
    return { instance: { ...instance, status: 'updating' }, operation };
  }
}

function toRestored(snapshot: SnapshotCopy): RestoredSnapshot {
  return {
    id: snapshot.id,
    createdAt: snapshot.createdAt,
    engine: snapshot.engine,
    version: snapshot.version,
    rdbVersion: snapshot.rdbVersion,
  };
}
