import fs from 'fs';
import path from 'path';
import {
  ALICE,
  startDbaasTestBackend,
} from '../__testUtils__/startDbaasTestBackend';

jest.setTimeout(60_000);

describe('health checks', () => {
  let backend: Awaited<ReturnType<typeof startDbaasTestBackend>>;

  beforeAll(async () => {
    backend = await startDbaasTestBackend({
      portRange: { start: 17490, end: 17499 },
    });
  });
  afterAll(() => backend.stop());

  async function getInstance(id: string) {
    return (
      await backend.api.get(`/api/dbaas/instances/${id}`).set(backend.as(ALICE))
    ).body;
  }

  it('marks a dead Redis down, and up again once the supervisor restarted it', async () => {
    const id = await backend.createInstance({ name: 'fragile' });

    await backend.triggerTask('dbaas-health-check');
    const healthy = await getInstance(id);
    expect(healthy.status).toBe('running');
    expect(healthy.health).toMatchObject({ up: true });
    expect(Date.parse(healthy.health.checkedAt)).toBeGreaterThan(
      Date.now() - 5000,
    );

    const pid = Number(
      fs.readFileSync(path.join(backend.dataDir, id, 'redis.pid'), 'utf8'),
    );
    process.kill(pid, 'SIGKILL');

    await backend.triggerTask('dbaas-health-check');
    const down = await getInstance(id);
    expect(down.status).toBe('down');
    expect(down.health.up).toBe(false);
    expect(down.health.error).toBeTruthy();

    // The supervisor restarts the process with backoff; checks see it come back.
    const deadline = Date.now() + 20_000;
    let current = down;
    while (current.status !== 'running' && Date.now() < deadline) {
      await new Promise(r => setTimeout(r, 250));
      await backend.triggerTask('dbaas-health-check');
      current = await getInstance(id);
    }
    expect(current.status).toBe('running');
    expect(current.health.up).toBe(true);

    const client = await backend.appClient(id);
    expect(await client.ping()).toBe('PONG');
    client.disconnect();
  });

  it('records the memory in use and the uptime that Redis reports', async () => {
    const id = await backend.createInstance({ name: 'measured' });
    expect((await getInstance(id)).health?.usedMemoryBytes).toBeUndefined();

    const client = await backend.appClient(id);
    await backend.triggerTask('dbaas-health-check');
    const before = (await getInstance(id)).health;
    // one MiB of data must show up in used_memory
    await client.set('big', 'x'.repeat(1024 * 1024));
    await backend.triggerTask('dbaas-health-check');
    const after = (await getInstance(id)).health;
    client.disconnect();

    expect(before.usedMemoryBytes).toBeGreaterThan(0);
    expect(after.usedMemoryBytes - before.usedMemoryBytes).toBeGreaterThan(
      1024 * 1024,
    );
    expect(after.uptimeSeconds).toBeGreaterThanOrEqual(0);
    expect(after.uptimeSeconds).toBeLessThan(60);
  });

  it('keeps one admin connection per instance between checks', async () => {
    const id = await backend.createInstance({ name: 'steady' });
    const client = await backend.appClient(id);
    const connectionsReceived = async () =>
      Number(
        /total_connections_received:(\d+)/.exec(await client.info('stats'))![1],
      );

    await backend.triggerTask('dbaas-health-check');
    const first = await connectionsReceived();
    for (let i = 0; i < 3; i++) {
      await backend.triggerTask('dbaas-health-check');
    }
    const later = await connectionsReceived();
    const health = (await getInstance(id)).health;
    client.disconnect();

    expect(later).toBe(first);
    expect(health.up).toBe(true);
    expect(Date.parse(health.checkedAt)).toBeGreaterThan(Date.now() - 5000);
  });
});
