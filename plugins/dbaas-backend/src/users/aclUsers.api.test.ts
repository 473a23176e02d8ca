import Redis from 'ioredis';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  ALICE,
  BOB,
  startDbaasTestBackend,
} from '../__testUtils__/startDbaasTestBackend';
import {
  serverPidsUnder,
  waitFor,
} from '@justmanage/plugin-dbaas-node-test-utils';

jest.setTimeout(180_000);

describe('ACL users through the API, proven by logging in', () => {
  let backend: Awaited<ReturnType<typeof startDbaasTestBackend>>;
  let id: string;
  const clients: Redis[] = [];

  function login(
    endpoint: { host: string; port: number },
    username: string,
    password: string,
  ): Redis {
    const client = new Redis({
      host: endpoint.host,
      port: endpoint.port,
      username,
      password,
      lazyConnect: true,
      enableReadyCheck: false,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
    });
    client.on('error', () => undefined);
    clients.push(client);
    return client;
  }

  /** Whether `username` with `password` gets in: 'in', or Redis' refusal. */
  async function tryLogin(
    endpoint: { host: string; port: number },
    username: string,
    password: string,
  ): Promise<string> {
    // AUTH as a command, so the refusal comes back in Redis' words.
    const client = new Redis({
      host: endpoint.host,
      port: endpoint.port,
      lazyConnect: true,
      enableReadyCheck: false,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
    });
    client.on('error', () => undefined);
    try {
      await client.connect();
      await client.call('AUTH', username, password);
      return 'in';
    } catch (error) {
      return (error as Error).message;
    } finally {
      client.disconnect();
    }
  }

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

  async function finished(operationId: string) {
    const done = await backend.waitForOperation(operationId, ALICE, 60_000);
    expect({ status: done.status, error: done.error }).toEqual({
      status: 'succeeded',
      error: undefined,
    });
    return done;
  }

  beforeAll(async () => {
    backend = await startDbaasTestBackend({
      portRange: { start: 18630, end: 18649 },
      local: {
        supervisor: { intervalMs: 200, maxBackoffMs: 2000 },
        sentinel: { downAfterMs: 1000, failoverTimeoutMs: 5000 },
      },
    });
    id = await backend.createInstance({ name: 'users-cache', replicas: 1 });
  });

  afterAll(async () => {
    for (const client of clients) client.disconnect();
    if (!backend) return;
    const dataDir = backend.dataDir;
    await backend.stop();
    const left = await serverPidsUnder(dataDir);
    if (left.length)
      throw new Error(`Servers left running: ${left.join(', ')}`);
  });

  it('lists the default app user to its owners only, without the control plane’s', async () => {
    const res = await backend.api
      .get(`/api/dbaas/instances/${id}/users`)
      .set(backend.as(ALICE));
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([
      expect.objectContaining({
        username: 'app',
        preset: 'full',
        default: true,
        managedBy: 'product',
        rules: '~* &* +@all -@admin',
        passwords: [{ createdAt: expect.any(String) }],
      }),
    ]);
    expect(JSON.stringify(res.body)).not.toMatch(/password"\s*:\s*"/);
    for (const [method, route, body] of [
      ['get', `/api/dbaas/instances/${id}/users`, undefined],
      ['get', `/api/dbaas/instances/${id}/users/app`, undefined],
      ['get', `/api/dbaas/instances/${id}/users/app/connection`, undefined],
      [
        'post',
        `/api/dbaas/instances/${id}/users`,
        { username: 'bobs', preset: 'read-only' },
      ],
      ['delete', `/api/dbaas/instances/${id}/users/app`, undefined],
    ] as const) {
      const refused = await (backend.api as any)
        [method](route)
        .set(backend.as(BOB))
        .send(body);
      expect([route, refused.status]).toEqual([route, 403]);
    }
  });

  it('creates a read-only user on every node: it reads its keys, and cannot write or read others; app sessions stay open', async () => {
    const nodes = await endpoints();
    const primary = nodes.find(e => e.role === 'primary')!;
    const app = await backend.appClient(id);
    clients.push(app);
    await app.set('orders:1', 'paid');
    await app.set('secret:1', 'hidden');

    const res = await backend.api
      .post(`/api/dbaas/instances/${id}/users`)
      .set(backend.as(ALICE))
      .send({ username: 'reporting', preset: 'read-only', keys: ['orders:*'] });
    expect(res.status).toBe(202);
    expect(res.body.user).toMatchObject({
      username: 'reporting',
      preset: 'read-only',
      keys: ['orders:*'],
      default: false,
      createdBy: ALICE,
    });
    const password: string = res.body.password;
    expect(password.length).toBeGreaterThanOrEqual(32);
    const done = await finished(res.body.operation.id);
    expect(done.log.map((l: any) => l.message)).toEqual(
      expect.arrayContaining([
        'Set the users on 5 nodes',
        'reporting logs in on all 5 nodes',
      ]),
    );

    // The app's session opened before the change was not closed.
    expect(await app.get('orders:1')).toBe('paid');

    for (const node of nodes.filter(e => e.role !== 'sentinel')) {
      const reader = login(node, 'reporting', password);
      await reader.connect();
      await waitFor(
        `${node.port} to have the write`,
        async () => (await reader.get('orders:1')) === 'paid',
      );
      await expect(reader.set('orders:2', 'x')).rejects.toThrow(/NOPERM/);
      await expect(reader.get('secret:1')).rejects.toThrow(/NOPERM/);
      reader.disconnect();
    }
    const sentinel = login(
      nodes.find(e => e.role === 'sentinel')!,
      'reporting',
      password,
    );
    await sentinel.connect();
    expect(
      await sentinel.call('SENTINEL', 'GET-MASTER-ADDR-BY-NAME', 'users-cache'),
    ).toEqual([primary.host, String(primary.port)]);
    sentinel.disconnect();

    const connection = await backend.api
      .get(`/api/dbaas/instances/${id}/users/reporting/connection`)
      .set(backend.as(ALICE));
    expect(connection.body).toMatchObject({
      username: 'reporting',
      password,
      url: `redis://reporting@${primary.host}:${primary.port}`,
    });
  });

  it('sets a rotation schedule, answers when the next rotation is, and clears it', async () => {
    const route = `/api/dbaas/instances/${id}/users/reporting/rotation`;
    const set = await backend.api
      .put(route)
      .set(backend.as(ALICE))
      .send({ everyDays: 30, graceSeconds: 600 });
    expect(set.status).toBe(200);
    const [newest] = set.body.passwords.slice(-1);
    expect(set.body.rotation).toEqual({
      everyDays: 30,
      graceSeconds: 600,
      nextAt: new Date(
        Date.parse(newest.createdAt) + 30 * 86_400_000,
      ).toISOString(),
    });
    const { body: read } = await backend.api
      .get(`/api/dbaas/instances/${id}/users/reporting`)
      .set(backend.as(ALICE));
    expect(read.rotation).toEqual(set.body.rotation);

    for (const [user, body, status, message] of [
      [BOB, { everyDays: 7 }, 403, ''],
      [ALICE, { everyDays: 0 }, 400, 'everyDays'],
      [
        ALICE,
        { everyDays: 1, graceSeconds: 86400 },
        400,
        'graceSeconds: must be shorter than everyDays (86400 seconds)',
      ],
    ] as const) {
      const refused = await backend.api
        .put(route)
        .set(backend.as(user))
        .send(body);
      expect({
        status: refused.status,
        message: refused.body.error?.message,
      }).toEqual({ status, message: expect.stringContaining(message) });
    }
    const hidden = await backend.api
      .put(`/api/dbaas/instances/${id}/users/jm-admin/rotation`)
      .set(backend.as(ALICE))
      .send({ everyDays: 7 });
    expect(hidden.status).toBe(404);

    const cleared = await backend.api
      .put(route)
      .set(backend.as(ALICE))
      .send({ everyDays: null });
    expect(cleared.status).toBe(200);
    expect(cleared.body.rotation).toBeNull();
  });

  it('changes access live: an open session follows the new rules', async () => {
    const [primary] = await endpoints();
    const { body } = await backend.api
      .get(`/api/dbaas/instances/${id}/users/reporting/connection`)
      .set(backend.as(ALICE));
    const session = login(primary, 'reporting', body.password);
    await session.connect();
    await expect(session.set('orders:3', 'x')).rejects.toThrow(/NOPERM/);

    const res = await backend.api
      .patch(`/api/dbaas/instances/${id}/users/reporting`)
      .set(backend.as(ALICE))
      .send({ preset: 'read-write-safe', keys: ['orders:*'] });
    expect(res.status).toBe(202);
    expect(res.body.user.rules).toBe(
      '~orders:* &* -@all +@read +@write +@transaction +@pubsub +@connection -@dangerous -@admin',
    );
    await finished(res.body.operation.id);

    expect(await session.set('orders:3', 'written')).toBe('OK');
    await expect(session.flushall()).rejects.toThrow(/NOPERM/);
    await expect(session.set('secret:2', 'x')).rejects.toThrow(/NOPERM/);
  });

  it('refuses rules the engine does not know or that only the control plane may use, naming them, and changes nothing', async () => {
    for (const [body, status, message] of [
      [
        { username: 'Bad Name', preset: 'read-only' },
        400,
        'username: must be 1 to 32 characters',
      ],
      [
        { username: 'app', preset: 'read-only' },
        400,
        "username: 'app' is reserved",
      ],
      [
        { username: 'reporting', preset: 'read-only' },
        409,
        'username: instance users-cache already has a user named reporting',
      ],
      [
        { username: 'x1', preset: 'custom', rules: '~a:* +@redd' },
        400,
        "rules: '+@redd' is not a command category of Redis 7.0.15",
      ],
      [
        { username: 'x2', preset: 'custom', rules: '~a:* +config' },
        400,
        "rules: '+config' is an administrative command",
      ],
      [
        { username: 'x3', preset: 'custom', rules: '~a:* +@admin' },
        400,
        "rules: '+@admin' is not allowed: administrative commands belong to the control plane",
      ],
      [
        { username: 'x4', preset: 'custom', rules: '~a:* >secret +get' },
        400,
        "rules: '>secret' is not allowed: passwords are the product’s",
      ],
      [
        { username: 'x5', preset: 'custom', rules: '~a:* +nosuchcommand' },
        400,
        "rules: '+nosuchcommand' is not a command of Redis 7.0.15",
      ],
    ] as const) {
      const res = await backend.api
        .post(`/api/dbaas/instances/${id}/users`)
        .set(backend.as(ALICE))
        .send(body);
      expect({ status: res.status, message: res.body.error?.message }).toEqual({
        status,
        message: expect.stringContaining(message),
      });
    }
    for (const [method, body] of [
      ['patch', { preset: 'read-only' }],
      ['delete', undefined],
    ] as const) {
      const res = await (backend.api as any)
        [method](`/api/dbaas/instances/${id}/users/app`)
        .set(backend.as(ALICE))
        .send(body);
      expect(res.status).toBe(409);
      expect(res.body.error.message).toContain(
        'app is the default user of instance users-cache; it cannot be',
      );
    }
    const list = await backend.api
      .get(`/api/dbaas/instances/${id}/users`)
      .set(backend.as(ALICE));
    expect(list.body.items.map((u: any) => u.username)).toEqual([
      'app',
      'reporting',
    ]);
  });

  it('creates a custom user whose rules the engine checked, and it keeps working after its node restarts', async () => {
    const res = await backend.api
      .post(`/api/dbaas/instances/${id}/users`)
      .set(backend.as(ALICE))
      .send({
        username: 'cache_rw',
        preset: 'custom',
        rules: '~cache:* +get +set +ping',
      });
    expect(res.status).toBe(202);
    await finished(res.body.operation.id);
    const nodes = await endpoints();
    const replica = nodes.find(e => e.role === 'replica')!;
    const pid = Number(
      (
        await readFile(
          join(backend.dataDir, id, 'nodes', 'node-1', 'redis.pid'),
          'utf8',
        )
      ).trim(),
    );
    process.kill(pid, 'SIGKILL');
    const back = await waitFor(
      'the replica to come back and take the user',
      async () =>
        (await tryLogin(replica, 'cache_rw', res.body.password)) === 'in'
          ? true
          : undefined,
      30_000,
    );
    expect(back).toBe(true);
    const [primary] = nodes;
    const client = login(primary, 'cache_rw', res.body.password);
    await client.connect();
    expect(await client.set('cache:1', 'v')).toBe('OK');
    await expect(client.del('cache:1')).rejects.toThrow(/NOPERM/);
  });

  it('rotates the app password with a grace period: no session is cut, both passwords work until the old one is retired everywhere', async () => {
    const nodes = await endpoints();
    const { body: before } = await backend.api
      .get(`/api/dbaas/instances/${id}/connection`)
      .set(backend.as(ALICE));
    const session = login(nodes[0], 'app', before.password);
    let closed = false;
    session.on('close', () => {
      closed = true;
    });
    await session.connect();

    const refused = await backend.api
      .post(`/api/dbaas/instances/${id}/users/app/rotate`)
      .set(backend.as(ALICE))
      .send({ graceSeconds: -1 });
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toContain('graceSeconds must be >= 0');
    const notOwner = await backend.api
      .post(`/api/dbaas/instances/${id}/users/app/rotate`)
      .set(backend.as(BOB))
      .send({});
    expect(notOwner.status).toBe(403);

    const res = await backend.api
      .post(`/api/dbaas/instances/${id}/users/app/rotate`)
      .set(backend.as(ALICE))
      .send({ graceSeconds: 2 });
    expect(res.status).toBe(202);
    const fresh: string = res.body.password;
    expect(fresh).not.toBe(before.password);
    expect(res.body.user.passwords).toEqual([
      { createdAt: expect.any(String), retiresAt: expect.any(String) },
      { createdAt: expect.any(String) },
    ]);
    await finished(res.body.operation.id);

    for (const node of nodes) {
      expect(await tryLogin(node, 'app', fresh)).toBe('in');
      expect(await tryLogin(node, 'app', before.password)).toBe('in');
    }
    const { body: after } = await backend.api
      .get(`/api/dbaas/instances/${id}/connection`)
      .set(backend.as(ALICE));
    expect(after.password).toBe(fresh);

    // The grace period ends; the scheduled retirement takes the old one off.
    await new Promise(resolve => setTimeout(resolve, 2100));
    await backend.triggerTask('dbaas-retire-passwords');
    const retirement = await waitFor('the retirement operation', async () => {
      const ops = await backend.api
        .get(`/api/dbaas/instances/${id}/operations`)
        .set(backend.as(ALICE));
      return ops.body.items.find(
        (op: any) => op.type === 'users' && op.params.action === 'retire',
      );
    });
    const done = await finished(retirement.id);
    const log = done.log.map((l: any) => l.message).join('\n');
    // The session opened before the rotation is among those reported.
    expect(log).toMatch(
      /\d+ sessions of app logged in before its new password \(from .*\); they stay open/,
    );
    expect(log).toContain(`127.0.0.1:${(session as any).stream.localPort}`);
    expect(log).toContain(
      'No node of 5 takes the 1 retired password(s) of app',
    );
    for (const node of nodes) {
      expect(await tryLogin(node, 'app', before.password)).toMatch(/WRONGPASS/);
      expect(await tryLogin(node, 'app', fresh)).toBe('in');
    }
    // The session that logged in with the old password was never cut.
    expect(await session.get('orders:1')).toBe('paid');
    expect(closed).toBe(false);
    const { body: app } = await backend.api
      .get(`/api/dbaas/instances/${id}/users/app`)
      .set(backend.as(ALICE));
    expect(app.passwords).toEqual([{ createdAt: expect.any(String) }]);
  });

  it('brings a node that was stopped during a user change in line when the drift check runs', async () => {
    const nodes = await endpoints();
    const sentinel = nodes.filter(e => e.role === 'sentinel');
    const pidOf = async (name: string) =>
      Number(
        (
          await readFile(
            join(backend.dataDir, id, 'nodes', name, 'redis.pid'),
            'utf8',
          )
        ).trim(),
      );
    // A Sentinel that answers nothing while the user is made.
    const stopped = await pidOf('sentinel-0');
    process.kill(stopped, 'SIGSTOP');
    let res;
    try {
      res = await backend.api
        .post(`/api/dbaas/instances/${id}/users`)
        .set(backend.as(ALICE))
        .send({ username: 'late', preset: 'read-only' });
      expect(res.status).toBe(202);
      const done = await finished(res.body.operation.id);
      expect(done.log.map((l: any) => l.message).join('\n')).toMatch(
        /Set the users on 4 nodes; not reached: sentinel-0/,
      );
    } finally {
      process.kill(stopped, 'SIGCONT');
    }
    const outOfLine = (
      await Promise.all(
        sentinel.map(async e => tryLogin(e, 'late', res.body.password)),
      )
    ).filter(outcome => outcome !== 'in');
    expect(outOfLine).toHaveLength(1);

    await backend.triggerTask('dbaas-users-drift');
    const sync = await waitFor('the drift to be noticed', async () => {
      const ops = await backend.api
        .get(`/api/dbaas/instances/${id}/operations`)
        .set(backend.as(ALICE));
      return ops.body.items.find(
        (op: any) => op.type === 'users' && op.params.action === 'sync',
      );
    });
    expect(sync.params.drift).toEqual([
      expect.stringMatching(/^sentinel-0: late is missing/),
    ]);
    await finished(sync.id);
    for (const e of nodes) {
      expect(await tryLogin(e, 'late', res.body.password)).toBe('in');
    }
  });

  it('revokes a user: its sessions are closed and no node lets it in', async () => {
    const nodes = await endpoints();
    const { body } = await backend.api
      .get(`/api/dbaas/instances/${id}/users/reporting/connection`)
      .set(backend.as(ALICE));
    const session = login(nodes[0], 'reporting', body.password);
    let closed = false;
    session.on('close', () => {
      closed = true;
    });
    await session.connect();
    expect(await session.get('orders:1')).toBe('paid');

    const res = await backend.api
      .delete(`/api/dbaas/instances/${id}/users/reporting`)
      .set(backend.as(ALICE));
    expect(res.status).toBe(202);
    const done = await finished(res.body.operation.id);
    expect(done.log.map((l: any) => l.message).join('\n')).toMatch(
      /closed [1-9]\d* sessions of reporting/,
    );
    await waitFor('the session to be closed', async () => closed || undefined);
    for (const node of nodes) {
      expect(await tryLogin(node, 'reporting', body.password)).toMatch(
        /WRONGPASS/,
      );
    }
    const gone = await backend.api
      .get(`/api/dbaas/instances/${id}/users/reporting`)
      .set(backend.as(ALICE));
    expect(gone.status).toBe(404);
  });
});
