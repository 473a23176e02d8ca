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

