import { randomBytes } from 'node:crypto';
import knexFactory, { Knex } from 'knex';
import { keepPostgresDatabase } from './sweepArtifacts';

/** The machine's PostgreSQL (trust auth), or DBAAS_TEST_POSTGRES_URL. */
export const POSTGRES_URL =
  process.env.DBAAS_TEST_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432';

/**
 * A `backend.database.prefix` of its own for one test run. Backstage names
 * each plugin's database `<prefix><pluginId>`, e.g. `<prefix>dbaas`.
 */
export function uniqueDatabasePrefix(): string {
  return `dbaas_it_${randomBytes(4).toString('hex')}_`;
}

/** A connection to one database of the server, e.g. `${prefix}dbaas`. */
export function connectPostgres(database: string): Knex {
  return knexFactory({
    client: 'pg',
    connection: databaseUrl(database),
    pool: { min: 0, max: 2 },
  });
}

/** The URL of one database of the server. */
function databaseUrl(database: string): string {
  // pg lets the URL's (empty) path win over a separate `database` key.
  const url = new URL(POSTGRES_URL);
  url.pathname = `/${database}`;
  return url.toString();
}

/**
 * Drops every database whose name starts with `prefix`; returns their
 * names. When the secrets sweep runs, each is copied for it first.
 */
export async function dropDatabases(prefix: string): Promise<string[]> {
  const admin = connectPostgres('postgres');
  try {
    const rows: Array<{ datname: string }> = await admin('pg_database').select(
      'datname',
    );
    const names = rows.map(r => r.datname).filter(n => n.startsWith(prefix));
    for (const name of names) {
      await keepPostgresDatabase(databaseUrl(name));
      await admin.raw('DROP DATABASE IF EXISTS ?? WITH (FORCE)', [name]);
    }
    return names;
  } finally {
    await admin.destroy();
  }
}
