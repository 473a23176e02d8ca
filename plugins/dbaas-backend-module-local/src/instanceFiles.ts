import { InputError } from '@backstage/errors';
import { join } from 'node:path';

/** Subfolder of the data dir holding port claims; never an instance id. */
export const PORTS_FOLDER = 'ports';
/** Subfolder of the data dir holding loopback address claims; never an instance id. */
export const ADDRESSES_FOLDER = 'addresses';

/** Instance ids become folder names, so they must be one safe path segment. */
const INSTANCE_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$/;

/** Where everything of one instance lives on disk. */
export interface InstanceFiles {
  instanceId: string;
  folder: string;
  /** The server's working directory: RDB and AOF files land here. */
  dataFolder: string;
  conf: string;
  acl: string;
  /** The desired state without passwords; its absence means "do not run". */
  spec: string;
  /** Port and binary chosen for the instance. */
  runtime: string;
  /** Digests of the conf and ACL the running process has applied. */
  applied: string;
  pidfile: string;
  logfile: string;
  startLock: string;
}

/** Checks that an id can be used as a folder name. */
export function isValidInstanceId(instanceId: string): boolean {
  return (
    INSTANCE_ID_PATTERN.test(instanceId) &&
    instanceId !== PORTS_FOLDER &&
    instanceId !== ADDRESSES_FOLDER &&
    !instanceId.includes('..')
  );
}

/** Paths of one instance; throws InputError for an id unfit for a path. */
export function instanceFiles(
  dataDir: string,
  instanceId: string,
): InstanceFiles {
  if (!isValidInstanceId(instanceId)) {
    throw new InputError(
      `Invalid instance id "${instanceId}" for the local driver`,
    );
  }
  const folder = join(dataDir, instanceId);
  return {
    instanceId,
    folder,
    dataFolder: join(folder, 'data'),
    conf: join(folder, 'redis.conf'),
    acl: join(folder, 'users.acl'),
    spec: join(folder, 'spec.json'),
    runtime: join(folder, 'runtime.json'),
    applied: join(folder, 'applied.json'),
    pidfile: join(folder, 'redis.pid'),
    logfile: join(folder, 'redis.log'),
    startLock: join(folder, 'start.lock'),
  };
}
