import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Set by scripts/test-all.sh: the folder where the tests leave what the
 * secrets sweep (test/src/sweep) reads after the whole run. Unset, the
 * harness keeps nothing and tests run as before.
 */
export const SWEEP_DIR_VARIABLE = 'JUSTMANAGE_SWEEP_DIR';

/** The sweep's folder, or undefined when this run keeps nothing. */
export function sweepDir(): string | undefined {
  return process.env[SWEEP_DIR_VARIABLE] || undefined;
}

/** What the sweep reads: backend logs, and databases as SQLite files. */
export type KeptKind = 'logs' | 'db';

/** A path for a kept file in the sweep's folder (created), or undefined. */
export function keptPath(kind: KeptKind, file: string): string | undefined {
  const dir = sweepDir();
  if (!dir) return undefined;
  mkdirSync(join(dir, kind), { recursive: true });
  return join(dir, kind, file.replace(/[^A-Za-z0-9._-]/g, '_'));
}
