import { BackupKeyspace } from '@justmanage/plugin-dbaas-common';
import { DatasetFingerprint } from '../upgrades/fingerprint';
import { digestOf } from './backupContents';

/**
 * What differs between a backup's manifest and the restored data, in
 * words; empty when they match. Keys with a TTL may have expired since the
 * backup was taken, so a database may hold fewer of those, never more, and
 * exactly as many without one; every sampled value must be equal.
 */
export function restoreProblems(
  expected: { keyspace: BackupKeyspace; digest: string },
  actual: { keyspace: BackupKeyspace; fingerprint: DatasetFingerprint },
): string[] {
  const problems: string[] = [];
  const dbs = new Set([
    ...Object.keys(expected.keyspace),
    ...Object.keys(actual.keyspace),
  ]);
  for (const db of [...dbs].sort((a, b) => Number(a) - Number(b))) {
    const before = expected.keyspace[db] ?? { keys: 0, expires: 0 };
    const after = actual.keyspace[db] ?? { keys: 0, expires: 0 };
    const persistentBefore = before.keys - before.expires;
    const persistentAfter = after.keys - after.expires;
    if (persistentAfter !== persistentBefore || after.keys > before.keys) {
      problems.push(
        `db${db} holds ${after.keys} keys (${persistentAfter} without a TTL); the backup has ${before.keys} (${persistentBefore} without a TTL)`,
      );
    }
  }
  if (
    problems.length === 0 &&
    digestOf(actual.keyspace, actual.fingerprint) !== expected.digest
  ) {
    const changed = actual.fingerprint.sample.length;
    problems.push(
      `the digest of the ${changed} sampled values differs from the backup's`,
    );
  }
  return problems;
}
