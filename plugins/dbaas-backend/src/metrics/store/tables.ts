export const SAMPLES = 'dbaas_metric_samples';
export const ROLLUPS = 'dbaas_metric_rollups';
export const LATEST = 'dbaas_metric_latest';

/** Width of a rollup bucket. */
export const BUCKET_MS = 5 * 60_000;

/** Rows per INSERT: 18 columns x 500 stays far below SQLite's 32766 bound variables. */
export const INSERT_CHUNK = 500;

/** PostgreSQL returns bigint columns as strings. */
export function toNumber(value: unknown): number | undefined {
  if (value === null || value === undefined) return undefined;
  const n = Number(value);
  return Number.isFinite(n) ? n : undefined;
}

export function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size)
    out.push(items.slice(i, i + size));
  return out;
}
