import Redis from 'ioredis';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  ALICE,
  startDbaasTestBackend,
} from '../__testUtils__/startDbaasTestBackend';
import {
  serverPidsUnder,
  waitFor,
} from '@justmanage/plugin-dbaas-node-test-utils';

jest.setTimeout(240_000);

/**
 * A user made through the API is still there, with its password and its
 * rules, on every node of a replicated instance after a Sentinel failover,
 * a rolling upgrade and a rolling downgrade.
 */
describe('ACL users survive what happens to a replicated instance', () => {
  let backend: Awaited<ReturnType<typeof startDbaasTestBackend>>;
  let id: string;
  let password: string;

  async function endpoints() {
    const res = await backend.api
      .get(`/api/dbaas/instances/${id}`)
      .set(backend.as(ALICE));
    return res.body.endpoints as Array<{
      role: string;
      host: string;
      port: number;
    }>;
  }

  /** Logs in as the user on every node; on data nodes, reads and is refused a write. */
  async function provenOnEveryNode(): Promise<string[]> {
    const seen: string[] = [];
    for (const node of await endpoints()) {
      const client = new Redis({
        host: node.host,
        port: node.port,
        lazyConnect: true,
        enableReadyCheck: false,
        maxRetriesPerRequest: 0,
        retryStrategy: () => null,
      });
      client.on('error', () => undefined);
      try {
        await client.connect();
        await client.call('AUTH', 'survivor', password);
        if (node.role === 'sentinel') {
          await client.ping();
        } else {
          expect(await client.get('kept')).toBe('yes');
          await expect(client.set('kept', 'no')).rejects.toThrow(/NOPERM/);
        }
        seen.push(node.role);
      } finally {
        client.disconnect();
      }
    }
    return seen;
  }

  async function finished(operationId: string) {
    const done = await backend.waitForOperation(operationId, ALICE, 120_000);
    expect({ status: done.status, error: done.error }).toEqual({
      status: 'succeeded',
      error: undefined,
    });
  }

  async function move(version: string) {
    const res = await backend.api
      .post(`/api/dbaas/instances/${id}/upgrade`)
      .set(backend.as(ALICE))
      .send({ engine: 'redis', version });
    expect(res.status).toBe(202);
    await finished(res.body.operation.id);
  }

  beforeAll(async () => {
    backend = await startDbaasTestBackend({
      portRange: { start: 18680, end: 18699 },
      local: {
        engineDirs: ['/opt/justmanage/engines'],
        supervisor: { intervalMs: 200, maxBackoffMs: 2000 },
        sentinel: { downAfterMs: 1000, failoverTimeoutMs: 5000 },
      },
      dbaas: { operations: { pollIntervalMs: 50, readyTimeoutMs: 30_000 } },
    });
    id = await backend.createInstance({
      name: 'survivors',
      version: '7.0.15+deb12u7',
      replicas: 1,
    });
    const app = await backend.appClient(id);
    await app.set('kept', 'yes');
    await app.call('WAIT', '1', '5000');
    app.disconnect();
    const res = await backend.api
      .post(`/api/dbaas/instances/${id}/users`)
      .set(backend.as(ALICE))
      .send({ username: 'survivor', preset: 'read-only' });
    expect(res.status).toBe(202);
    password = res.body.password;
    await finished(res.body.operation.id);
  });

  afterAll(async () => {
    if (!backend) return;
    const dataDir = backend.dataDir;
    await backend.stop();
    const left = await serverPidsUnder(dataDir);
    if (left.length)
      throw new Error(`Servers left running: ${left.join(', ')}`);
  });

  it('is on every node to begin with', async () => {
    expect(await provenOnEveryNode()).toEqual([
      'primary',
      'replica',
      'sentinel',
      'sentinel',
      'sentinel',
    ]);
  });

  it('survives a Sentinel failover after kill -9 of the primary', async () => {
    const [old] = await endpoints();
    const pid = Number(
      (await readFile(join(backend.dataDir, id, 'redis.pid'), 'utf8')).trim(),
    );
    process.kill(pid, 'SIGKILL');
    await waitFor(
      'the primary to move and the old one to follow it',
      async () => {
        await backend.triggerTask('dbaas-health-check');
        const [primary, replica] = await endpoints();
        return primary.port !== old.port && replica?.port === old.port
          ? true
          : undefined;
      },
      60_000,
    );
    await waitFor(
      'the user on every node',
      async () =>
        (await provenOnEveryNode().catch(() => [])).length === 5 || undefined,
      30_000,
    );
  });

  it('survives a rolling upgrade and a rolling downgrade', async () => {
    await move('7.0.15+deb12u10');
    expect(await provenOnEveryNode()).toHaveLength(5);
    await move('7.0.15+deb12u7');
    expect(await provenOnEveryNode()).toHaveLength(5);
  });
});
