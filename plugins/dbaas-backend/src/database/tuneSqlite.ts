import { Knex } from 'knex';

/**
 * SQLite's default rollback journal syncs the disk several times per
 * commit, ~4 ms each here, and an operation commits a dozen times. In WAL
 * mode with synchronous=NORMAL a commit survives a crash of the backend
 * (kill -9 included), and only an OS crash or power loss can take back the
 * last commits: the right trade for the embedded laptop default. Production
 * runs on PostgreSQL, which this leaves alone.
 */
export async function tuneSqlite(client: Knex): Promise<void> {
  const dialect = String(client.client.config.client ?? '');
  if (!dialect.includes('sqlite')) {
    return;
  }
  await client.raw('PRAGMA journal_mode = WAL');
  await client.raw('PRAGMA synchronous = NORMAL');
}
