import Redis from 'ioredis';
import {
  ALICE,
  BOB,
  startDbaasTestBackend,
} from '../__testUtils__/startDbaasTestBackend';

jest.setTimeout(120_000);

type Backend = Awaited<ReturnType<typeof startDbaasTestBackend>>;

const KEYS = 20_000;
/** A key name that must show in no log line, only in the report. */
const SECRET_KEY = 'customer:4711:credit-card-token';

/**
 * Progress, cancel, the latency guard and the API's refusals, on a backend
 * whose scans crawl (200 keys per batch, 30 ms apart) so a test sees them
 * while they run.
 */
describe('key scan progress, cancel and latency guard', () => {
  let backend: Backend;
  let instanceId: string;
  let connection: Record<string, any>;

  async function startScan(user = ALICE, body: object = {}) {
    return backend.api
      .post(`/api/dbaas/instances/${instanceId}/key-scans`)
      .set(backend.as(user))
      .send(body);
  }

  async function operation(id: string) {
    return (
      await backend.api
        .get(`/api/dbaas/operations/${id}`)
        .set(backend.as(ALICE))
    ).body;
  }

  /** Polls until the scan has saved some progress, and returns it. */
  async function progressOf(id: string) {
    const deadline = Date.now() + 20_000;
    for (;;) {
      const op = await operation(id);
      if (op.progress?.done > 0) return op;
      if (Date.now() > deadline) throw new Error(`no progress: ${op.status}`);
      await new Promise(r => setTimeout(r, 50));
    }
  }

  beforeAll(async () => {
    backend = await startDbaasTestBackend({
      portRange: { start: 18805, end: 18809 },
      dbaas: {
        keyScan: {
          batchSize: 200,
          maxInFlight: 1,
          pauseMs: 30,
          progressIntervalMs: 100,
          latencyLimitMs: 25,
          probeIntervalMs: 20,
          backoffMs: 100,
          maxBackoffs: 2,
        },
      },
    });
    instanceId = await backend.createInstance({
      name: 'scanned',
      persistence: 'none',
    });
    connection = (
      await backend.api
        .get(`/api/dbaas/instances/${instanceId}/connection`)
        .set(backend.as(ALICE))
    ).body;
    const redis = new Redis({ ...connection, lazyConnect: true });
    await redis.connect();
    try {
      for (let start = 0; start < KEYS; start += 5000) {
        const pipeline = redis.pipeline();
        for (let i = start; i < start + 5000; i++) {
          pipeline.set(`item:${i}`, 'x'.repeat(i % 100));
        }
        await pipeline.exec();
      }
      await redis.set(SECRET_KEY, 'y'.repeat(5000));
    } finally {
      redis.disconnect();
    }
  });

  afterAll(async () => {
    await backend?.stop();
  });

  it('refuses bad requests with 400 naming the field, and changes nothing', async () => {
    for (const [body, message] of [
      [{ topN: 0 }, /topN/],
      [{ topN: 101 }, /topN/],
      [{ topN: 'ten' }, /topN/],
      [{ separator: '' }, /separator/],
      [{ depth: 3 }, /depth/],
    ] as const) {
      const res = await startScan(ALICE, body);
      expect([JSON.stringify(body), res.status]).toEqual([
        JSON.stringify(body),
        400,
      ]);
      expect(res.body.error.message).toMatch(message);
    }
    const ops = await backend.api
      .get(`/api/dbaas/instances/${instanceId}/operations`)
      .set(backend.as(ALICE));
    expect(ops.body.items.map((o: any) => o.type)).toEqual(['create']);
  });

  it('has no report before the first scan, and lets only owners start one', async () => {
    const latest = await backend.api
      .get(`/api/dbaas/instances/${instanceId}/key-scans/latest`)
      .set(backend.as(BOB));
    expect(latest.status).toBe(404);
    expect(latest.body.error.message).toBe(
      'Instance scanned has no key scan yet',
    );
    const refused = await startScan(BOB);
    expect(refused.status).toBe(403);
    const unknown = await backend.api
      .post('/api/dbaas/instances/no-such-id/key-scans')
      .set(backend.as(ALICE))
      .send({});
    expect(unknown.status).toBe(404);
  });

  it('saves progress while it runs, and keeps key names out of the log', async () => {
    const started = await startScan(ALICE, { topN: 5 });
    expect(started.status).toBe(202);
    const id = started.body.operation.id;
    const second = await startScan();
    expect(second.status).toBe(409);

    const seen: Array<{ done: number; total: number; unit: string }> = [];
    let op = await progressOf(id);
    while (op.status === 'running' || op.status === 'pending') {
      const { done, total, unit } = op.progress;
      if (done !== seen[seen.length - 1]?.done)
        seen.push({ done, total, unit });
      await new Promise(r => setTimeout(r, 100));
      op = await operation(id);
    }
    expect(new Set(seen.map(p => `${p.total} ${p.unit}`))).toEqual(
      new Set([`${KEYS + 1} keys`]),
    );
    expect(op.status).toBe('succeeded');
    const dones = seen.map(p => p.done);
    expect(dones.length).toBeGreaterThanOrEqual(3);
    expect([...dones].sort((a, b) => a - b)).toEqual(dones);
    expect(op.progress).toMatchObject({ done: KEYS + 1, total: KEYS + 1 });
    expect(JSON.stringify(op.log)).not.toMatch(/customer|item:/);
    expect(op.log.map((l: any) => l.message).join('\n')).toMatch(
      /Scanned 20001 keys in 1 databases/,
    );

    const latest = await backend.api
      .get(`/api/dbaas/instances/${instanceId}/key-scans/latest`)
      .set(backend.as(BOB));
    expect(latest.status).toBe(200);
    expect(latest.body).toMatchObject({ operationId: id, topN: 5 });
    expect(latest.body.topByMemory[0]).toMatchObject({
      key: SECRET_KEY,
      type: 'string',
      elements: 5000,
    });
  });

  it('cancels a running scan for an owner only, and keeps the last report', async () => {
    const before = (
      await backend.api
        .get(`/api/dbaas/instances/${instanceId}/key-scans/latest`)
        .set(backend.as(ALICE))
    ).body;
    const id = (await startScan()).body.operation.id;
    await progressOf(id);

    const refused = await backend.api
      .post(`/api/dbaas/operations/${id}/cancel`)
      .set(backend.as(BOB));
    expect(refused.status).toBe(403);
    const accepted = await backend.api
      .post(`/api/dbaas/operations/${id}/cancel`)
      .set(backend.as(ALICE));
    expect(accepted.status).toBe(202);
    expect(accepted.body.cancelRequestedBy).toBe(ALICE);

    const ended = await backend.waitForOperation(id);
    expect(ended).toMatchObject({
      status: 'failed',
      error: `Cancelled by ${ALICE}`,
    });
    // ended by the cancel, not after the whole keyspace
    expect(ended.progress.done).toBeLessThan(KEYS);
    expect(ended.steps[0]).toMatchObject({ name: 'scan', status: 'failed' });
    const after = await backend.api
      .get(`/api/dbaas/instances/${instanceId}/key-scans/latest`)
      .set(backend.as(ALICE));
    expect(after.body.operationId).toBe(before.operationId);

    const again = await backend.api
      .post(`/api/dbaas/operations/${id}/cancel`)
      .set(backend.as(ALICE));
    expect(again.status).toBe(409);
    expect(again.body.error.message).toMatch(/has already failed/);
  });

  it('refuses to cancel operation types that are not cancellable', async () => {
    const ops = await backend.api
      .get(`/api/dbaas/instances/${instanceId}/operations`)
      .set(backend.as(ALICE));
    const create = ops.body.items.find((o: any) => o.type === 'create');
    const res = await backend.api
      .post(`/api/dbaas/operations/${create.id}/cancel`)
      .set(backend.as(ALICE));
    expect(res.status).toBe(409);
    expect(res.body.error.message).toBe(
      'Operations of type create cannot be cancelled',
    );
  });

  it('stops with a clear message when the instance stays slow', async () => {
    const id = (await startScan()).body.operation.id;
    await progressOf(id);
    // Another client keeps the instance busy with 150 ms scripts.
    const busy = new Redis({ ...connection, lazyConnect: true });
    await busy.connect();
    const script = `local t = redis.call('TIME')
      local start = t[1] * 1000000 + t[2]
      repeat local n = redis.call('TIME') until n[1] * 1000000 + n[2] - start > 150000
      return 1`;
    let ended: any;
    const deadline = Date.now() + 30_000;
    try {
      while (!ended && Date.now() < deadline) {
        await busy.eval(script, 0);
        const op = await operation(id);
        if (op.status === 'failed' || op.status === 'succeeded') ended = op;
      }
    } finally {
      busy.disconnect();
    }
    expect(ended).toMatchObject({ status: 'failed' });
    expect(ended.error).toMatch(
      /^Stopped after \d+ keys: PING took [\d.]+ ms, above the limit of 25 ms, and stayed there through 2 pauses/,
    );
    const warnings = ended.log.filter((l: any) => l.level === 'warn');
    expect(warnings[0].message).toMatch(
      /^PING took [\d.]+ ms, above 25 ms: pausing 100 ms/,
    );
    // no retry: running it again at once would do the same harm
    expect(ended.steps[0].attempts).toBe(1);
  });
});
