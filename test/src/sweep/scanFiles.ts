import { existsSync, readFileSync } from 'node:fs';
import knexFactory from 'knex';
import { NeedleIndex } from './NeedleIndex';
import { NeedleTag } from './needles';
import { SQLITE_COMPANIONS } from './readArtifacts';

/** One secret (or the PEM marker) in one place. */
export interface Finding {
  tag: NeedleTag;
  /** `file:line`, or `file: table t, column c, rowid n`, or a byte offset. */
  where: string;
}

const ANSI = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');

/** Every line of a log, colour codes removed. */
export function scanLog(
  file: string,
  index: NeedleIndex<NeedleTag>,
  label: string,
): Finding[] {
  const findings: Finding[] = [];
  const lines = readFileSync(file, 'utf8').split('\n');
  lines.forEach((raw, i) => {
    const seen = new Set<NeedleTag>();
    index.scan(raw.replace(ANSI, ''), (_, tag) => {
      if (seen.has(tag)) return;
      seen.add(tag);
      findings.push({ tag, where: `${label}:${i + 1}` });
    });
  });
  return findings;
}

const PAGE = 500;

/**
 * Every value of every row of every table of a SQLite file, then its raw
 * bytes and those of its WAL or journal: what no row holds any more (free
 * pages, the WAL) counts too, reported by byte offset.
 */
export async function scanSqlite(
  file: string,
  index: NeedleIndex<NeedleTag>,
  label: string,
): Promise<Finding[]> {
  const findings: Finding[] = [];
  const inRows = new Set<NeedleTag>();
  // Raw bytes first: opening the copy may fold its WAL into it.
  const raw: Finding[] = [];
  for (const path of [file, ...SQLITE_COMPANIONS.map(s => file + s)]) {
    if (!existsSync(path)) continue;
    const seen = new Set<NeedleTag>();
    index.scan(readFileSync(path).toString('latin1'), (offset, tag) => {
      if (seen.has(tag)) return;
      seen.add(tag);
      raw.push({
        tag,
        where: `${label}${path.slice(file.length)} at byte ${offset}`,
      });
    });
  }
  const db = knexFactory({
    client: 'better-sqlite3',
    connection: { filename: file },
    useNullAsDefault: true,
  });
  try {
    const tables: string[] = await db('sqlite_master')
      .where({ type: 'table' })
      .pluck('name');
    for (const table of tables) {
      const seen = new Set<NeedleTag>();
      const scanRow = (row: Record<string, unknown>, rowid: unknown) => {
        for (const [column, value] of Object.entries(row)) {
          let text: string | undefined;
          if (typeof value === 'string') text = value;
          else if (Buffer.isBuffer(value)) text = value.toString('latin1');
          if (!text) continue;
          index.scan(text, (_, tag) => {
            inRows.add(tag);
            const key = `${column}`;
            if (seen.has(tag)) return;
            seen.add(tag);
            findings.push({
              tag,
              where: `${label}: table ${table}, column ${key}${
                rowid === undefined ? '' : `, rowid ${rowid}`
              }`,
            });
          });
        }
      };
      let rows: Array<Record<string, unknown>>;
      try {
        let after = Number.MIN_SAFE_INTEGER;
        for (;;) {
          rows = await db.raw(
            `SELECT rowid AS "__rowid", * FROM ?? WHERE rowid > ? ORDER BY rowid LIMIT ${PAGE}`,
            [table, after],
          );
          for (const { __rowid, ...row } of rows) scanRow(row, __rowid);
          if (rows.length < PAGE) break;
          after = rows[rows.length - 1].__rowid as number;
        }
      } catch (error) {
        if (!/no such column: rowid/.test(String(error))) throw error;
        for (const row of await db(table)) scanRow(row, undefined);
      }
    }
  } finally {
    await db.destroy();
  }
  for (const finding of raw) {
    if (!inRows.has(finding.tag)) findings.push(finding);
  }
  return findings;
}
