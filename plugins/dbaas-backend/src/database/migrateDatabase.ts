import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { Knex } from 'knex';
import { tuneSqlite } from './tuneSqlite';

/** Where the plugin's knex migrations are; tests step through them. */
export const migrationsDir = resolvePackagePath(
  '@justmanage/plugin-dbaas-backend',
  'migrations',
);

/** Runs the plugin's migrations unless the app manages them itself. */
export async function migrateDatabase(
  database: DatabaseService,
): Promise<Knex> {
  const client = await database.getClient();
  await tuneSqlite(client);
  if (!database.migrations?.skip) {
    await client.migrate.latest({ directory: migrationsDir });
  }
  return client;
}

/** For tests that run every migration down again. */
export async function rollbackAllMigrations(client: Knex): Promise<void> {
  await client.migrate.rollback({ directory: migrationsDir }, true);
}
