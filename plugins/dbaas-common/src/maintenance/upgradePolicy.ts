/**
 * manual: upgrades happen only when someone asks. auto-patch: the
 * maintenance job applies patch upgrades inside the windows; minor and major
 * upgrades are never automatic.
 * @public
 */
export type UpgradePolicyMode = 'manual' | 'auto-patch';

/** Why an opening will not be used. @public */
export type OpeningSkip = 'snoozed' | 'blackout';

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
