import { Engine } from './types';

/**
 * How a candidate relates to the running version. A change of engine (redis
 * to valkey) counts as major.
 * @public
 */
export type UpgradeKind = 'patch' | 'minor' | 'major' | 'downgrade';

/**
 * restart: persist, stop, start the new binary on the same data and port.
 * rolling: replicas one at a time, fail over, then the old primary.
 * snapshot-restore: the target cannot read the data; the pre-upgrade snapshot
 * is loaded instead and later writes are lost.
 * @public
 */
export type UpgradeStrategy = 'restart' | 'rolling' | 'snapshot-restore';

/** @public */
export interface UpgradeCandidate {
  engine: Engine;
  version: string;
  kind: UpgradeKind;
  /** Ids of advisories affecting the current version that the target fixes. */
  fixes: string[];
  /** Ids of advisories that still affect the target. */
  openAdvisories: string[];
  breakingChanges: string[];
  releaseNotesUrl?: string;
  /** Whether the instance's platform can run this version. */
  available: boolean;
  /** Whether the target can load the data the instance holds now. */
  rdbCompatible: boolean;
  strategy: UpgradeStrategy;
  expectedDowntimeSeconds: number;
  /** Why the candidate cannot be chosen as is; absent when it can. */
  blockedReason?: string;
}

/** The response of GET /instances/{id}/upgrade-plan. @public */
export interface UpgradePlan {
  instanceId: string;
  current: { engine: Engine; version: string; rdbVersion?: number };
  candidates: UpgradeCandidate[];
}

/** The body of POST /instances/{id}/upgrade. @public */
export interface UpgradeRequest {
  engine: Engine;
  version: string;
  /** Return the steps that would run, change nothing. */
  dryRun?: boolean;
  /**
   * For a downgrade the target cannot load: restore the pre-upgrade snapshot
   * on the older version. Needs `confirm` equal to the instance name.
   */
  restoreSnapshot?: boolean;
  confirm?: string;
}

/** The response of a dry run. @public */
export interface UpgradePreview {
  candidate: UpgradeCandidate;
  steps: Array<{ name: string; description: string }>;
  /** Said plainly when writes will be lost (snapshot restore). */
  dataLossWarning?: string;
}
