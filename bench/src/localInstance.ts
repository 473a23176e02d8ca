import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { ConfigReader } from '@backstage/config';
import { LoggerService } from '@backstage/backend-plugin-api';
import { InstanceEndpoint } from '@justmanage/plugin-dbaas-common';
import { aclPasswordHash } from '@justmanage/plugin-dbaas-node';
import { LocalDriver } from '@justmanage/plugin-dbaas-backend-module-local';
import { authPing } from '../../plugins/dbaas-backend/src/redis/authPing';

const silent: LoggerService = {
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
  debug: () => undefined,
  child: () => silent,
};

export interface LocalInstance {
  endpoint: InstanceEndpoint;
  admin: { username: string; password: string };
  app: { username: string; password: string };
  version: string;
  /** CPU seconds the server has used so far, from /proc. */
  cpuSeconds(): Promise<number>;
  /**
   * The driver's copy of what the server saved last, as a backup takes it
   * (the caller runs the save first), read back as a stream.
   */
  snapshot(id: string): Promise<Readable>;
  remove(): Promise<void>;
}

/**
 * A managed instance as the backend would run it: the local driver's own
 * code, its redis.conf and ACL users, on the given ports.
 */
export async function startLocalInstance(options: {
  portRange: { start: number; end: number };
  memoryMb: number;
}): Promise<LocalInstance> {
  const dataDir = await mkdtemp(join(tmpdir(), 'jm-bench-bigkeys-'));
  const driver = LocalDriver.fromConfig(
    new ConfigReader({
      dbaas: { drivers: { local: { dataDir, portRange: options.portRange } } },
    }),
    { logger: silent },
  );
  await driver.start();
  const ctx = { logger: silent, signal: new AbortController().signal };
  const { engines } = await driver.capabilities();
  const version = engines.find(e => e.engine === 'redis')!.versions.at(-1)!;
  const admin = {
    username: 'jm-admin',
    password: randomBytes(24).toString('hex'),
  };
  const app = { username: 'app', password: randomBytes(24).toString('hex') };
  const instanceId = `bench-bigkeys-${process.pid}`;
  const remove = async () => {
    await driver.deprovision(instanceId, ctx).catch(() => undefined);
    await driver.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    await driver.provision(
      {
        instanceId,
        name: 'bench-bigkeys',
        engine: 'redis',
        version,
        region: 'local',
        resources: { memoryMb: options.memoryMb, cpu: 1, diskGb: 1 },
        persistence: 'none',
        maxmemoryPolicy: 'noeviction',
        config: {},
        replicas: 0,
        users: [
          {
            username: admin.username,
            passwordHashes: [aclPasswordHash(admin.password)],
            rules: '~* &* +@all',
          },
          {
            username: app.username,
            passwordHashes: [aclPasswordHash(app.password)],
            rules: '~* &* +@all -@admin',
          },
        ],
        admin: {
          username: admin.username,
          password: { ref: admin.username, reveal: async () => admin.password },
        },
      },
      ctx,
    );
    for (let tries = 0; ; tries++) {
      const observed = await driver.observe(instanceId);
      const node = observed.nodes.find(n => n.role === 'primary');
      const endpoint: InstanceEndpoint | undefined = node?.endpoint && {
        role: 'primary',
        ...node.endpoint,
        nodeId: node.id,
      };
      if (endpoint) {
        try {
          await authPing(endpoint, admin, 1000);
          const pid = (
            await readFile(join(dataDir, instanceId, 'redis.pid'), 'utf8')
          ).trim();
          const cpuSeconds = async () => {
            const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
            const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
            // utime and stime, in clock ticks of 1/100 s
            return (Number(fields[11]) + Number(fields[12])) / 100;
          };
          const snapshot = async (id: string) => {
            await driver.snapshots.take(
              instanceId,
              { id, nodeId: node!.id, engine: 'redis', version, meta: {} },
              ctx,
            );
            return driver.snapshots.read(instanceId, id);
          };
          return {
            endpoint,
            admin,
            app,
            version,
            cpuSeconds,
            snapshot,
            remove,
          };
        } catch (error) {
          if (tries > 200) throw error;
        }
      }
      await new Promise(r => setTimeout(r, 50));
    }
  } catch (error) {
    await remove();
    throw error;
  }
}
