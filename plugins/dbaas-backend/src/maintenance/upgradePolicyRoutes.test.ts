import {
  ALICE,
  BOB,
  startDbaasTestBackend,
  validCreateBody,
} from '../__testUtils__/startDbaasTestBackend';

jest.setTimeout(90_000);

/** The API of upgrade policies on a real backend with the local driver. */
describe('upgrade policy API', () => {
  let backend: Awaited<ReturnType<typeof startDbaasTestBackend>>;
  let id: string;

  beforeAll(async () => {
    backend = await startDbaasTestBackend({
      portRange: { start: 18900, end: 18919 },
    });
    const created = await backend.api
      .post('/api/dbaas/instances')
      .set(backend.as(ALICE))
      .send(validCreateBody({ name: 'policy-api' }));
    if (created.status !== 202) {
      throw new Error(`Create answered ${created.status}: ${created.text}`);
    }
    id = created.body.instance.id;
    await backend.waitForOperation(created.body.operation.id);
  });
  afterAll(() => backend?.stop());

  const url = (suffix = '') =>
    `/api/dbaas/instances/${id}/upgrade-policy${suffix}`;
  const get = async () => {
    const res = await backend.api.get(url()).set(backend.as(ALICE));
    expect(res.status).toBe(200);
    return res.body;
  };
  const put = (body: unknown, user = ALICE) =>
    backend.api
      .put(url())
      .set(backend.as(user))
      .send(body as object);

  it('is manual until someone sets a policy', async () => {
    expect(await get()).toEqual({
      instanceId: id,
      mode: 'manual',
      securityOnly: false,
      windows: [],
      blackoutDates: [],
      nextOpenings: [],
    });
  });

  it('echoes "Sundays 02:00-03:00 IST" normalized, with the next three openings, and keeps it', async () => {
    const res = await put({
      mode: 'auto-patch',
      windows: ['Sundays 02:00-03:00 IST'],
      blackoutDates: ['2099-12-25'],
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      mode: 'auto-patch',
      securityOnly: false,
      windows: [
        {
          phrase: 'Sun 02:00-03:00 Asia/Kolkata (IST)',
          window: {
            days: [7],
            start: '02:00',
            end: '03:00',
            timeZone: 'Asia/Kolkata',
            zoneAbbreviation: 'IST',
          },
          notes: [
            expect.stringContaining('IST is read as India Standard Time'),
          ],
        },
      ],
      blackoutDates: ['2099-12-25'],
      updatedBy: ALICE,
    });
    const openings = res.body.nextOpenings as Array<{
      start: string;
      end: string;
    }>;
    expect(openings).toHaveLength(3);
    for (const opening of openings) {
      // 02:00 IST on a Sunday is 20:30 UTC on the Saturday, for an hour.
      expect(new Date(opening.start).getUTCDay()).toBe(6);
      expect(opening.start).toMatch(/T20:30:00\.000Z$/);
      expect(Date.parse(opening.end) - Date.parse(opening.start)).toBe(
        3600_000,
      );
    }
    expect(Date.parse(openings[0].start)).toBeGreaterThan(
      Date.now() - 3600_000,
    );
    expect(await get()).toEqual(res.body);
  });

  it.each([
    [
      {
        mode: 'auto-patch',
        windows: ['Sun 02:00-03:00 UTC', 'Sonday 02:00-03:00 UTC'],
      },
      'windows.1: Unknown day "sonday"',
    ],
    [
      { mode: 'auto-patch', windows: ['Sundays 02:00-03:00'] },
      'windows.0: No time zone',
    ],
    [
      { mode: 'auto-patch' },
      'windows: auto-patch needs at least one maintenance window',
    ],
    [{ mode: 'weekly' }, 'mode: must be manual or auto-patch'],
    [
      { mode: 'manual', blackoutDates: ['25.12.2026'] },
      'blackoutDates.0: must be a date like 2026-12-24',
    ],
  ])(
    'refuses %j with a 400 naming the field, and changes nothing',
    async (body, message) => {
      const before = await get();
      const res = await put(body);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toContain(message);
      expect(await get()).toEqual(before);
    },
  );

  it('lets only those who may update the instance change the policy', async () => {
    const before = await get();
    const res = await put({ mode: 'manual' }, BOB);
    expect(res.status).toBe(403);
    const snooze = await backend.api
      .post(url('/snooze'))
      .set(backend.as(BOB))
      .send({});
    expect(snooze.status).toBe(403);
    const apply = await backend.api
      .post(url('/apply-now'))
      .set(backend.as(BOB));
    expect(apply.status).toBe(403);
    const read = await backend.api.get(url()).set(backend.as(BOB));
    expect(read.status).toBe(200);
    expect(await get()).toEqual(before);
  });

  it('snoozes the next opening and ends the snooze', async () => {
    const before = await get();
    const snoozed = await backend.api
      .post(url('/snooze'))
      .set(backend.as(ALICE))
      .send({});
    expect(snoozed.status).toBe(200);
    expect(snoozed.body.snoozedUntil).toBe(before.nextOpenings[0].end);
    expect(snoozed.body.nextOpenings.map((o: any) => o.skipped)).toEqual([
      'snoozed',
      undefined,
      undefined,
    ]);
    const cancelled = await backend.api
      .post(url('/snooze'))
      .set(backend.as(ALICE))
      .send({ cancel: true });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.snoozedUntil).toBeUndefined();
    expect(cancelled.body.nextOpenings).toEqual(before.nextOpenings);
  });

  it('answers 409 to apply-now when no patch is pending, and the log is empty', async () => {
    const res = await backend.api
      .post(url('/apply-now'))
      .set(backend.as(ALICE));
    expect(res.status).toBe(409);
    expect(res.body.error.message).toMatch(
      /^No patch upgrade of redis 7\.0\.15\S* is pending for policy-api$/,
    );
    const decisions = await backend.api
      .get(url('/decisions'))
      .set(backend.as(ALICE));
    expect(decisions.status).toBe(200);
    expect(decisions.body).toEqual({ items: [] });
  });

  it('takes the policy with the create request, and refuses a bad one without creating', async () => {
    const bad = await backend.api
      .post('/api/dbaas/instances')
      .set(backend.as(ALICE))
      .send(
        validCreateBody({
          name: 'policy-bad',
          upgradePolicy: {
            mode: 'auto-patch',
            windows: ['sat 23:00 - mon 01:00 UTC'],
          },
        }),
      );
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain(
      'upgradePolicy.windows.0: Mon is not Sat or the day after',
    );
    const listed = await backend.api
      .get('/api/dbaas/instances?name=policy-bad')
      .set(backend.as(ALICE));
    expect(listed.body.items).toEqual([]);

    const created = await backend.api
      .post('/api/dbaas/instances')
      .set(backend.as(ALICE))
      .send(
        validCreateBody({
          name: 'policy-created',
          upgradePolicy: {
            mode: 'auto-patch',
            windows: ['sat 23:00 - sun 01:00 UTC'],
          },
        }),
      );
    expect(created.status).toBe(202);
    await backend.waitForOperation(created.body.operation.id);
    const policy = await backend.api
      .get(`/api/dbaas/instances/${created.body.instance.id}/upgrade-policy`)
      .set(backend.as(ALICE));
    expect(policy.body).toMatchObject({
      mode: 'auto-patch',
      windows: [{ phrase: 'Sat 23:00 - Sun 01:00 UTC' }],
      updatedBy: ALICE,
    });
  });
});
