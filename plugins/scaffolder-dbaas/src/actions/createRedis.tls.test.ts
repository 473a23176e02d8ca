import { setupServer } from 'msw/node';
import { registerMswTestHooks } from '@backstage/backend-test-utils';
import { createDbaasRedisCreateAction } from './createRedis';
import { fakeDbaasApi } from '../__testUtils__/fakeDbaasApi';
import { realDbaasService, taskContext } from '../__testUtils__/actionContext';

const server = setupServer();
registerMswTestHooks(server);

const input = {
  name: 'checkout-cache',
  owner: 'group:default/team-a',
  engine: 'redis' as const,
  version: '7.0.15',
  platform: 'local',
  region: 'local',
  plan: 'small' as const,
};

describe('dbaas:redis:create with TLS', () => {
  let dbaas: ReturnType<typeof fakeDbaasApi>;
  beforeEach(() => {
    dbaas = fakeDbaasApi();
    server.use(...dbaas.handlers);
  });
  afterEach(() => dbaas.close());

  const action = createDbaasRedisCreateAction({
    dbaas: realDbaasService(),
    operationTimeoutMs: 10_000,
  });
  const tlsPosted = () =>
    dbaas.requests
      .filter(r => r.method === 'POST')
      .map(r => (r.body as { tls?: string }).tls);

  it('asks for TLS when the form requires it, and for none otherwise', async () => {
    await action.handler(
      taskContext(action, { input: { ...input, tls: 'required' } }).ctx,
    );
    await action.handler(
      taskContext(action, {
        input: { ...input, name: 'plain', tls: 'disabled' },
      }).ctx,
    );
    await action.handler(
      taskContext(action, { input: { ...input, name: 'unsaid' } }).ctx,
    );
    expect(tlsPosted()).toEqual(['required', 'disabled', 'disabled']);
    expect(dbaas.instances().map(i => [i.name, i.tls])).toEqual([
      ['checkout-cache', 'required'],
      ['plain', 'disabled'],
      ['unsaid', 'disabled'],
    ]);
  });

  it('outputs a rediss:// URL and a redis-cli line trusting the CA file the Redis tab downloads', async () => {
    const { ctx, outputs } = taskContext(action, {
      input: { ...input, tls: 'required' },
    });
    await action.handler(ctx);
    const port = dbaas.instances()[0].endpoints[0].port;
    expect(outputs()).toMatchObject({
      url: `rediss://127.0.0.1:${port}`,
      redisCli: `redis-cli --tls --cacert checkout-cache-ca.pem -h 127.0.0.1 -p ${port} --user app --askpass`,
    });
  });

  it('shows TLS in the placeholders of a dry run', async () => {
    const { ctx, outputs } = taskContext(action, {
      input: { ...input, tls: 'required' },
      isDryRun: true,
    });
    await action.handler(ctx);
    expect(outputs()).toMatchObject({
      url: 'rediss://dry-run.invalid:6379',
      redisCli:
        'redis-cli --tls --cacert checkout-cache-ca.pem -h dry-run.invalid -p 6379 --user app --askpass',
    });
    expect(dbaas.requests).toEqual([]);
  });

  it("passes on the platform's refusal of TLS with replicas, naming tls", async () => {
    const { ctx } = taskContext(action, {
      input: { ...input, tls: 'required', replicas: 1 },
    });
    await expect(action.handler(ctx)).rejects.toMatchObject({
      name: 'InputError',
      message: expect.stringContaining(
        'tls: platform edge serves TLS on standalone instances only so far; use replicas 0',
      ),
    });
    expect(dbaas.instances()).toEqual([]);
  });

  it('refuses a mode the API does not know before calling anything', async () => {
    const { ctx } = taskContext(action, {
      input: { ...input, tls: 'preferred' as 'required' },
      isDryRun: true,
    });
    await expect(action.handler(ctx)).rejects.toThrow(
      "tls: must be 'disabled' or 'required'",
    );
  });
});
