import { MaintenanceWindow } from './types';

/**
 * manual: upgrades happen only when someone asks. auto-patch: the
 * maintenance job applies patch upgrades inside the windows; minor and major
 * upgrades are never automatic.
 * @public
 */
export type UpgradePolicyMode = 'manual' | 'auto-patch';

/** A window of a policy as the phrase it was given in, normalized. @public */
export interface PolicyWindow {
  phrase: string;
  window: MaintenanceWindow;
  /** How ambiguous parts were read, e.g. which zone IST stands for. */
  notes: string[];
}

/** Why an opening will not be used. @public */
export type OpeningSkip = 'snoozed' | 'blackout';

/** One coming opening of a policy's windows. @public */
export interface PlannedOpening {
  windowIndex: number;
  /** The normalized phrase of the window it belongs to. */
  phrase: string;
  start: string;
  end: string;
  skipped?: OpeningSkip;
}

/** The response of GET /instances/{id}/upgrade-policy. @public */
export interface UpgradePolicy {
  instanceId: string;
  mode: UpgradePolicyMode;
  /** With auto-patch: only patches that fix an advisory affecting the instance. */
  securityOnly: boolean;
  windows: PolicyWindow[];
  /** Days (YYYY-MM-DD, in each window's zone) on which no window opens. */
  blackoutDates: string[];
  /** Openings that start before this instant are skipped (a snooze). */
  snoozedUntil?: string;
  /** The next three openings, marked when a snooze or blackout skips them. */
  nextOpenings: PlannedOpening[];
  updatedAt?: string;
  updatedBy?: string;
}

/** What the maintenance job did, or decided not to do. @public */
export type MaintenanceOutcome =
  | 'started'
  | 'skipped'
  | 'notified'
  | 'succeeded'
  | 'failed';

/** @public */
export type MaintenanceReason =
  | 'in-window'
  | 'apply-now'
  | 'outside-window'
  | 'too-little-time'
  | 'snoozed'
  | 'blackout'
  | 'no-patch-target'
  | 'already-attempted'
  | 'instance-busy'
  | 'window-ahead'
  | 'upgrade-finished';

/** One entry of the decision log. @public */
export interface MaintenanceDecision {
  id: number;
  instanceId: string;
  at: string;
  outcome: MaintenanceOutcome;
  reason: MaintenanceReason;
  message: string;
  /** "redis 7.0.15+deb12u10" when a patch target was concerned. */
  target?: string;
  operationId?: string;
}
