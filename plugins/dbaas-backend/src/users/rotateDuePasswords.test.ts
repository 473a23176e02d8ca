import Redis from 'ioredis';
import { Knex } from 'knex';
import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import {
  serverPidsUnder,
  waitFor,
} from '@justmanage/plugin-dbaas-node-test-utils';
import {
  ALICE,
  startDbaasTestBackend,
} from '../__testUtils__/startDbaasTestBackend';
import {
  ROTATE_PASSWORDS_TASK,
  ROTATION_SCHEDULE_ACTOR,
} from './rotateDuePasswords';

jest.setTimeout(180_000);

const HOUR = 3_600_000;

/**
 * The scheduled rotation against a real backend on SQLite and a real
 * redis-server: the clock is not moved, the last rotation is made older
 * in the database instead.
 */
describe('scheduled password rotation', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
  let knex: Knex;
  let backend: Awaited<ReturnType<typeof startDbaasTestBackend>>;
  let id: string;
  const passwords = new Map<string, string>();

  async function tryLogin(username: string, password: string) {
    const { body } = await backend.api
      .get(`/api/dbaas/instances/${id}`)
      .set(backend.as(ALICE));
    const [primary] = body.endpoints;
    const client = new Redis({
      host: primary.host,
      port: primary.port,
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

  async function rotationsOf(username: string) {
    const { body } = await backend.api
      .get(`/api/dbaas/instances/${id}/operations`)
      .set(backend.as(ALICE));
    return body.items.filter(
      (op: any) =>
        op.type === 'users' &&
        op.params.action === 'rotate' &&
        op.params.username === username,
    );
  }

  /** Makes every password of the user, its last rotation, `hours` old. */
  async function age(username: string, hours: number) {
    await knex('dbaas_acl_passwords')
      .where({ instance_id: id, username })
      .update({
        created_at: new Date(Date.now() - hours * HOUR).toISOString(),
      });
  }

  async function schedule(username: string, body: object) {
    const res = await backend.api
      .put(`/api/dbaas/instances/${id}/users/${username}/rotation`)
      .set(backend.as(ALICE))
      .send(body);
    expect(res.status).toBe(200);
    return res.body;
  }

  beforeAll(async () => {
    knex = await databases.init('SQLITE_3');
    backend = await startDbaasTestBackend({
      portRange: { start: 19450, end: 19459 },
      features: [mockServices.database.factory({ knex })],
    });
    id = await backend.createInstance({ name: 'rotating' });
    for (const username of ['due_user', 'fresh_user', 'never_user']) {
      const res = await backend.api
        .post(`/api/dbaas/instances/${id}/users`)
        .set(backend.as(ALICE))
        .send({ username, preset: 'read-only' });
      if (res.status !== 202) throw new Error(JSON.stringify(res.body));
      passwords.set(username, res.body.password);
      await backend.waitForOperation(res.body.operation.id, ALICE, 60_000);
    }
  });

  afterAll(async () => {
    if (!backend) return;
    const dataDir = backend.dataDir;
    await backend.stop();
    const left = await serverPidsUnder(dataDir);
    if (left.length)
      throw new Error(`Servers left running: ${left.join(', ')}`);
  });

  it('rotates a due user with the schedule’s grace: the new password logs in, the old one too until the grace ends', async () => {
    await schedule('due_user', { everyDays: 1, graceSeconds: 600 });
    await schedule('fresh_user', { everyDays: 1, graceSeconds: 600 });
    await age('due_user', 25);
    await age('never_user', 25 * 400);

    await backend.triggerTask(ROTATE_PASSWORDS_TASK);
    const [rotation] = await waitFor('the scheduled rotation', async () => {
      const found = await rotationsOf('due_user');
      return found.length ? found : undefined;
    });
    expect(rotation.createdBy).toBe(ROTATION_SCHEDULE_ACTOR);
    const done = await backend.waitForOperation(rotation.id, ALICE, 60_000);
    expect({ status: done.status, error: done.error }).toEqual({
      status: 'succeeded',
      error: undefined,
    });

    const { body: connection } = await backend.api
      .get(`/api/dbaas/instances/${id}/users/due_user/connection`)
      .set(backend.as(ALICE));
    const old = passwords.get('due_user')!;
    expect(connection.password).not.toBe(old);
    expect(await tryLogin('due_user', connection.password)).toBe('in');
    expect(await tryLogin('due_user', old)).toBe('in');

    const { body: user } = await backend.api
      .get(`/api/dbaas/instances/${id}/users/due_user`)
      .set(backend.as(ALICE));
    const [retiring, current] = user.passwords;
    expect(
      Date.parse(retiring.retiresAt) - Date.parse(current.createdAt),
    ).toBeGreaterThanOrEqual(599_000);
    expect(user.rotation).toEqual({
      everyDays: 1,
      graceSeconds: 600,
      nextAt: new Date(Date.parse(current.createdAt) + 24 * HOUR).toISOString(),
    });
  });

  it('leaves a user that is not due and one without a schedule alone, and rotates a due one once', async () => {
    await backend.triggerTask(ROTATE_PASSWORDS_TASK);
    await backend.triggerTask(ROTATE_PASSWORDS_TASK);
    expect(await rotationsOf('due_user')).toHaveLength(1);
    expect(await rotationsOf('fresh_user')).toEqual([]);
    expect(await rotationsOf('never_user')).toEqual([]);
    for (const username of ['fresh_user', 'never_user']) {
      expect(await tryLogin(username, passwords.get(username)!)).toBe('in');
    }
  });

  it('never rotates a user whose schedule was turned off', async () => {
    expect(await schedule('fresh_user', { everyDays: null })).toMatchObject({
      rotation: null,
    });
    await age('fresh_user', 25 * 400);
    await backend.triggerTask(ROTATE_PASSWORDS_TASK);
    expect(await rotationsOf('fresh_user')).toEqual([]);
  });

  it('refuses a schedule for a user whose passwords Vault sets, naming the field', async () => {
    await knex('dbaas_acl_users')
      .where({ instance_id: id, username: 'never_user' })
      .update({ managed_by: 'vault' });
    const res = await backend.api
      .put(`/api/dbaas/instances/${id}/users/never_user/rotation`)
      .set(backend.as(ALICE))
      .send({ everyDays: 7 });
    expect({ status: res.status, message: res.body.error?.message }).toEqual({
      status: 409,
      message:
        'everyDays: never_user is managed by vault, which sets its passwords; schedule its rotation there',
    });
  });
});
