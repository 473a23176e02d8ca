import {
  ALICE,
  BOB,
  validCreateBody,
} from '../__testUtils__/startDbaasTestBackend';
import { startActionsTestBackend } from './__testUtils__/startActionsTestBackend';

jest.setTimeout(60_000);

type Backend = Awaited<ReturnType<typeof startActionsTestBackend>>;

/**
 * An action must never do what the REST API refuses: bob (team-b) may read
 * team-a's instance but not touch it or see its password, whichever way he
 * asks; bad input is a 400 that names the field.
 */
describe('dbaas actions refuse what the REST API refuses', () => {
  let backend: Backend;
  let id: string;

  beforeAll(async () => {
    backend = await startActionsTestBackend({ start: 19210, end: 19219 });
    id = await backend.createInstance({ name: 'team-a-cache' });
  });
  afterAll(() => backend?.stop());

  it.each([
    ['get-connection-details', {}, 'instance-credentials-read'],
    ['resize-instance', { memoryMb: 128 }, 'instance-update'],
    [
      'set-upgrade-policy',
      { window: 'Sundays 02:00-03:00 UTC' },
      'instance-upgrade-policy-update',
    ],
    [
      'preview-upgrade',
      { engine: 'redis', version: '7.0.15' },
      'instance-upgrade',
    ],
    [
      'upgrade-instance',
      { engine: 'redis', version: '7.0.15' },
      'instance-upgrade',
    ],
    ['delete-instance', {}, 'instance-delete'],
  ])(
    'refuses %s to another team, as the route does, and audits the refusal',
    async (name, input, eventId) => {
      const before = backend.audited(eventId).length;
      const res = await backend.invoke(BOB, name, {
        instance: 'team-a-cache',
        ...input,
      });
      expect(res.status).toBe(403);
      expect(res.body.error.name).toBe('NotAllowedError');
      expect(JSON.stringify(res.body)).not.toMatch(/password/);
      expect(backend.audited(eventId).slice(before)).toEqual([
        expect.objectContaining({
          outcome: 'failure',
          error: expect.stringMatching(/^NotAllowedError/),
          meta: expect.objectContaining({ instanceId: id, actor: BOB }),
        }),
      ]);
    },
  );

  it('leaves the instance as it was after the refusals', async () => {
    const res = await backend.invoke(BOB, 'get-instance', {
      instance: 'team-a-cache',
    });
    expect(res.status).toBe(200);
    expect(res.body.output.instance).toMatchObject({
      status: 'running',
      resources: { memoryMb: 64 },
    });
    const policy = await backend.api
      .get(`/api/dbaas/instances/${id}/upgrade-policy`)
      .set(backend.as(ALICE));
    expect(policy.body.mode).toBe('manual');
  });

  it('refuses callers without credentials', async () => {
    const res = await backend.invoke(undefined, 'list-instances', {});
    expect(res.status).toBe(401);
  });

  it('answers 404 for an instance that does not exist', async () => {
    const res = await backend.invoke(ALICE, 'get-instance', {
      instance: 'no-such-cache',
    });
    expect(res.status).toBe(404);
    expect(res.body.error.message).toMatch(/no-such-cache/);
  });

  it.each([
    [
      'a name the platform cannot use',
      'create-instance',
      validCreateBody({ name: 'Not_A_Label' }),
      /^name: must be 1 to 40 characters: lower-case letters, digits and hyphens, starting with a letter/,
    ],
    [
      'a missing field',
      'create-instance',
      { ...validCreateBody({ name: 'no-size' }), resources: undefined },
      /"resources"/,
    ],
    [
      'a window phrase that cannot be read',
      'set-upgrade-policy',
      { instance: 'team-a-cache', window: 'Sundays 02:00-03:00' },
      /^window: No time zone/,
    ],
    [
      'auto-patch without a window',
      'set-upgrade-policy',
      { instance: 'team-a-cache' },
      /^window: auto-patch needs a maintenance window/,
    ],
    [
      'a resize without a size',
      'resize-instance',
      { instance: 'team-a-cache' },
      /^memoryMb: /,
    ],
    [
      'a version that is no candidate',
      'preview-upgrade',
      { instance: 'team-a-cache', engine: 'redis', version: '1.0.0' },
      /^version: redis 1\.0\.0 is not a candidate/,
    ],
  ])(
    'refuses %s with a 400 naming the field',
    async (_, name, input, message) => {
      const res = await backend.invoke(ALICE, name, input);
      expect(res.status).toBe(400);
      expect(res.body.error.name).toBe('InputError');
      expect(res.body.error.message).toMatch(message);
    },
  );

  it('creates nothing for a refused create', async () => {
    const res = await backend.invoke(ALICE, 'list-instances', {});
    expect(res.body.output.items.map((i: any) => i.name)).toEqual([
      'team-a-cache',
    ]);
    expect(backend.instanceFolders()).toHaveLength(1);
  });
});
