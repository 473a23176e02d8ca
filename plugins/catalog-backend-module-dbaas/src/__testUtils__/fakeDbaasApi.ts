import { http, HttpResponse } from 'msw';
import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';
import type { Instance } from '@justmanage/plugin-dbaas-common';

/** Where mockServices.discovery() puts the dbaas backend. */
export const DBAAS_BASE_URL = 'http://localhost:0/api/dbaas';

export function sampleInstance(overrides: Partial<Instance> = {}): Instance {
  return {
    id: '3f1c2a9e-8d5b-4c7a-9e21-0b6d4f3a1c11',
    name: 'checkout-cache',
    owner: 'group:default/team-a',
    description: 'Cart sessions',
    system: 'system:default/checkout',
    engine: 'redis',
    version: '7.0.15',
    platform: 'local',
    region: 'local',
    resources: { memoryMb: 256, cpu: 1, diskGb: 1 },
    persistence: 'rdb',
    maxmemoryPolicy: 'noeviction',
    config: {},
    replicas: 0,
    status: 'running',
    endpoints: [
      { role: 'primary', host: '127.0.0.1', port: 17960, tls: false },
    ],
    createdBy: 'user:default/guest',
    createdAt: '2026-11-21T10:00:00.000Z',
    updatedAt: '2026-11-21T10:00:00.000Z',
    ...overrides,
  };
}

/**
 * The list endpoint of the dbaas API, holding its instances in a map the
 * test changes. Tokens are checked as the dbaas backend's own (mock) auth
 * service would, and a user sees only what they own, as under the owner
 * policy; only service principals see everything.
 */
export function fakeDbaasApi() {
  const instances = new Map<string, Instance>();
  const callers: BackstageCredentials[] = [];
  const dbaasAuth = mockServices.auth({ pluginId: 'dbaas' });
  let outage = false;

  const handlers = [
    http.get(`${DBAAS_BASE_URL}/instances`, async ({ request }) => {
      if (outage) {
        return HttpResponse.json(
          { error: { name: 'ServiceUnavailableError', message: 'down' } },
          { status: 503 },
        );
      }
      const token =
        request.headers.get('authorization')?.replace(/^Bearer /, '') ?? '';
      const credentials = await dbaasAuth.authenticate(token);
      callers.push(credentials);
      const principal = credentials.principal as {
        type: string;
        userEntityRef?: string;
      };
      const items = [...instances.values()].filter(
        instance =>
          principal.type === 'service' ||
          instance.owner === principal.userEntityRef,
      );
      return HttpResponse.json({ items });
    }),
  ];

  return {
    handlers,
    callers,
    add(instance: Instance) {
      instances.set(instance.id, instance);
    },
    remove(id: string) {
      instances.delete(id);
    },
    setOutage(value: boolean) {
      outage = value;
    },
  };
}
