import { TestDatabases } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import {
  migrateDatabase,
  rollbackAllMigrations,
} from '../database/migrateDatabase';
import { BackupCatalog } from './BackupCatalog';
import { BackupPolicyStore, deleteBackupPolicy } from './BackupPolicyStore';

jest.setTimeout(60_000);

describe('the backup tables', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  it('has a PostgreSQL to run on', () => {
    expect(databases.eachSupportedId().map(([id]) => id)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^POSTGRES_/)]),
    );
  });

  it.each(databases.eachSupportedId())(
    'keep the catalog and policies, and go with a rollback, on %p',
    async databaseId => {
      const knex: Knex = await databases.init(databaseId);
      await migrateDatabase({ getClient: async () => knex });
      const catalog = new BackupCatalog(knex);
      const record = {
        id: 'b1',
        instanceId: 'i1',
        instanceName: 'cache',
        operationId: 'op1',
        status: 'running' as const,
        trigger: 'manual' as const,
        createdAt: '2026-12-06T10:00:00.000Z',
      };
      await catalog.ensure(record);
      await catalog.ensure(record);
      // A big dataset: sizes beyond 32 bits come back as numbers.
      const manifest = {
        engine: 'redis' as const,
        version: '7.0.15',
        rdbVersion: 10,
        keyspace: { '0': { keys: 1, expires: 0 } },
        digest: 'd',
        nodeId: 'n',
        nodeRole: 'primary' as const,
        users: ['app'],
      };
      await catalog.complete('b1', {
        sizeBytes: 5_000_000_000,
        storedBytes: 5_000_000_100,
        dataSha256: 'a'.repeat(64),
        metaSha256: 'b'.repeat(64),
        manifest,
      });
      expect(await catalog.list('i1')).toEqual([
        expect.objectContaining({
          id: 'b1',
          status: 'complete',
          sizeBytes: 5_000_000_000,
          manifest,
        }),
      ]);
      await expect(
        knex('dbaas_backups').insert({
          ...{ id: 'b2', instance_id: 'i1', instance_name: 'cache' },
          operation_id: 'op1',
          status: 'running',
          trigger: 'manual',
          created_at: 'x',
        }),
      ).rejects.toMatchObject({ message: expect.stringMatching(/unique/i) });

      const policies = new BackupPolicyStore(knex);
      const policy = {
        enabled: true,
        schedule: { everyHours: 6 },
        retention: { count: 2, maxAgeDays: 3 },
      };
      await policies.set('i1', policy, 'user:default/alice');
      await policies.set(
        'i1',
        { ...policy, enabled: false },
        'user:default/alice',
      );
      expect(await policies.get('i1')).toEqual({ ...policy, enabled: false });
      await deleteBackupPolicy(knex, 'i1');
      expect(await policies.get('i1')).toBeUndefined();

      await rollbackAllMigrations(knex);
      expect(await knex.schema.hasTable('dbaas_backups')).toBe(false);
      expect(await knex.schema.hasTable('dbaas_backup_policies')).toBe(false);
    },
  );
});
