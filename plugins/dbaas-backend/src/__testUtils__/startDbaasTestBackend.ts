import Redis, { RedisOptions } from 'ioredis';
import fs from 'fs';
import os from 'os';
import path from 'path';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import request from 'supertest';
import { BackendFeature } from '@backstage/backend-plugin-api';
import dbaasModuleLocalDriver from '@justmanage/plugin-dbaas-backend-module-local';
import { dbaasPlugin } from '../plugin';
import { ownerPolicyPermissions } from './ownerPolicyPermissions';
import { secretsSweep } from './secretsSweep';

export const ALICE = 'user:default/alice';
export const BOB = 'user:default/bob';

/**
 * A real backend with the dbaas plugin, the local driver on a private data
 * folder and port range, SQLite in memory, and the owner policy.
 */
export async function startDbaasTestBackend(options: {
  portRange: { start: number; end: number };
  readAll?: boolean;
  /** Further `dbaas.drivers.local` settings, e.g. `engineDirs`. */
  local?: Record<string, unknown>;
  /** Further `dbaas` settings, e.g. `keyScan`. */
  dbaas?: Record<string, unknown>;
  /** More plugins and services, e.g. the notifications backend. */
  features?: BackendFeature[];
  /** The driver module, instead of the local driver's own. */
  driverModule?: BackendFeature;
  /** Top-level config besides `dbaas`, e.g. `app.baseUrl`. */
  config?: Record<string, unknown>;
}) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dbaas-test-'));
  // Only when scripts/test-all.sh's secrets sweep runs.
  const sweep = secretsSweep(dataDir);
  // Scheduled tasks run when a test triggers them, not on a clock.
  const scheduler = mockServices.scheduler() as ReturnType<
    typeof mockServices.scheduler
  > & {
    factory(options?: { skipTaskRunOnStartup?: boolean }): any;
    triggerTask(id: string): Promise<void>;
  };
  // A backend that fails to start must not leave its folder behind.
  let backend: Awaited<ReturnType<typeof startTestBackend>>;
  try {
    backend = await startTestBackend({
      features: [
        dbaasPlugin,
        options.driverModule ?? dbaasModuleLocalDriver,
        scheduler.factory({ skipTaskRunOnStartup: true }),
        ownerPolicyPermissions({ readAll: options.readAll ?? true }),
        ...(sweep?.features ?? []),
        ...(options.features ?? []),
        mockServices.httpAuth.factory({
          defaultCredentials: mockCredentials.none(),
        }),
        mockServices.rootConfig.factory({
          data: {
            ...options.config,
            dbaas: {
              encryptionKey: 'test-key-that-is-at-least-32-characters',
              validateResponses: true,
              operations: { pollIntervalMs: 50, readyTimeoutMs: 10_000 },
              drivers: {
                local: {
                  dataDir,
                  portRange: options.portRange,
                  ...options.local,
                },
              },
              ...options.dbaas,
            },
          },
        }),
      ],
    });
  } catch (error) {
    killLeftovers(dataDir);
    fs.rmSync(dataDir, { recursive: true, force: true });
    await sweep?.close();
    throw error;
  }
  sweep?.watch(backend.server);
  const api = request(backend.server);
  const as = (user: string) => ({
    Authorization: mockCredentials.user.header(user),
  });
  const asService = () => ({ Authorization: mockCredentials.service.header() });

  /** Polls an operation until it finishes, as a client of the API would. */
  async function waitForOperation(
    operationId: string,
    user: string | undefined = ALICE,
    timeoutMs = 20_000,
  ) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const res = await api
        .get(`/api/dbaas/operations/${operationId}`)
        .set(user ? as(user) : asService());
      if (res.body.status === 'succeeded' || res.body.status === 'failed') {
        // instances, users or certificates may have changed
        await sweep?.harvest();
        return res.body;
      }
      if (Date.now() > deadline) {
        throw new Error(`Operation ${operationId} still ${res.body.status}`);
      }
      await new Promise(r => setTimeout(r, 20));
    }
  }

  /**
   * Creates an instance through the API, as `user`, from the valid body
   * with `overrides`, and waits until it runs; returns its id.
   */
  async function createInstance(
    overrides: Record<string, unknown>,
    user: string = ALICE,
  ): Promise<string> {
    const created = await api
      .post('/api/dbaas/instances')
      .set(as(user))
      .send(validCreateBody(overrides));
    expect(created.status).toBe(202);
    const done = await waitForOperation(created.body.operation.id, user);
    expect(done.status).toBe('succeeded');
    return created.body.instance.id;
  }

  /**
   * A connected client of an instance as its owner's application: the
   * connection details are read from the API, as a user would.
   */
  async function appClient(
    instanceId: string,
    redisOptions: Partial<RedisOptions> = {},
    user: string = ALICE,
  ) {
    const { body } = await api
      .get(`/api/dbaas/instances/${instanceId}/connection`)
      .set(as(user));
    const client = new Redis({
      host: body.host,
      port: body.port,
      username: body.username,
      password: body.password,
      lazyConnect: true,
      maxRetriesPerRequest: 0,
      ...redisOptions,
    });
    await client.connect();
    return client;
  }

  return {
    api,
    /** The HTTP server, for clients that need its address. */
    server: backend.server,
    as,
    appClient,
    createInstance,
    triggerTask: (id: string) => scheduler.triggerTask(id),
    dataDir,
    waitForOperation,
    /** Folders the local driver keeps for instances: one per live instance. */
    instanceFolders: () =>
      fs
        .readdirSync(dataDir)
        .filter(f => !['ports', 'addresses'].includes(f) && !f.startsWith('.')),
    /**
     * Deletes every instance through the API, as its owner would, then stops
     * the backend. A test that failed half-way must not leave processes.
     */
    async stop() {
      await sweep?.harvest();
      const { body } = await api.get('/api/dbaas/instances').set(asService());
      for (const instance of body.items ?? []) {
        const res = await api
          .delete(`/api/dbaas/instances/${instance.id}`)
          .set(asService());
        if (res.status === 202) {
          await waitForOperation(res.body.operation.id, undefined);
        }
      }
      await sweep?.keepDatabase();
      await backend.stop();
      await sweep?.close();
      killLeftovers(dataDir);
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Last resort after a broken test: stop what the pidfiles name, every node's. */
function killLeftovers(dataDir: string) {
  const pidfiles = fs.readdirSync(dataDir).flatMap(folder => {
    const nodes = path.join(dataDir, folder, 'nodes');
    return [
      path.join(dataDir, folder, 'redis.pid'),
      ...(fs.existsSync(nodes)
        ? fs.readdirSync(nodes).map(node => path.join(nodes, node, 'redis.pid'))
        : []),
    ];
  });
  for (const pidfile of pidfiles) {
    if (!fs.existsSync(pidfile)) continue;
    const pid = Number(fs.readFileSync(pidfile, 'utf8').trim());
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}

export function validCreateBody(overrides: Record<string, unknown> = {}) {
  return {
    name: 'cache-one',
    owner: 'group:default/team-a',
    description: 'Session cache',
    engine: 'redis',
    version: '7.0.15',
    platform: 'local',
    region: 'local',
    resources: { memoryMb: 64, cpu: 0.5, diskGb: 1 },
    persistence: 'rdb',
    maxmemoryPolicy: 'allkeys-lru',
    ...overrides,
  };
}
