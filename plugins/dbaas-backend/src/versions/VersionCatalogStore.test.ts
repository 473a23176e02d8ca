import { TestDatabases } from '@backstage/backend-test-utils';
import { Advisory, VersionRelease } from '@justmanage/plugin-dbaas-common';
import { migrateDatabase } from '../database/migrateDatabase';
import { VersionCatalog } from './VersionCatalog';
import { VersionCatalogStore } from './VersionCatalogStore';

jest.setTimeout(60_000);

const feed = { id: 'redis-advisories', url: 'https://api.github.test/x' };
const release: VersionRelease = {
  engine: 'redis',
  version: '7.2.14',
  releaseDate: '2026-11-20',
  rdbVersion: 11,
};
const advisory: Advisory = {
  id: 'CVE-2026-99001',
  engine: 'redis',
  severity: 'high',
  summary: 'Test fixture',
  published: '2026-11-20',
  affected: [{ branch: '7.0' }],
  links: [
    'https://github.com/redis/redis/security/advisories/GHSA-test-0001-fixt',
  ],
};

describe('VersionCatalogStore', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  it.each(databases.eachSupportedId())(
    'replaces a feed’s data on success and keeps it on failure, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await migrateDatabase({ getClient: async () => knex });
      const store = new VersionCatalogStore(knex);
      const catalog = VersionCatalog.create({ store });

      await store.saveSuccess(
        feed,
        { releases: [release], advisories: [advisory] },
        '2026-11-21T10:00:00.000Z',
      );
      await store.saveFailure(
        feed,
        'GET x answered 503',
        '2026-11-21T11:00:00.000Z',
      );

      const snapshot = await catalog.snapshot();
      expect(snapshot.feeds).toEqual([
        {
          id: 'redis-advisories',
          url: feed.url,
          ok: false,
          checkedAt: '2026-11-21T11:00:00.000Z',
          lastSuccessAt: '2026-11-21T10:00:00.000Z',
          error: 'GET x answered 503',
        },
      ]);
      expect(snapshot.updatedAt).toBe('2026-11-21T10:00:00.000Z');
      expect(snapshot.advisories.find(a => a.id === 'CVE-2026-99001')).toEqual({
        ...advisory,
        source: 'redis-advisories',
      });
      expect(await catalog.advisoriesFor('redis', '7.0.15+deb12u10')).toEqual([
        { ...advisory, source: 'redis-advisories' },
      ]);
      expect(snapshot.releases.find(r => r.version === '7.2.14')?.source).toBe(
        'redis-advisories',
      );

      // the next success replaces what the feed brought before
      await store.saveSuccess(
        feed,
        { releases: [], advisories: [] },
        '2026-11-21T12:00:00.000Z',
      );
      const later = await catalog.snapshot();
      expect(later.advisories.map(a => a.id)).not.toContain('CVE-2026-99001');
      expect(later.feeds[0]).toMatchObject({
        ok: true,
        lastSuccessAt: '2026-11-21T12:00:00.000Z',
      });
      expect(later.feeds[0].error).toBeUndefined();
    },
  );

  it('keeps shipped data over a fetched copy of the same advisory, adding its links', async () => {
    const knex = await databases.init('SQLITE_3');
    await migrateDatabase({ getClient: async () => knex });
    const store = new VersionCatalogStore(knex);
    const catalog = VersionCatalog.create({ store });
    await store.saveSuccess(
      feed,
      {
        releases: [],
        advisories: [
          {
            ...advisory,
            id: 'CVE-2024-31449',
            aliases: ['GHSA-whxg-wx83-85p5'],
            severity: 'low',
            affected: [{ branch: '7.0', fixed: '7.0.99' }],
            links: ['https://example.test/extra'],
          },
        ],
      },
      '2026-11-21T10:00:00.000Z',
    );
    const merged = (await catalog.snapshot()).advisories.find(
      a => a.id === 'CVE-2024-31449',
    )!;
    expect(merged.severity).toBe('high');
    expect(merged.source).toBe('shipped');
    expect(merged.affected).toContainEqual({
      branch: '7.0',
      fixedBuilds: ['7.0.15+deb12u2'],
    });
    expect(merged.links).toContain('https://example.test/extra');
  });
});
