import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import {
  ALICE,
  startDbaasTestBackend,
  validCreateBody,
} from '../__testUtils__/startDbaasTestBackend';
import {
  githubRelease,
  newRedisAdvisory,
} from './__fixtures__/githubResponses';

jest.setTimeout(60_000);

const API = 'https://api.github.test';
const server = setupServer();

let redisAdvisories: () => Response = () => HttpResponse.json([]);

/** GitHub as the watcher sees it; each test swaps what redis' advisories answer. */
const github = [
  http.get(`${API}/repos/redis/redis/releases`, () =>
    HttpResponse.json([
      githubRelease('7.2.14'),
      githubRelease('8.4.7'),
      githubRelease('8.6-rc1', { prerelease: true }),
    ]),
  ),
  http.get(`${API}/repos/redis/redis/security-advisories`, () =>
    redisAdvisories(),
  ),
  http.get(`${API}/repos/valkey-io/valkey/releases`, () =>
    HttpResponse.json([]),
  ),
  http.get(`${API}/repos/valkey-io/valkey/security-advisories`, () =>
    HttpResponse.json([]),
  ),
];

describe('the release watcher', () => {
  let backend: Awaited<ReturnType<typeof startDbaasTestBackend>>;
  let instanceId: string;

  beforeAll(async () => {
    // The backend's own HTTP and Redis traffic goes through untouched.
    server.listen({
      onUnhandledRequest(request, print) {
        if (!/^https?:\/\/(127\.0\.0\.1|localhost)/.test(request.url)) {
          print.error();
        }
      },
    });
    server.use(...github);
    backend = await startDbaasTestBackend({
      portRange: { start: 18300, end: 18309 },
      dbaas: { releaseWatcher: { githubApiUrl: API } },
    });
    const created = await backend.api
      .post('/api/dbaas/instances')
      .set(backend.as(ALICE))
      .send(validCreateBody({ name: 'watched', version: '7.0.15+deb12u10' }));
    if (created.status !== 202) {
      throw new Error(
        `creating the instance answered ${created.status}: ${created.text}`,
      );
    }
    instanceId = created.body.instance.id;
    const operation = await backend.waitForOperation(created.body.operation.id);
    if (operation.status !== 'succeeded') {
      throw new Error(`creating the instance failed: ${operation.error}`);
    }
  });

  afterAll(async () => {
    await backend?.stop();
    server.close();
  });

  const advisoriesOf = async () =>
    (
      await backend.api
        .get(`/api/dbaas/instances/${instanceId}/advisories`)
        .set(backend.as(ALICE))
    ).body;

  it('adds a new advisory, which then shows on the affected instance and in the security view', async () => {
    expect((await advisoriesOf()).advisories).toEqual([]);
    redisAdvisories = () => HttpResponse.json([newRedisAdvisory()]);

    await backend.triggerTask('dbaas-release-watcher');

    const shown = await advisoriesOf();
    expect(shown).toMatchObject({
      version: '7.0.15+deb12u10',
      worstSeverity: 'high',
    });
    expect(shown.advisories.map((a: { id: string }) => a.id)).toEqual([
      'CVE-2026-99001',
    ]);
    expect(shown.advisories[0]).toMatchObject({
      source: 'redis-advisories',
      cvss: 8.8,
      affected: expect.arrayContaining([{ branch: '7.0' }]),
    });
    const security = await backend.api
      .get('/api/dbaas/security')
      .set(backend.as(ALICE));
    expect(security.body.items).toEqual([
      expect.objectContaining({
        instanceId,
        name: 'watched',
        worstSeverity: 'high',
      }),
    ]);

    const versions = (
      await backend.api.get('/api/dbaas/versions').set(backend.as(ALICE))
    ).body;
    expect(versions.feeds).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          id: 'redis-advisories',
          url: `${API}/repos/redis/redis/security-advisories?per_page=100`,
          ok: true,
        }),
      ]),
    );
    const fetched = versions.releases.filter(
      (r: { source: string }) => r.source === 'redis-releases',
    );
    expect(fetched).toEqual([
      expect.objectContaining({
        version: '8.4.7',
        rdbVersion: 12,
        rdbVersionAssumed: true,
      }),
      expect.objectContaining({ version: '7.2.14', rdbVersion: 11 }),
    ]);
    expect(fetched[1].rdbVersionAssumed).toBeUndefined();
  });

  it('keeps the last good data when a feed fails, and says so', async () => {
    const before = (
      await backend.api.get('/api/dbaas/versions').set(backend.as(ALICE))
    ).body.feeds.find((f: { id: string }) => f.id === 'redis-advisories');
    redisAdvisories = () =>
      HttpResponse.json(
        { message: 'API rate limit exceeded for 203.0.113.7.' },
        { status: 403 },
      );

    await backend.triggerTask('dbaas-release-watcher');

    const feeds = (
      await backend.api.get('/api/dbaas/versions').set(backend.as(ALICE))
    ).body.feeds;
    const failed = feeds.find(
      (f: { id: string }) => f.id === 'redis-advisories',
    );
    expect(failed).toMatchObject({
      ok: false,
      lastSuccessAt: before.lastSuccessAt,
      error: `GET ${API}/repos/redis/redis/security-advisories?per_page=100 answered 403: API rate limit exceeded for 203.0.113.7.`,
    });
    expect(failed.checkedAt > before.checkedAt).toBe(true);
    // the other feeds refreshed as usual
    expect(
      feeds
        .filter((f: { ok: boolean }) => f.ok)
        .map((f: { id: string }) => f.id),
    ).toEqual(['redis-releases', 'valkey-advisories', 'valkey-releases']);
    expect(
      (await advisoriesOf()).advisories.map((a: { id: string }) => a.id),
    ).toEqual(['CVE-2026-99001']);
  });
});
