import fs from 'fs';
import path from 'path';
import Redis from 'ioredis';
import {
  ALICE,
  startDbaasTestBackend,
} from '../__testUtils__/startDbaasTestBackend';
import {
  serverPidsUnder,
  waitFor,
} from '@justmanage/plugin-dbaas-node-test-utils';

jest.setTimeout(120_000);

describe('the replication alert', () => {
  let backend: Awaited<ReturnType<typeof startDbaasTestBackend>>;
  let primary: Redis | undefined;

  beforeAll(async () => {
    backend = await startDbaasTestBackend({
      portRange: { start: 18780, end: 18789 },
      local: {
        supervisor: { intervalMs: 200, maxBackoffMs: 2000 },
        sentinel: { downAfterMs: 1000, failoverTimeoutMs: 5000 },
      },
    });
  });
  afterAll(async () => {
    primary?.disconnect();
    if (!backend) return;
    const dataDir = backend.dataDir;
    await backend.stop();
    const left = await serverPidsUnder(dataDir);
    if (left.length) throw new Error(`servers left running: ${left}`);
  });

  const replicationAlerts = async (id: string) =>
    (
      await backend.api
        .get(`/api/dbaas/instances/${id}/alerts`)
        .set(backend.as(ALICE))
    ).body.items.filter((a: { rule: string }) => a.rule === 'replication');

  it('fires when a replica loses its link to the primary and resolves when it is back', async () => {
    const id = await backend.createInstance({ name: 'paired', replicas: 1 });

    const conn = (
      await backend.api
        .get(`/api/dbaas/instances/${id}/connection`)
        .set(backend.as(ALICE))
    ).body;
    primary = new Redis({
      host: conn.host,
      port: conn.port,
      username: conn.username,
      password: conn.password,
      maxRetriesPerRequest: 0,
    });
    primary.on('error', () => undefined);
    const onlineReplicas = async () =>
      ((await primary!.info('replication')).match(/state=online/g) ?? [])
        .length;
    await waitFor(
      'the replica to be online',
      async () => (await onlineReplicas()) === 1,
    );

    await backend.triggerTask('dbaas-health-check');
    expect(await replicationAlerts(id)).toEqual([]);

    // Holding the replica's start lock keeps the supervisor from reviving it.
    const node = path.join(backend.dataDir, id, 'nodes', 'node-1');
    const lock = path.join(node, 'start.lock');
    fs.writeFileSync(lock, `test ${process.pid}\n`, { flag: 'wx' });
    try {
      process.kill(
        Number(fs.readFileSync(path.join(node, 'redis.pid'), 'utf8')),
        'SIGKILL',
      );
      await waitFor(
        'the primary to lose its replica',
        async () => (await onlineReplicas()) === 0,
      );

      await backend.triggerTask('dbaas-health-check');
      expect(await replicationAlerts(id)).toEqual([
        expect.objectContaining({
          state: 'firing',
          message: '0 of 1 replicas linked to the primary',
          value: 0,
          threshold: 1,
        }),
      ]);
      // the instance itself still answers: no down alert
      const status = (
        await backend.api.get('/api/dbaas/status').set(backend.as(ALICE))
      ).body.items[0];
      expect(status).toMatchObject({
        name: 'paired',
        up: true,
        firingAlerts: 1,
      });
    } finally {
      fs.rmSync(lock, { force: true });
    }

    await waitFor(
      'the replica to be back',
      async () => (await onlineReplicas()) === 1,
    );
    await backend.triggerTask('dbaas-health-check');
    expect(await replicationAlerts(id)).toEqual([
      expect.objectContaining({
        state: 'resolved',
        resolvedAt: expect.any(String),
      }),
    ]);
  });
});
