import { setupServer } from 'msw/node';
import {
  mockServices,
  registerMswTestHooks,
  startTestBackend,
} from '@backstage/backend-test-utils';
import {
  TemplateAction,
  scaffolderActionsExtensionPoint,
} from '@backstage/plugin-scaffolder-node';
import scaffolderModuleDbaas from '.';
import { fakeDbaasApi } from './__testUtils__/fakeDbaasApi';
import { taskContext } from './__testUtils__/actionContext';

const server = setupServer();
registerMswTestHooks(server);

async function startModule(config: object) {
  const actions: TemplateAction<any, any, any>[] = [];
  const backend = await startTestBackend({
    extensionPoints: [
      [
        scaffolderActionsExtensionPoint,
        { addActions: (...added: any[]) => actions.push(...added) },
      ],
    ],
    features: [
      scaffolderModuleDbaas,
      mockServices.discovery.factory(),
      mockServices.rootConfig.factory({ data: config }),
    ],
  });
  return { backend, actions };
}

describe('scaffolderModuleDbaas', () => {
  it('adds dbaas:redis:create and dbaas:redis:delete to the scaffolder', async () => {
    const { backend, actions } = await startModule({});
    expect(actions.map(a => [a.id, a.supportsDryRun])).toEqual([
      ['dbaas:redis:create', true],
      ['dbaas:redis:delete', true],
    ]);
    await backend.stop();
  });

  it('waits for operations as long as scaffolder.dbaas.operationTimeoutMinutes says', async () => {
    const dbaas = fakeDbaasApi({ outcome: { type: 'hang' } });
    server.use(...dbaas.handlers);
    const { backend, actions } = await startModule({
      scaffolder: { dbaas: { operationTimeoutMinutes: 0.005 } },
    });
    const create = actions.find(a => a.id === 'dbaas:redis:create')!;
    const { ctx } = taskContext(create, {
      input: {
        name: 'checkout-cache',
        engine: 'redis',
        version: '7.0.15',
        platform: 'local',
        region: 'local',
        plan: 'small',
      },
    });

    await expect(create.handler(ctx)).rejects.toThrow(
      /did not finish within 300 ms/,
    );
    // the client of dbaasServiceRef reached the API as the task's user
    expect(dbaas.instances()).toMatchObject([
      { name: 'checkout-cache', createdBy: 'user:default/alice' },
    ]);
    dbaas.close();
    await backend.stop();
  });
});
