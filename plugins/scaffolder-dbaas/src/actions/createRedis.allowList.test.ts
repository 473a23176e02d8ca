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

describe('dbaas:redis:create with allowed networks', () => {
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
  const posted = () =>
    dbaas.requests
      .filter(r => r.method === 'POST')
      .map(r => (r.body as { allowList?: unknown }).allowList);

  it('passes the networks a form typed, and none when left empty', async () => {
    await action.handler(
      taskContext(action, {
        input: { ...input, allowedNetworks: '10.0.0.0/8, 192.168.1.0/24' },
      }).ctx,
    );
    await action.handler(
      taskContext(action, {
        input: { ...input, name: 'listed', allowedNetworks: 'fd00::/8' },
      }).ctx,
    );
    await action.handler(
      taskContext(action, {
        input: { ...input, name: 'unsaid', allowedNetworks: '  ' },
      }).ctx,
    );
    expect(posted()).toEqual([
      { cidrs: ['10.0.0.0/8', '192.168.1.0/24'] },
      { cidrs: ['fd00::/8'] },
      undefined,
    ]);
  });

  it('refuses a wrong network before calling anything, naming the form field and the rule', async () => {
    const { ctx } = taskContext(action, {
      input: { ...input, allowedNetworks: '10.0.0.0/8 10.1.2.3/16' },
      isDryRun: true,
    });
    await expect(action.handler(ctx)).rejects.toMatchObject({
      name: 'InputError',
      message:
        "allowedNetworks (network 2): '10.1.2.3/16' has host bits set; the network is 10.1.0.0/16",
    });
    expect(dbaas.requests).toEqual([]);
  });
});
