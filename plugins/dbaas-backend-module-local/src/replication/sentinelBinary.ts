import { InputError } from '@backstage/errors';
import { splitEngineVersion } from '@justmanage/plugin-dbaas-common';
import { compareVersions, EngineBinary } from '../binaries';

/**
 * Sentinel authenticates as a named user (`sentinel auth-user`) from Redis
 * 6.2 on; every Valkey can. An older Sentinel could only log in as the
 * default user, which the driver switches off.
 */
export function canAuthenticateAsUser(binary: EngineBinary): boolean {
  if (binary.engine !== 'redis') return true;
  const [major, minor] = splitEngineVersion(binary.version)
    .upstream.split('.')
    .map(Number);
  return major > 6 || (major === 6 && minor >= 2);
}

/**
 * The binary the Sentinels of an instance run: the instance's own when it
 * can, else the newest one of the same engine that can, else of any.
 * Sentinels speak the same protocol across versions, so an instance on
 * Redis 6.0 is watched by a Redis 7 Sentinel.
 */
export function sentinelBinaryFor(
  binaries: EngineBinary[],
  dataBinary: EngineBinary,
): EngineBinary {
  if (canAuthenticateAsUser(dataBinary)) return dataBinary;
  const able = binaries
    .filter(canAuthenticateAsUser)
    .sort(
      (a, b) =>
        Number(b.engine === dataBinary.engine) -
          Number(a.engine === dataBinary.engine) ||
        compareVersions(b.version, a.version),
    );
  if (!able.length) {
    throw new InputError(
      `Replicas of ${dataBinary.engine} ${dataBinary.version} need a Sentinel of Redis 6.2 or later or of Valkey, and the local driver has none`,
    );
  }
  return able[0];
}
