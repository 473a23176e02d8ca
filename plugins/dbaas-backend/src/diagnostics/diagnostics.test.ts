import {
  ALICE,
  BOB,
  startDbaasTestBackend,
} from '../__testUtils__/startDbaasTestBackend';

jest.setTimeout(120_000);

/** Busy for about 50 ms inside the server, then writes the key. */
const SLOW_SCRIPT = `local i = 0
while i < 4000000 do i = i + 1 end
return redis.call('SET', KEYS[1], ARGV[1])`;

describe('slow log and latency of an instance', () => {
  let backend: Awaited<ReturnType<typeof startDbaasTestBackend>>;
  let id: string;

  beforeAll(async () => {
    backend = await startDbaasTestBackend({
      portRange: { start: 19380, end: 19389 },
      readAll: false,
    });
    id = await backend.createInstance({ name: 'slow-one' });
  });
  afterAll(() => backend?.stop());

  async function configure(config: Record<string, string>) {
    const res = await backend.api
      .patch(`/api/dbaas/instances/${id}`)
      .set(backend.as(ALICE))
      .send({ config });
    expect(res.status).toBe(202);
    const done = await backend.waitForOperation(res.body.operation.id);
    expect(done.status).toBe('succeeded');
  }

  async function slowLog(user = ALICE) {
    return backend.api
      .get(`/api/dbaas/instances/${id}/slowlog`)
      .set(backend.as(user));
  }

  it('shows a genuinely slow command with its key and without its value', async () => {
    const app = await backend.appClient(id);
    try {
      await app.eval(SLOW_SCRIPT, 1, 'orders:slow', 'the-secret-value-1');
    } finally {
      app.disconnect();
    }
    const res = await slowLog();
    expect(res.status).toBe(200);
    expect(res.body.slowerThanMicros).toBe(10000);
    const entry = res.body.entries.find(
      (e: { key?: string }) => e.key === 'orders:slow',
    );
    expect(entry).toMatchObject({
      command: 'EVAL',
      key: 'orders:slow',
      // the script, the key count and the value
      redactedArguments: 3,
    });
    expect(entry.durationMicros).toBeGreaterThan(10000);
    expect(JSON.stringify(res.body)).not.toContain('the-secret-value-1');
    expect(JSON.stringify(res.body)).not.toContain('while i <');
  });

  it('with slowlog-log-slower-than 0 set through the API, shows every command of the application but none of the control plane', async () => {
    await configure({ 'slowlog-log-slower-than': '0' });
    const app = await backend.appClient(id);
    try {
      await app.set('user:42', 'the-secret-value-2');
      await app.echo('an-echoed-secret');
    } finally {
      app.disconnect();
    }
    const res = await slowLog();
    expect(res.status).toBe(200);
    expect(res.body.slowerThanMicros).toBe(0);
    const commands = res.body.entries.map(
      (e: { command: string; key?: string; redactedArguments: number }) => [
        e.command,
        e.key,
        e.redactedArguments,
      ],
    );
    expect(commands).toContainEqual(['SET', 'user:42', 1]);
    // ECHO names no key: its one argument is not shown as one
    expect(commands).toContainEqual(['ECHO', undefined, 1]);
    const text = JSON.stringify(res.body);
    expect(text).not.toContain('the-secret-value-2');
    expect(text).not.toContain('an-echoed-secret');
    expect(text).not.toContain('justmanage-');
    expect(commands).not.toContainEqual(['SLOWLOG GET', undefined, 1]);
  });

  it('shows latency events once the latency monitor is on', async () => {
    const off = await backend.api
      .get(`/api/dbaas/instances/${id}/latency`)
      .set(backend.as(ALICE));
    expect(off.status).toBe(200);
    expect(off.body).toMatchObject({ thresholdMs: 0, events: [] });

    await configure({
      'slowlog-log-slower-than': '0',
      'latency-monitor-threshold': '5',
    });
    const app = await backend.appClient(id);
    try {
      await app.eval(SLOW_SCRIPT, 1, 'orders:latency', 'v');
    } finally {
      app.disconnect();
    }
    const on = await backend.api
      .get(`/api/dbaas/instances/${id}/latency`)
      .set(backend.as(ALICE));
    expect(on.status).toBe(200);
    expect(on.body.thresholdMs).toBe(5);
    const command = on.body.events.find(
      (e: { event: string }) => e.event === 'command',
    );
    expect(command.latestMs).toBeGreaterThanOrEqual(5);
    expect(command.maxMs).toBeGreaterThanOrEqual(command.latestMs);
  });

  it('refuses the slow log and latency to another team, and 404s an unknown instance', async () => {
    const slow = await slowLog(BOB);
    expect(slow.status).toBe(403);
    expect(slow.body.error.message).toMatch(/dbaas\.instance\.read/);
    const latency = await backend.api
      .get(`/api/dbaas/instances/${id}/latency`)
      .set(backend.as(BOB));
    expect(latency.status).toBe(403);
    const unknown = await backend.api
      .get('/api/dbaas/instances/no-such-instance/slowlog')
      .set(backend.as(ALICE));
    expect(unknown.status).toBe(404);
  });

  it('takes at most count entries, 1 to 128', async () => {
    const two = await backend.api
      .get(`/api/dbaas/instances/${id}/slowlog?count=2`)
      .set(backend.as(ALICE));
    expect(two.status).toBe(200);
    expect(two.body.entries).toHaveLength(2);
    const tooMany = await backend.api
      .get(`/api/dbaas/instances/${id}/slowlog?count=500`)
      .set(backend.as(ALICE));
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error.message).toMatch(/count/);
  });
});
