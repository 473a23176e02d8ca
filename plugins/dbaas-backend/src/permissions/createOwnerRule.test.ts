import {
  ALICE,
  BOB,
  startDbaasTestBackend,
  validCreateBody,
} from '../__testUtils__/startDbaasTestBackend';
import { mockCredentials } from '@backstage/backend-test-utils';

jest.setTimeout(60_000);

/*
 * With the example app's owner policy (alice is in team-a, bob in team-b):
 * an instance can be created only for an owner the caller belongs to, unless
 * the policy grants more (it allows services anything).
 */
describe('create: only for owners the caller belongs to', () => {
  let backend: Awaited<ReturnType<typeof startDbaasTestBackend>>;

  beforeAll(async () => {
    backend = await startDbaasTestBackend({
      portRange: { start: 19355, end: 19359 },
    });
  });
  afterAll(() => backend.stop());

  async function names() {
    const list = await backend.api
      .get('/api/dbaas/instances')
      .set(backend.as(ALICE));
    return list.body.items.map((i: { name: string }) => i.name);
  }

  it('refuses bob an instance owned by team-a with a 403 naming the rule, and creates nothing', async () => {
    const res = await backend.api
      .post('/api/dbaas/instances')
      .set(backend.as(BOB))
      .send(validCreateBody({ name: 'for-team-a', owner: 'group:team-a' }));
    expect(res.status).toBe(403);
    expect(res.body.error.name).toBe('NotAllowedError');
    expect(res.body.error.message).toBe(
      'owner: you can create instances only for owners you belong to, and group:default/team-a is not one of yours (dbaas.instance.create.owner; a permission policy may grant more)',
    );
    expect(await names()).toEqual([]);
    expect(backend.instanceFolders()).toEqual([]);
  });

  it('still answers a bad request with the 400 of its field first', async () => {
    const res = await backend.api
      .post('/api/dbaas/instances')
      .set(backend.as(BOB))
      .send(validCreateBody({ name: '9lives', owner: 'group:team-a' }));
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(
      /^name: must be 1 to 40 characters: lower-case letters, digits and hyphens, starting with a letter .*; it starts with "9"$/,
    );
  });

  it('lets alice create for her group and bob for himself', async () => {
    const forTeam = await backend.api
      .post('/api/dbaas/instances')
      .set(backend.as(ALICE))
      .send(validCreateBody({ name: 'alices-team', owner: 'group:team-a' }));
    expect(forTeam.status).toBe(202);
    const forBob = await backend.api
      .post('/api/dbaas/instances')
      .set(backend.as(BOB))
      .send(validCreateBody({ name: 'bobs-own', owner: BOB }));
    expect(forBob.status).toBe(202);
    await backend.waitForOperation(forTeam.body.operation.id);
    await backend.waitForOperation(forBob.body.operation.id, BOB);
    expect((await names()).sort()).toEqual(['alices-team', 'bobs-own']);
  });

  it('lets a caller the policy grants more create for any owner', async () => {
    const res = await backend.api
      .post('/api/dbaas/instances')
      .set({ Authorization: mockCredentials.service.header() })
      .send(validCreateBody({ name: 'by-a-service', owner: 'group:team-b' }));
    expect(res.status).toBe(202);
    expect(res.body.instance.owner).toBe('group:default/team-b');
    await backend.waitForOperation(res.body.operation.id, undefined);
  });
});
