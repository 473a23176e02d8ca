import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import {
  aclPasswordHash,
  DriverAclUser,
  DriverContext,
  DriverInstanceSpec,
} from '@justmanage/plugin-dbaas-node';
import Redis from 'ioredis';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalDriver } from '../LocalDriver';

export const ADMIN = { username: 'jm-admin', rules: '~* &* +@all' };
export const APP = { username: 'app', rules: '~* &* +@all -@admin' };

/** A user as a test logs in with it. */
export interface TestLogin {
  username: string;
  password: string;
}

/** The logins of a spec made by makeSpec, unless a test gave others. */
export function loginsOf(instanceId: string): {
  admin: TestLogin;
  app: TestLogin;
} {
  return {
    admin: {
      username: ADMIN.username,
      password: `admin-secret-${instanceId}-Xq7`,
    },
    app: { username: APP.username, password: `app-secret-${instanceId}-Zr9` },
  };
}

/** The ACL user of a login, as the control plane hands it to drivers. */
export function aclUser(
  login: TestLogin,
  rules: string = login.username === ADMIN.username ? ADMIN.rules : APP.rules,
): DriverAclUser {
  return {
    username: login.username,
    passwordHashes: [aclPasswordHash(login.password)],
    rules,
  };
}

/** The spec's users and admin secret for these logins. */
export function specUsers(logins: {
  admin: TestLogin;
  app: TestLogin;
}): Pick<DriverInstanceSpec, 'users' | 'admin'> {
  return {
    users: [aclUser(logins.admin), aclUser(logins.app)],
    admin: {
      username: logins.admin.username,
      password: {
        ref: logins.admin.username,
        reveal: async () => logins.admin.password,
      },
    },
  };
}

/** A fresh data dir per test file, so files never see each other's state. */
export function makeDataDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'jm-local-driver-'));
}

/** `extra` holds further `dbaas.drivers.local` keys, e.g. `supervisor`. */
export function makeDriver(
  dataDir: string,
  portRange: { start: number; end: number },
  extra: Record<string, unknown> = {},
): LocalDriver {
  return LocalDriver.fromConfig(
    new ConfigReader({
      dbaas: { drivers: { local: { dataDir, portRange, ...extra } } },
    }),
    { logger: mockServices.logger.mock() },
  );
}

export function makeContext(): DriverContext {
  return {
    logger: mockServices.logger.mock(),
    signal: new AbortController().signal,
  };
}

/** Passwords unique per instance, so a leak test can search for each. */
export function makeSpec(
  instanceId: string,
  overrides: Partial<DriverInstanceSpec> = {},
): DriverInstanceSpec {
  return {
    instanceId,
    name: instanceId,
    engine: 'redis',
    version: '7.0.15',
    region: 'local',
    resources: { memoryMb: 32, cpu: 0.5, diskGb: 1 },
    persistence: 'none',
    maxmemoryPolicy: 'noeviction',
    config: {},
    replicas: 0,
    ...specUsers(loginsOf(instanceId)),
    ...overrides,
  };
}

/** A client that fails fast instead of retrying forever. */
export function connect(
  port: number,
  user?: { username: string; password: string },
  host = '127.0.0.1',
): Redis {
  const client = new Redis({
    host,
    port,
    username: user?.username,
    password: user?.password,
    lazyConnect: true,
    enableReadyCheck: false,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  client.on('error', () => undefined);
  return client;
}

export async function readPid(
  dataDir: string,
  instanceId: string,
): Promise<number> {
  return Number(
    (await readFile(join(dataDir, instanceId, 'redis.pid'), 'utf8')).trim(),
  );
}

/**
 * Whether a pid is a live process. An exited server may linger briefly as
 * a zombie until init reaps it; that one serves nothing.
 */
export async function isServing(pid: number): Promise<boolean> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    return !/^Z/.test(stat.slice(stat.lastIndexOf(')') + 2));
  } catch {
    return false;
  }
}

/** Every live server serving a port, by scanning /proc like `pgrep -f`. */
export async function serverPidsOnPort(port: number): Promise<number[]> {
  const pids: number[] = [];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmdline = (
        await readFile(`/proc/${entry}/cmdline`, 'utf8')
      ).replace(/\0/g, ' ');
      if (
        /(redis|valkey)-server/.test(cmdline) &&
        new RegExp(`:${port}(?![0-9])`).test(cmdline)
      ) {
        pids.push(Number(entry));
      }
    } catch {
      // exited meanwhile
    }
  }
  return pids;
}

export {
  assertNoServersUnder,
  serverPidsUnder,
  waitFor,
} from '@justmanage/plugin-dbaas-node-test-utils';
