import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { sweepDir } from './sweepDir';

/**
 * What the sweep looks for. `password`: handed out by the API;
 * `admin password`: the control plane's own login to an instance;
 * `stored password`: an owner's user password as the control plane keeps
 * it; `private key`: a PEM private key (a node's or a CA's).
 */
export type SecretKind =
  | 'password'
  | 'admin password'
  | 'stored password'
  | 'private key';

const recorded = new Set<string>();

function append(line: object): void {
  const dir = sweepDir();
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  // One file per process: jest workers and browser tests write at once.
  appendFileSync(
    join(dir, `secrets-${process.pid}.jsonl`),
    `${JSON.stringify(line)}\n`,
  );
}

/** Records a secret for the sweep; `source` says where a test got it. */
export function recordSecret(
  kind: SecretKind,
  value: string,
  source: string,
): void {
  if (!sweepDir() || !value || recorded.has(value)) return;
  recorded.add(value);
  append({ kind, value, source });
}

/**
 * Records that secrets could not be collected somewhere, so the sweep
 * tells it instead of silently looking for fewer.
 */
export function recordProblem(source: string, error: unknown): void {
  append({
    problem: error instanceof Error ? error.message : String(error),
    source,
  });
}
