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

describe('dbaas:redis:create with an upgrade policy', () => {
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
  const policyPosted = () =>
    dbaas.requests
      .filter(r => r.method === 'POST')
      .map(r => (r.body as { upgradePolicy?: unknown }).upgradePolicy);

  it('passes automatic patch upgrades with the window phrase, and nothing when the form left it manual', async () => {
    await action.handler(
      taskContext(action, {
        input: {
          ...input,
          upgradeMode: 'auto-patch',
          maintenanceWindow: 'Sundays 02:00-03:00 IST',
          securityOnly: true,
        },
      }).ctx,
    );
    await action.handler(
      taskContext(action, {
        input: {
          ...input,
          name: 'left-manual',
          upgradeMode: 'manual',
          // the form's default phrase, hidden while manual is chosen
          maintenanceWindow: 'Sundays 02:00-03:00 UTC',
        },
      }).ctx,
    );
    await action.handler(
      taskContext(action, { input: { ...input, name: 'no-policy' } }).ctx,
    );
    expect(policyPosted()).toEqual([
      {
        mode: 'auto-patch',
        securityOnly: true,
        windows: ['Sundays 02:00-03:00 IST'],
        blackoutDates: [],
      },
      { mode: 'manual', securityOnly: false, windows: [], blackoutDates: [] },
      undefined,
    ]);
  });

  it('refuses a phrase it cannot read before calling anything, in a dry run too', async () => {
    for (const isDryRun of [true, false]) {
      const { ctx } = taskContext(action, {
        input: {
          ...input,
          upgradeMode: 'auto-patch',
          maintenanceWindow: 'Sundays 2-3 IST',
        },
        isDryRun,
      });
      await expect(action.handler(ctx)).rejects.toThrow(
        'upgradePolicy.windows.0: Start time "2" needs minutes or am/pm, e.g. 02:00 or 2am',
      );
    }
    expect(dbaas.requests).toEqual([]);
  });

  it('refuses auto-patch without a window', async () => {
    const { ctx } = taskContext(action, {
      input: { ...input, upgradeMode: 'auto-patch', maintenanceWindow: ' ' },
      isDryRun: true,
    });
    await expect(action.handler(ctx)).rejects.toThrow(
      'upgradePolicy.windows: auto-patch needs at least one maintenance window',
    );
  });
});
