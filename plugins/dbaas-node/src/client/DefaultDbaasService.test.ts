import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { DefaultDbaasService } from './DefaultDbaasService';

function userCredentials(userEntityRef: string): BackstageCredentials {
  return {
    $$type: '@backstage/BackstageCredentials',
    principal: { type: 'user', userEntityRef },
  };
}

const alice = userCredentials('user:default/alice');
const bob = userCredentials('user:default/bob');

describe('DefaultDbaasService', () => {
  let issued: Array<{ onBehalfOf: BackstageCredentials; target: string }>;
  let sent: Array<{ url: string; authorization: string | null }>;
  let service: DefaultDbaasService;

  beforeEach(() => {
    issued = [];
    sent = [];
    service = DefaultDbaasService.create({
      discovery: {
        getBaseUrl: async pluginId => `http://backend.test/api/${pluginId}`,
      },
      auth: {
        // Every token is new, so a reused token shows up in the test.
        getPluginRequestToken: async ({ onBehalfOf, targetPluginId }) => {
          issued.push({ onBehalfOf, target: targetPluginId });
          return { token: `token-${issued.length}` };
        },
      },
    });
    jest.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
      sent.push({
        url: String(input),
        authorization: new Headers(init?.headers).get('authorization'),
      });
      return Response.json({ items: [] });
    });
  });

  afterEach(() => jest.restoreAllMocks());

  it('asks for a fresh dbaas token on behalf of the credentials for each request', async () => {
    const client = service.forCredentials(alice);

    await client.listInstances();
    await client.listInstances({ query: { name: 'checkout-cache' } });

    expect(issued).toEqual([
      { onBehalfOf: alice, target: 'dbaas' },
      { onBehalfOf: alice, target: 'dbaas' },
    ]);
    expect(sent).toEqual([
      {
        url: 'http://backend.test/api/dbaas/instances',
        authorization: 'Bearer token-1',
      },
      {
        url: 'http://backend.test/api/dbaas/instances?name=checkout-cache',
        authorization: 'Bearer token-2',
      },
    ]);
  });

  it('keeps the clients of different credentials apart', async () => {
    const forAlice = service.forCredentials(alice);
    const forBob = service.forCredentials(bob);

    await forBob.listInstances();
    await forAlice.listInstances();

    expect(issued.map(i => i.onBehalfOf)).toEqual([bob, alice]);
    expect(sent.map(s => s.authorization)).toEqual([
      'Bearer token-1',
      'Bearer token-2',
    ]);
  });

  it('sends the token of the credentials, not one given to the call', async () => {
    await service
      .forCredentials(alice)
      .getInstance('i-1', { token: 'someone-else' });

    expect(sent).toEqual([
      {
        url: 'http://backend.test/api/dbaas/instances/i-1',
        authorization: 'Bearer token-1',
      },
    ]);
  });

  it('keeps the headers the request has, such as the idempotency key', async () => {
    let headers = new Headers();
    jest.mocked(fetch).mockImplementation(async (_input, init) => {
      headers = new Headers(init?.headers);
      return Response.json({}, { status: 202 });
    });

    await service.forCredentials(alice).createInstance({
      headers: { 'Idempotency-Key': 'task-1' },
      body: {
        name: 'checkout-cache',
        owner: 'group:default/team-a',
        engine: 'redis',
        version: '7.0.15',
        platform: 'local',
        region: 'local',
        resources: { memoryMb: 256, cpu: 1, diskGb: 1 },
      },
    });

    expect(Object.fromEntries(headers)).toEqual({
      authorization: 'Bearer token-1',
      'content-type': 'application/json',
      'idempotency-key': 'task-1',
    });
  });
});
