import {
  ALICE,
  BOB,
  startDbaasTestBackend,
  validCreateBody,
} from '../__testUtils__/startDbaasTestBackend';

jest.setTimeout(90_000);

describe('version routes', () => {
  let backend: Awaited<ReturnType<typeof startDbaasTestBackend>>;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    backend = await startDbaasTestBackend({
      portRange: { start: 18310, end: 18329 },
      readAll: false,
    });
    for (const [name, version] of [
      ['old-six', '6.0.16+deb11u2'],
      ['seven-u7', '7.0.15+deb12u7'],
      ['seven-u10', '7.0.15+deb12u10'],
    ]) {
      const res = await backend.api
        .post('/api/dbaas/instances')
        .set(backend.as(ALICE))
        .send(validCreateBody({ name, version }));
      if (res.status !== 202) {
        throw new Error(`creating ${name} answered ${res.status}: ${res.text}`);
      }
      ids[name] = res.body.instance.id;
      const created = await backend.waitForOperation(res.body.operation.id);
      if (created.status !== 'succeeded') {
        throw new Error(`creating ${name} failed: ${created.error}`);
      }
    }
  });

  afterAll(async () => {
    await backend?.stop();
  });

  const get = (path: string, user = ALICE) =>
    backend.api.get(`/api/dbaas${path}`).set(backend.as(user));

  it('serves the catalog to any signed-in caller, and nothing without credentials', async () => {
    const res = await get('/versions', BOB);
    expect(res.status).toBe(200);
    expect(res.body.releases).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          engine: 'redis',
          version: '7.0.15',
          releaseDate: '2024-01-09',
          endOfSupport: '2024-07-29',
          rdbVersion: 10,
          source: 'shipped',
        }),
      ]),
    );
    expect(res.body.advisories.map((a: { id: string }) => a.id)).toContain(
      'CVE-2025-49844',
    );
    expect(res.body.feeds).toEqual([]);
    expect(res.body.engineChanges).toBeUndefined();
    expect((await backend.api.get('/api/dbaas/versions')).status).toBe(401);
  });

  it('shows five advisories on the deb12u7 build that deb12u10 fixed, and none on deb12u10', async () => {
    const u7 = await get(`/instances/${ids['seven-u7']}/advisories`);
    expect(u7.status).toBe(200);
    expect(u7.body).toMatchObject({
      engine: 'redis',
      version: '7.0.15+deb12u7',
      worstSeverity: 'critical',
    });
    expect(u7.body.advisories.map((a: { id: string }) => a.id)).toEqual([
      'CVE-2026-81934',
      'CVE-2026-25243',
      'CVE-2026-66373',
      'CVE-2026-92925',
      'CVE-2026-23631',
    ]);
    const u10 = await get(`/instances/${ids['seven-u10']}/advisories`);
    expect(u10.body.advisories).toEqual([]);
    expect(u10.body.worstSeverity).toBeUndefined();
  });

  it('shows on 6.0.16 exactly the shipped advisories whose 6.0 range it falls in', async () => {
    // Read from the data file with a rule written out here, not through the
    // catalog code: the bullseye build is 6.0.16 upstream, so an advisory
    // affects it when its 6.0 range has no fix, or a fix after 6.0.16, and
    // no Debian build of 6.0.16 up to deb11u2 carries the fix.
    const shipped: {
      advisories: Array<{
        id: string;
        engine: string;
        affected: Array<{
          branch: string;
          introduced?: string;
          fixed?: string;
          fixedBuilds?: string[];
        }>;
      }>;
    } = require('../versions/data/catalog.json');
    const patchOf = (v: string) => Number(v.split('+')[0].split('.')[2]);
    const debianRevision = (v: string) => Number(/deb11u(\d+)/.exec(v)?.[1]);
    const expected = shipped.advisories
      .filter(a => a.engine === 'redis')
      .filter(a =>
        a.affected.some(
          r =>
            r.branch === '6.0' &&
            (!r.introduced || patchOf(r.introduced) <= 16) &&
            (!r.fixed || patchOf(r.fixed) > 16) &&
            !(r.fixedBuilds ?? []).some(
              b => b.startsWith('6.0.16+deb11u') && debianRevision(b) <= 2,
            ),
        ),
      )
      .map(a => a.id)
      .sort();
    expect(expected).toEqual(
      expect.arrayContaining(['CVE-2022-24834', 'CVE-2023-28856']),
    );
    const res = await get(`/instances/${ids['old-six']}/advisories`);
    expect(res.status).toBe(200);
    expect(res.body.version).toBe('6.0.16+deb11u2');
    expect(res.body.advisories.map((a: { id: string }) => a.id).sort()).toEqual(
      expected,
    );
  });

  it('plans the patch, the engine change and the refused downgrade of a 7.0.15 instance', async () => {
    const res = await get(`/instances/${ids['seven-u7']}/upgrade-plan`);
    expect(res.status).toBe(200);
    expect(res.body.current).toEqual({
      engine: 'redis',
      version: '7.0.15+deb12u7',
      rdbVersion: 10,
    });
    const byLabel = Object.fromEntries(
      res.body.candidates.map((c: { engine: string; version: string }) => [
        `${c.engine} ${c.version}`,
        c,
      ]),
    );
    expect(byLabel['redis 7.0.15+deb12u10']).toMatchObject({
      kind: 'patch',
      available: true,
      strategy: 'restart',
      openAdvisories: [],
    });
    expect(byLabel['redis 7.0.15+deb12u10'].fixes).toHaveLength(5);
    expect(byLabel['valkey 8.0.1+bpo12.1']).toMatchObject({
      kind: 'major',
      available: true,
      rdbCompatible: true,
    });
    expect(byLabel['redis 6.0.16+deb11u2']).toMatchObject({
      kind: 'downgrade',
      available: true,
      rdbCompatible: false,
      strategy: 'snapshot-restore',
      blockedReason: expect.stringContaining(
        'reads RDB files up to version 9, and the data is in version 10',
      ),
    });
    expect(byLabel['redis 7.4.8']).toMatchObject({
      kind: 'minor',
      available: false,
    });
  });

  it('lists the instances with open advisories, worst first, to those who may read them', async () => {
    const alice = await get('/security');
    expect(alice.status).toBe(200);
    expect(
      alice.body.items.map((i: { name: string; worstSeverity: string }) => [
        i.name,
        i.worstSeverity,
      ]),
    ).toEqual([
      ['old-six', 'critical'],
      ['seven-u7', 'critical'],
    ]);
    // old-six has more open advisories than seven-u7, so it comes first
    expect(alice.body.items[0].advisories.length).toBeGreaterThan(
      alice.body.items[1].advisories.length,
    );
    const bob = await get('/security', BOB);
    expect(bob.body.items).toEqual([]);
  });

  it('refuses the advisories and plan of an instance to those who may not read it, 404 for no instance', async () => {
    expect(
      (await get(`/instances/${ids['seven-u7']}/advisories`, BOB)).status,
    ).toBe(403);
    expect(
      (await get(`/instances/${ids['seven-u7']}/upgrade-plan`, BOB)).status,
    ).toBe(403);
    const missing = await get('/instances/no-such-instance/upgrade-plan');
    expect(missing.status).toBe(404);
    expect(missing.body.error.name).toBe('NotFoundError');
  });
});
