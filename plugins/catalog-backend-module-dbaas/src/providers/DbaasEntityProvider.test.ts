import { setupServer } from 'msw/node';
import {
  mockServices,
  registerMswTestHooks,
  startTestBackend,
} from '@backstage/backend-test-utils';
import {
  EntityProvider,
  EntityProviderMutation,
  catalogProcessingExtensionPoint,
} from '@backstage/plugin-catalog-node';
import { catalogModuleDbaas } from '../module';
import { fakeDbaasApi, sampleInstance } from '../__testUtils__/fakeDbaasApi';

const server = setupServer();
registerMswTestHooks(server);

const REFRESH_TASK = 'dbaas-entity-provider:refresh';

/**
 * The module in a test backend: the real dbaas client (discovery, plugin
 * tokens) against the fake API, the mock scheduler so a test decides when
 * the task runs, and a catalog connection that records mutations.
 */
async function startProvider(config: object = {}) {
  const dbaas = fakeDbaasApi();
  server.use(...dbaas.handlers);
  const scheduler = mockServices.scheduler() as ReturnType<
    typeof mockServices.scheduler
  > & {
    factory(options?: { skipTaskRunOnStartup?: boolean }): any;
    triggerTask(id: string): Promise<void>;
  };
  const createRunner = jest.spyOn(scheduler, 'createScheduledTaskRunner');
  const providers: EntityProvider[] = [];
  const backend = await startTestBackend({
    extensionPoints: [
      [
        catalogProcessingExtensionPoint,
        { addEntityProvider: (...p: any[]) => providers.push(...p.flat()) },
      ],
    ],
    features: [
      catalogModuleDbaas,
      scheduler.factory({ skipTaskRunOnStartup: true }),
      mockServices.discovery.factory(),
      mockServices.rootConfig.factory({
        data: { app: { baseUrl: 'http://localhost:3000' }, ...config },
      }),
    ],
  });

  const mutations: EntityProviderMutation[] = [];
  expect(providers).toHaveLength(1);
  await providers[0].connect({
    applyMutation: async mutation => {
      mutations.push(mutation);
    },
    refresh: async () => {},
  });

  /** The names of the entities the last refresh gave the catalog. */
  async function refreshedNames() {
    const before = mutations.length;
    await scheduler.triggerTask(REFRESH_TASK);
    expect(mutations).toHaveLength(before + 1);
    const last = mutations[mutations.length - 1];
    if (last.type !== 'full') throw new Error('expected a full mutation');
    return last.entities.map(e => e.entity.metadata.name);
  }

  return { backend, dbaas, scheduler, createRunner, mutations, refreshedNames };
}

describe('DbaasEntityProvider', () => {
  it('puts created instances into the catalog and takes deleted ones out', async () => {
    const { backend, dbaas, mutations, refreshedNames } = await startProvider();

    expect(await refreshedNames()).toEqual([]);

    const first = sampleInstance({ id: 'i-1', name: 'checkout-cache' });
    dbaas.add(first);
    expect(await refreshedNames()).toEqual(['checkout-cache']);
    const last = mutations[mutations.length - 1];
    expect(last).toEqual({
      type: 'full',
      entities: [
        {
          locationKey: 'dbaas-entity-provider',
          entity: expect.objectContaining({
            kind: 'Resource',
            metadata: expect.objectContaining({
              name: 'checkout-cache',
              annotations: expect.objectContaining({
                'justmanage.io/instance-id': 'i-1',
                'backstage.io/managed-by-location':
                  'url:http://localhost:0/api/dbaas/instances/i-1',
              }),
              links: [
                {
                  url: 'http://localhost:3000/catalog/default/resource/checkout-cache/redis',
                  title: 'Redis',
                },
              ],
            }),
            spec: {
              type: 'redis',
              owner: 'group:default/team-a',
              system: 'system:default/checkout',
            },
          }),
        },
      ],
    });

    dbaas.add(
      sampleInstance({
        id: 'i-2',
        name: 'search-cache',
        owner: 'group:default/team-b',
      }),
    );
    expect(await refreshedNames()).toEqual(['checkout-cache', 'search-cache']);

    dbaas.remove('i-1');
    expect(await refreshedNames()).toEqual(['search-cache']);

    dbaas.remove('i-2');
    expect(await refreshedNames()).toEqual([]);
    await backend.stop();
  });

  it("lists with the catalog's own service credentials, so it sees every owner's instances", async () => {
    const { backend, dbaas, refreshedNames } = await startProvider();
    dbaas.add(
      sampleInstance({ id: 'a', name: 'a', owner: 'group:default/team-a' }),
    );
    dbaas.add(
      sampleInstance({ id: 'b', name: 'b', owner: 'user:default/bob' }),
    );

    expect(await refreshedNames()).toEqual(['a', 'b']);
    expect(dbaas.callers.map(c => c.principal)).toEqual([
      { type: 'service', subject: 'plugin:catalog' },
    ]);
    await backend.stop();
  });

  it('keeps the entities it has when the dbaas backend cannot be reached', async () => {
    const { backend, dbaas, scheduler, mutations, refreshedNames } =
      await startProvider();
    dbaas.add(sampleInstance());
    expect(await refreshedNames()).toEqual(['checkout-cache']);

    dbaas.setOutage(true);
    const before = mutations.length;
    await scheduler.triggerTask(REFRESH_TASK);
    // No mutation at all: an empty full mutation would delete the entities.
    expect(mutations).toHaveLength(before);

    dbaas.setOutage(false);
    expect(await refreshedNames()).toEqual(['checkout-cache']);
    await backend.stop();
  });

  it('refreshes every 5 seconds on one replica at a time by default', async () => {
    const { backend, createRunner } = await startProvider();
    expect(createRunner).toHaveBeenCalledWith({
      frequency: { seconds: 5 },
      timeout: { seconds: 60 },
      scope: 'global',
    });
    await backend.stop();
  });

  it('takes its schedule from catalog.providers.dbaas.schedule', async () => {
    const { backend, createRunner } = await startProvider({
      catalog: {
        providers: {
          dbaas: {
            schedule: { frequency: { minutes: 1 }, timeout: { seconds: 20 } },
          },
        },
      },
    });
    expect(createRunner).toHaveBeenCalledWith(
      expect.objectContaining({
        frequency: { minutes: 1 },
        timeout: { seconds: 20 },
        scope: 'global',
      }),
    );
    await backend.stop();
  });
});
