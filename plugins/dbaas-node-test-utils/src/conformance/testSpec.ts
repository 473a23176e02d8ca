import { randomBytes } from 'node:crypto';
import {
  aclPasswordHash,
  DriverInstanceSpec,
} from '@justmanage/plugin-dbaas-node';
import { InstanceResources } from '@justmanage/plugin-dbaas-common';

/** A user as the suite logs in with it. */
export interface SuiteLogin {
  username: string;
  password: string;
}

/** What the platform under test is asked to run. */
export interface SuitePlatform {
  region: string;
  engine: DriverInstanceSpec['engine'];
  version: string;
  resources?: InstanceResources;
}

/** The users of every instance the suite makes: the control plane's and an application's. */
export interface SuiteLogins {
  admin: SuiteLogin;
  app: SuiteLogin;
}

export function newLogins(): SuiteLogins {
  const password = () => randomBytes(18).toString('base64url');
  return {
    admin: { username: 'jm-admin', password: password() },
    app: { username: 'app', password: password() },
  };
}

/**
 * A spec as the control plane builds it: hashes for every user, the
 * admin's plain password only behind a reveal.
 */
export function suiteSpec(
  instanceId: string,
  platform: SuitePlatform,
  logins: SuiteLogins,
  overrides: Partial<DriverInstanceSpec> = {},
): DriverInstanceSpec {
  return {
    instanceId,
    name: instanceId,
    engine: platform.engine,
    version: platform.version,
    region: platform.region,
    resources: platform.resources ?? { memoryMb: 32, cpu: 0.5, diskGb: 1 },
    persistence: 'none',
    maxmemoryPolicy: 'noeviction',
    config: {},
    replicas: 0,
    users: [
      {
        username: logins.admin.username,
        passwordHashes: [aclPasswordHash(logins.admin.password)],
        rules: '~* &* +@all',
      },
      {
        username: logins.app.username,
        passwordHashes: [aclPasswordHash(logins.app.password)],
        rules: '~* &* +@all -@admin',
      },
    ],
    admin: {
      username: logins.admin.username,
      password: {
        ref: logins.admin.username,
        reveal: async () => logins.admin.password,
      },
    },
    ...overrides,
  };
}
