import { createDecipheriv, createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import knexFactory, { Knex } from 'knex';
import { recordProblem, recordSecret, SecretKind } from './recordSecret';

/**
 * The control plane keeps its secrets encrypted in `*_enc` columns as
 * `v1:<iv>:<tag>:<data>` (AES-256-GCM under SHA-256 of
 * dbaas.encryptionKey; plugins/dbaas-backend/src/crypto/SecretBox.ts).
 * The harness knows the test backends' key, so it reads them back: the
 * admin passwords of every instance, the users' passwords, the CA keys.
 */
function decrypt(stored: string, encryptionKey: string): string {
  const [version, iv, tag, data] = stored.split(':');
  if (version !== 'v1' || !iv || !tag || data === undefined) {
    throw new Error('a stored secret has an unknown format');
  }
  const key = createHash('sha256').update(encryptionKey).digest();
  const decipher = createDecipheriv(
    'aes-256-gcm',
    key,
    Buffer.from(iv, 'base64'),
  );
  decipher.setAuthTag(Buffer.from(tag, 'base64'));
  return Buffer.concat([
    decipher.update(Buffer.from(data, 'base64')),
    decipher.final(),
  ]).toString('utf8');
}

function kindOf(table: string, plain: string): SecretKind {
  if (plain.includes('PRIVATE KEY-----')) return 'private key';
  return table === 'dbaas_credentials' ? 'admin password' : 'stored password';
}

function recordStored(
  table: string,
  column: string,
  values: unknown[],
  encryptionKey: string,
  where: string,
): void {
  for (const value of values) {
    if (typeof value !== 'string') continue;
    const source = `${where} ${table}.${column}`;
    try {
      const plain = decrypt(value, encryptionKey);
      recordSecret(kindOf(table, plain), plain, source);
    } catch (error) {
      recordProblem(source, error);
    }
  }
}

/**
 * Reads the encrypted columns of a dbaas plugin database: a SQLite file,
 * or a PostgreSQL URL naming the database.
 */
export async function harvestDatabase(
  database: { sqliteFile: string } | { postgresUrl: string },
  encryptionKey: string,
): Promise<void> {
  const where =
    'sqliteFile' in database ? database.sqliteFile : database.postgresUrl;
  // Not created yet, or removed: knex would log its failure to the console.
  if ('sqliteFile' in database && !existsSync(database.sqliteFile)) return;
  const db =
    'sqliteFile' in database
      ? knexFactory({
          client: 'better-sqlite3',
          connection: {
            filename: database.sqliteFile,
            options: { readonly: true },
          },
          useNullAsDefault: true,
        })
      : knexFactory({
          client: 'pg',
          connection: database.postgresUrl,
          pool: { min: 0, max: 1 },
        });
  try {
    for (const { table, column } of await encryptedColumns(db)) {
      const values = await db(table).pluck(column);
      recordStored(table, column, values, encryptionKey, where);
    }
  } catch (error) {
    // A database removed meanwhile has nothing left to read.
    if (!/does not exist|SQLITE_CANTOPEN|unable to open/.test(String(error))) {
      recordProblem(where, error);
    }
  } finally {
    await db.destroy();
  }
}

async function encryptedColumns(
  db: Knex,
): Promise<Array<{ table: string; column: string }>> {
  if (db.client.config.client === 'pg') {
    const rows: Array<{ table_name: string; column_name: string }> = await db(
      'information_schema.columns',
    )
      .select('table_name', 'column_name')
      .where('column_name', 'like', '%\\_enc')
      .where('table_schema', 'public');
    return rows.map(r => ({ table: r.table_name, column: r.column_name }));
  }
  const tables: string[] = await db('sqlite_master')
    .where({ type: 'table' })
    .pluck('name');
  const found = [];
  for (const table of tables) {
    const columns: Array<{ name: string }> = await db.raw(
      `PRAGMA table_info(??)`,
      [table],
    );
    for (const { name } of columns) {
      if (name.endsWith('_enc')) found.push({ table, column: name });
    }
  }
  return found;
}
