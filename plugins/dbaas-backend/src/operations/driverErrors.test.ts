import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import {
  Driver,
  dbaasDriversExtensionPoint,
  PlatformRejectedError,
  PlatformUnavailableError,
} from '@justmanage/plugin-dbaas-node';
import { LocalDriver } from '@justmanage/plugin-dbaas-backend-module-local';
import {
  ALICE,
  startDbaasTestBackend,
  validCreateBody,
} from '../__testUtils__/startDbaasTestBackend';

jest.setTimeout(60_000);

/**
 * The local driver behind a platform API that answers as real ones do: a
 * 503 twice for an instance named `flaky`, a refused quota for `refused`.
 */
const flakyPlatform = createBackendModule({
  pluginId: 'dbaas',
  moduleId: 'flaky-local',
  register(reg) {
    reg.registerInit({
      deps: {
        drivers: dbaasDriversExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
      },
      async init({ drivers, config, logger }) {
        const local = LocalDriver.fromConfig(config, { logger });
        let unavailable = 2;
        const driver: Driver = {
          id: 'local',
          start: () => local.start(),
          stop: () => local.stop(),
          capabilities: () => local.capabilities(),
          async provision(spec, ctx) {
            if (spec.name === 'flaky' && unavailable-- > 0) {
              throw new PlatformUnavailableError(
                '503 Service Unavailable: the scheduler is electing a leader',
              );
            }
            if (spec.name === 'refused') {
              throw new PlatformRejectedError(
                'quota exceeded: region local allows 0 more instances for team-a',
              );
            }
            return local.provision(spec, ctx);
          },
          update: (spec, ctx) => local.update(spec, ctx),
          deprovision: (id, ctx) => local.deprovision(id, ctx),
          observe: id => local.observe(id),
          list: () => local.list(),
        };
        drivers.addDriver(driver);
      },
    });
  },
});

describe('driver errors in operations', () => {
  let backend: Awaited<ReturnType<typeof startDbaasTestBackend>>;

  beforeAll(async () => {
    backend = await startDbaasTestBackend({
      portRange: { start: 18980, end: 18989 },
      driverModule: flakyPlatform,
    });
  });

  afterAll(() => backend?.stop());

  async function create(name: string) {
    const res = await backend.api
      .post('/api/dbaas/instances')
      .set(backend.as(ALICE))
      .send(validCreateBody({ name }));
    expect(res.status).toBe(202);
    return backend.waitForOperation(res.body.operation.id);
  }

  it('retries a step the platform could not do now, saying why, and succeeds', async () => {
    const operation = await create('flaky');
    expect(operation.status).toBe('succeeded');
    const provision = operation.steps.find((s: any) => s.name === 'provision');
    expect(provision.attempts).toBe(3);
    const warnings = operation.log
      .filter((l: any) => l.level === 'warn')
      .map((l: any) => l.message);
    expect(warnings).toEqual([
      expect.stringMatching(
        /^Step provision failed \(attempt 1 of 3\), retrying in 500 ms: 503 Service Unavailable: the scheduler is electing a leader$/,
      ),
      expect.stringMatching(/attempt 2 of 3.*503 Service Unavailable/),
    ]);
  });

  it('fails at once, with the platform’s words, when the platform refuses', async () => {
    const operation = await create('refused');
    expect(operation.status).toBe('failed');
    expect(operation.error).toBe(
      'quota exceeded: region local allows 0 more instances for team-a',
    );
    const provision = operation.steps.find((s: any) => s.name === 'provision');
    expect(provision).toMatchObject({ status: 'failed', attempts: 1 });
    const instance = await backend.api
      .get(`/api/dbaas/instances/${operation.instanceId}`)
      .set(backend.as(ALICE));
    expect(instance.body.status).toBe('failed');
  });
});
