import type { Engine } from '../generated';
import { UpgradeKind } from '../upgrades';
import { compareVersions } from './compareVersions';
import { parseEngineVersion } from './parseEngineVersion';

/**
 * Valkey forked from Redis 7.2.4 and still reports `redis_version:7.2.4`
 * in INFO: every Valkey release offers at least the commands of that Redis.
 */
export const VALKEY_FORKED_FROM_REDIS = '7.2.4';

/** @public */
export interface EngineVersionRef {
  engine: Engine;
  version: string;
}

/**
 * How moving from `current` to `target` is classified, or undefined when
 * they are the same version.
 *
 * Within an engine: a lower version is a downgrade; otherwise the first of
 * major, minor, patch that changes names the kind (a new build of the same
 * release, 7.0.15+deb12u7 to +deb12u10, is a patch).
 *
 * Across engines: Redis to Valkey is major, whatever the Redis version, as
 * the issue asks (whether the data can follow is RDB compatibility's
 * business, not the kind's). Valkey to Redis is a downgrade when the target
 * Redis is older than 7.2.4, the release Valkey forked from, since commands
 * Valkey offers would disappear; to Redis 7.2.4 or later it is major, the
 * same engine change in the other direction.
 * @public
 */
export function classifyChange(
  current: EngineVersionRef,
  target: EngineVersionRef,
): UpgradeKind | undefined {
  const from = parseEngineVersion(current.version);
  const to = parseEngineVersion(target.version);
  if (!from || !to) {
    throw new Error(
      `Cannot classify ${current.engine} ${current.version} -> ${target.engine} ${target.version}`,
    );
  }
  if (current.engine !== target.engine) {
    if (target.engine === 'valkey') return 'major';
    return compareVersions(target.version, VALKEY_FORKED_FROM_REDIS) < 0
      ? 'downgrade'
      : 'major';
  }
  const order = compareVersions(target.version, current.version);
  if (order === 0) return undefined;
  if (order < 0) return 'downgrade';
  if (to.major !== from.major) return 'major';
  if (to.minor !== from.minor) return 'minor';
  return 'patch';
}
