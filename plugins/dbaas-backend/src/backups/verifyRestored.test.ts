import { digestOf } from './backupContents';
import { restoreProblems } from './verifyRestored';

const fingerprint = (digests: string[]) => ({
  keys: 0,
  expires: 0,
  sample: digests.map((digest, i) => ({
    key: `k${i}`,
    type: 'string',
    digest,
  })),
});

describe('restoreProblems', () => {
  const keyspace = {
    '0': { keys: 10, expires: 4 },
    '3': { keys: 2, expires: 0 },
  };
  const expected = {
    keyspace,
    digest: digestOf(keyspace, fingerprint(['a', 'b'])),
  };

  it('accepts the same data, and keys with a TTL that expired since', () => {
    expect(
      restoreProblems(expected, {
        keyspace,
        fingerprint: fingerprint(['a', 'b']),
      }),
    ).toEqual([]);
    expect(
      restoreProblems(expected, {
        keyspace: { ...keyspace, '0': { keys: 8, expires: 2 } },
        fingerprint: fingerprint(['a', 'b']),
      }),
    ).toEqual([]);
  });

  it('names a database with a key too few or too many, and a changed value', () => {
    expect(
      restoreProblems(expected, {
        keyspace: { '0': { keys: 9, expires: 4 } },
        fingerprint: fingerprint(['a', 'b']),
      }),
    ).toEqual([
      'db0 holds 9 keys (5 without a TTL); the backup has 10 (6 without a TTL)',
      'db3 holds 0 keys (0 without a TTL); the backup has 2 (2 without a TTL)',
    ]);
    expect(
      restoreProblems(expected, {
        keyspace: { ...keyspace, '1': { keys: 1, expires: 0 } },
        fingerprint: fingerprint(['a', 'b']),
      }),
    ).toEqual([
      'db1 holds 1 keys (1 without a TTL); the backup has 0 (0 without a TTL)',
    ]);
    expect(
      restoreProblems(expected, {
        keyspace,
        fingerprint: fingerprint(['a', 'c']),
      }),
    ).toEqual(["the digest of the 2 sampled values differs from the backup's"]);
  });
});
