import { TestDatabases } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import {
  migrateDatabase,
  migrationsDir,
  rollbackAllMigrations,
} from './migrateDatabase';

jest.setTimeout(60_000);

const TABLES = [
  'dbaas_instances',
  'dbaas_operations',
  'dbaas_operation_steps',
  'dbaas_operation_log',
  'dbaas_events',
  'dbaas_credentials',
  'dbaas_key_scans',
  'dbaas_availability',
  'dbaas_incidents',
  'dbaas_alert_rules',
  'dbaas_alerts',
  'dbaas_version_releases',
  'dbaas_advisories',
  'dbaas_release_feeds',
  'dbaas_metric_samples',
  'dbaas_metric_rollups',
  'dbaas_metric_latest',
  'dbaas_upgrade_policies',
  'dbaas_maintenance_decisions',
  'dbaas_maintenance_attempts',
  'dbaas_maintenance_notices',
  'dbaas_acl_users',
  'dbaas_acl_passwords',
];

/** A minimal valid row; every one is named 'a', to hit the unique index. */
function instanceRow(id: string) {
  return {
    id,
    name: 'a',
    owner: 'group:default/a',
    engine: 'redis',
    version: '7.0.15',
    platform: 'local',
    region: 'local',
    memory_mb: 64,
    cpu: 1,
    disk_gb: 1,
    persistence: 'rdb',
    maxmemory_policy: 'noeviction',
    status: 'running',
    created_by: 'user:default/a',
    created_at: 'x',
    updated_at: 'x',
  };
}

describe('migrations', () => {
  const databases = TestDatabases.create({
    ids: ['SQLITE_3', 'POSTGRES_15'],
  });

  // The production path must not silently drop out of the run: scripts/test-all.sh
  // points TestDatabases at the machine's PostgreSQL.
  it('has a PostgreSQL to run on', () => {
    expect(databases.eachSupportedId().map(([id]) => id)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^POSTGRES_/)]),
    );
  });

  it.each(databases.eachSupportedId())(
    'run up and down on %p',
    async databaseId => {
      const knex: Knex = await databases.init(databaseId);
      await migrateDatabase({ getClient: async () => knex });
      for (const table of TABLES) {
        expect([table, await knex.schema.hasTable(table)]).toEqual([
          table,
          true,
        ]);
      }
      await knex('dbaas_instances').insert(instanceRow('i1'));
      await expect(
        knex('dbaas_instances').insert(instanceRow('i2')),
        // SQLite's error class comes from a native module and fails jest's
        // Error check when the module is shared between test files.
      ).rejects.toMatchObject({ message: expect.stringMatching(/unique/i) });
      const [{ n }] = await knex('dbaas_instances').count({ n: '*' });
      expect(Number(n)).toBe(1);

      await rollbackAllMigrations(knex);
      for (const table of TABLES) {
        expect([table, await knex.schema.hasTable(table)]).toEqual([
          table,
          false,
        ]);
      }
      // and up again, as an upgrade after a rollback would
      await migrateDatabase({ getClient: async () => knex });
      expect(await knex.schema.hasTable('dbaas_instances')).toBe(true);
    },
  );

  it.each(databases.eachSupportedId())(
    'moves the app users recorded before ACL users into their table and back on %p',
    async databaseId => {
      const knex: Knex = await databases.init(databaseId);
      await migrateDatabase({ getClient: async () => knex });
      await downTo(knex, '20261205000000_acl_users.js');
      await knex('dbaas_instances').insert(instanceRow('i1'));
      await knex('dbaas_credentials').insert([
        {
          instance_id: 'i1',
          username: 'jm-admin',
          role: 'admin',
          password_enc: 'enc-admin',
          created_at: 't0',
        },
        {
          instance_id: 'i1',
          username: 'app',
          role: 'app',
          password_enc: 'enc-app',
          created_at: 't0',
        },
      ]);

      await knex.migrate.up({ directory: migrationsDir });
      expect(await knex('dbaas_credentials').select('username')).toEqual([
        { username: 'jm-admin' },
      ]);
      expect(await knex('dbaas_acl_users')).toEqual([
        expect.objectContaining({
          instance_id: 'i1',
          username: 'app',
          preset: 'full',
          rules: '~* &* +@all -@admin',
          managed_by: 'product',
        }),
      ]);
      const [user] = await knex('dbaas_acl_users');
      expect(Boolean(user.is_default)).toBe(true);
      expect(
        await knex('dbaas_acl_passwords').select(
          'username',
          'password_enc',
          'retires_at',
        ),
      ).toEqual([
        { username: 'app', password_enc: 'enc-app', retires_at: null },
      ]);

      await knex.migrate.down({ directory: migrationsDir });
      expect(
        await knex('dbaas_credentials')
          .orderBy('username')
          .select('username', 'role', 'password_enc'),
      ).toEqual([
        { username: 'app', role: 'app', password_enc: 'enc-app' },
        { username: 'jm-admin', role: 'admin', password_enc: 'enc-admin' },
      ]);
    },
  );

  it.each(databases.eachSupportedId())(
    'gives users a rotation schedule, off for those there already, and takes it away keeping them on %p',
    async databaseId => {
      const knex: Knex = await databases.init(databaseId);
      await migrateDatabase({ getClient: async () => knex });
      await downTo(knex, '20261205000001_acl_rotation_schedule.js');
      await knex('dbaas_acl_users').insert(aclUserRow('i1', 'etl'));

      await knex.migrate.up({ directory: migrationsDir });
      expect(
        await knex('dbaas_acl_users').select(
          'username',
          'rotate_every_days',
          'rotation_grace_seconds',
        ),
      ).toEqual([
        {
          username: 'etl',
          rotate_every_days: null,
          rotation_grace_seconds: null,
        },
      ]);
      await knex('dbaas_acl_users')
        .where({ username: 'etl' })
        .update({ rotate_every_days: 30, rotation_grace_seconds: 3600 });

      await knex.migrate.down({ directory: migrationsDir });
      const [user] = await knex('dbaas_acl_users');
      expect(user).toMatchObject({ instance_id: 'i1', username: 'etl' });
      expect(user).not.toHaveProperty('rotate_every_days');
      expect(user).not.toHaveProperty('rotation_grace_seconds');
    },
  );
});

/** Rolls back the newest migrations until `name` is undone too. */
async function downTo(knex: Knex, name: string): Promise<void> {
  for (;;) {
    const [, undone] = await knex.migrate.down({ directory: migrationsDir });
    if (undone.some((file: string) => file.endsWith(name))) return;
    if (!undone.length) throw new Error(`${name} was never applied`);
  }
}

function aclUserRow(instanceId: string, username: string) {
  return {
    instance_id: instanceId,
    username,
    preset: 'read-only',
    keys: '[]',
    rules: '~* &* -@all +@read +@connection -@dangerous -@admin',
    managed_by: 'product',
    is_default: false,
    created_by: 'user:default/a',
    created_at: 'x',
    updated_at: 'x',
  };
}
