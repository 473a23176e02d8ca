import { ALICE } from '../__testUtils__/startDbaasTestBackend';
import { startActionsTestBackend } from './__testUtils__/startActionsTestBackend';

jest.setTimeout(60_000);

type Backend = Awaited<ReturnType<typeof startActionsTestBackend>>;

const NORMAL = 'Sun 02:00-03:00 Asia/Kolkata (IST)';

describe('set-upgrade-policy with the instruction in plain English', () => {
  let backend: Backend;
  let id: string;

  beforeAll(async () => {
    backend = await startActionsTestBackend({ start: 19310, end: 19319 });
    id = await backend.createInstance({ name: 'told-in-words' });
  });
  afterAll(() => backend?.stop());

  const policyOverRest = async () =>
    (
      await backend.api
        .get(`/api/dbaas/instances/${id}/upgrade-policy`)
        .set(backend.as(ALICE))
    ).body;

  it('sets auto-patch in Sun 02:00-03:00 Asia/Kolkata from the sentence, keeping blackout dates', async () => {
    await backend.api
      .put(`/api/dbaas/instances/${id}/upgrade-policy`)
      .set(backend.as(ALICE))
      .send({ mode: 'manual', blackoutDates: ['2026-12-27'] })
      .expect(200);

    const res = await backend.invoke(ALICE, 'set-upgrade-policy', {
      instance: 'told-in-words',
      instruction:
        'Upgrade patch versions automatically only on Sundays from 2 am IST to 3 am IST',
    });
    expect(res.status).toBe(200);
    expect(res.body.output).toMatchObject({
      mode: 'auto-patch',
      securityOnly: false,
      windows: [{ phrase: NORMAL }],
      blackoutDates: ['2026-12-27'],
    });
    const rest = await policyOverRest();
    expect(rest).toMatchObject({
      mode: 'auto-patch',
      windows: [
        {
          phrase: NORMAL,
          window: {
            days: [7],
            start: '02:00',
            end: '03:00',
            timeZone: 'Asia/Kolkata',
          },
        },
      ],
      blackoutDates: ['2026-12-27'],
    });
  });

  it('sets manual from "Never upgrade automatically"', async () => {
    const res = await backend.invoke(ALICE, 'set-upgrade-policy', {
      instance: 'told-in-words',
      instruction: 'Never upgrade automatically',
    });
    expect(res.status).toBe(200);
    expect(res.body.output).toMatchObject({ mode: 'manual', windows: [] });
  });

  it.each([
    [
      {
        instruction:
          'Upgrade major versions automatically on Sundays 2-3am IST',
      },
      'instruction: Minor and major upgrades are never automatic ("Upgrade major versions automatically"): only patch versions are upgraded automatically; start minor and major upgrades from the Upgrades card',
    ],
    [
      { instruction: 'whenever it is quiet' },
      'instruction: Cannot read "whenever it is quiet": say what is upgraded and when, e.g. "Upgrade patch versions automatically on Sundays from 2 am to 3 am IST"',
    ],
    [
      {
        instruction: 'Apply patches automatically on Sundays 2-3am IST',
        window: 'Sundays 02:00-03:00 UTC',
        mode: 'auto-patch',
      },
      'instruction: give either the instruction or window, mode, not both; the instruction says the mode and the windows itself',
    ],
  ])(
    'refuses %j with a 400 naming the field, changing nothing',
    async (input, message) => {
      const before = await policyOverRest();
      const res = await backend.invoke(ALICE, 'set-upgrade-policy', {
        instance: 'told-in-words',
        ...input,
      });
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({ name: 'InputError', message });
      expect(await policyOverRest()).toEqual(before);
    },
  );
});
