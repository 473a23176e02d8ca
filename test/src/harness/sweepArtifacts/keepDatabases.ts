import { copyFile, open, readdir } from 'node:fs/promises';
import { basename, join, relative } from 'node:path';
import knexFactory, { Knex } from 'knex';
import { keptPath, sweepDir } from './sweepDir';
import { recordProblem } from './recordSecret';

const SQLITE_MAGIC = 'SQLite format 3\0';
/** Files SQLite keeps beside a database with changes not yet in it. */
const COMPANIONS = ['-wal', '-shm', '-journal'];

async function isSqlite(path: string): Promise<boolean> {
  const file = await open(path, 'r');
  try {
    const header = Buffer.alloc(SQLITE_MAGIC.length);
    await file.read(header, 0, header.length, 0);
    return header.toString('latin1') === SQLITE_MAGIC;
  } finally {
    await file.close();
  }
}

async function filesUnder(folder: string): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) found.push(...(await filesUnder(path)));
    else if (entry.isFile()) found.push(path);
  }
  return found;
}

/**
 * Copies every SQLite database under `folder` (a test's work folder about
 * to be removed), with its WAL or journal, into the sweep's folder.
 */
export async function keepSqliteFilesUnder(folder: string): Promise<void> {
  if (!sweepDir()) return;
  let files: string[];
  try {
    files = await filesUnder(folder);
  } catch {
    return; // nothing there
  }
  const present = new Set(files);
  for (const path of files) {
    try {
      if (!(await isSqlite(path))) continue;
      const name = `${basename(folder)}-${relative(folder, path)}`;
      const target = keptPath('db', `${process.pid}-${name}`)!;
      await copyFile(path, target);
      for (const suffix of COMPANIONS) {
        if (present.has(path + suffix)) {
          await copyFile(path + suffix, target + suffix);
        }
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
        recordProblem(path, error);
      }
    }
  }
}

/** A value as SQLite stores it; structured values as their JSON text. */
function sqliteValue(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (Buffer.isBuffer(value) || typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint') return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value instanceof Date) return value.toISOString();
  return JSON.stringify(value);
}

/**
 * Copies every table of a PostgreSQL database into a SQLite file in the
 * sweep's folder, so that the sweep reads it after the database is gone:
 * the harness calls it just before dropping a test's databases.
 */
export async function keepPostgresDatabase(url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  const target = keptPath('db', `${process.pid}-pg-${name}.sqlite`);
  if (!target) return;
  const source = knexFactory({
    client: 'pg',
    connection: url,
    pool: { min: 0, max: 1 },
  });
  const copy = knexFactory({
    client: 'better-sqlite3',
    connection: { filename: target },
    useNullAsDefault: true,
  });
  try {
    const columns: Array<{
      table_schema: string;
      table_name: string;
      column_name: string;
    }> = await source('information_schema.columns')
      .select('table_schema', 'table_name', 'column_name')
      .whereNotIn('table_schema', ['pg_catalog', 'information_schema'])
      .orderBy(['table_schema', 'table_name', 'ordinal_position']);
    const tables = new Map<string, string[]>();
    for (const c of columns) {
      const table = `${c.table_schema}.${c.table_name}`;
      tables.set(table, [...(tables.get(table) ?? []), c.column_name]);
    }
    for (const [table, names] of tables) {
      await copyTable(source, copy, table, names);
    }
  } catch (error) {
    recordProblem(url, error);
  } finally {
    await source.destroy();
    await copy.destroy();
  }
}

async function copyTable(
  source: Knex,
  copy: Knex,
  table: string,
  columns: string[],
): Promise<void> {
  const [schema, name] = table.split('.');
  const copyName = schema === 'public' ? name : table;
  await copy.schema.createTable(copyName, t => {
    // untyped columns keep whatever SQLite is given, text or bytes
    for (const column of columns) t.specificType(column, '');
  });
  const rows: Array<Record<string, unknown>> = await source
    .withSchema(schema)
    .from(name);
  for (let i = 0; i < rows.length; i += 100) {
    await copy(copyName).insert(
      rows
        .slice(i, i + 100)
        .map(row =>
          Object.fromEntries(
            Object.entries(row).map(([k, v]) => [k, sqliteValue(v)]),
          ),
        ),
    );
  }
}
