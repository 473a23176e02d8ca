import {
  compareFingerprints,
  DatasetFingerprint,
  digestValue,
  parseKeyspace,
} from './fingerprint';

const b = (s: string) => Buffer.from(s);

describe('dataset fingerprints', () => {
  it('digests sets and hashes regardless of the order a server returns them in', () => {
    expect(digestValue('set', [null, [b('a'), b('b')]])).toBe(
      digestValue('set', [null, [b('b'), b('a')]]),
    );
    expect(
      digestValue('hash', [null, [b('f1'), b('1'), b('f2'), b('2')]]),
    ).toBe(digestValue('hash', [null, [b('f2'), b('2'), b('f1'), b('1')]]));
    // Lists keep their order.
    expect(digestValue('list', [null, [b('a'), b('b')]])).not.toBe(
      digestValue('list', [null, [b('b'), b('a')]]),
    );
  });

  it('compares sorted-set scores as numbers, as versions print them differently', () => {
    expect(digestValue('zset', [null, [b('m'), b('1e+20')]])).toBe(
      digestValue('zset', [null, [b('m'), b('100000000000000000000')]]),
    );
    expect(digestValue('zset', [null, [b('m'), b('1.5')]])).not.toBe(
      digestValue('zset', [null, [b('m'), b('2.5')]]),
    );
  });

  it('tells a value from its absence and from another type', () => {
    const value = digestValue('string', [null, b('v')]);
    expect(digestValue('string', [null, null])).not.toBe(value);
    expect(digestValue('list', [null, b('v')])).not.toBe(value);
    expect(digestValue('string', [new Error('WRONGTYPE x'), null])).toBe(
      digestValue('string', [new Error('WRONGTYPE y'), null]),
    );
  });

  it('sums INFO keyspace over databases', () => {
    expect(
      parseKeyspace(
        '# Keyspace\r\ndb0:keys=100005,expires=3,avg_ttl=0\r\ndb2:keys=10,expires=0,avg_ttl=0\r\n',
      ),
    ).toEqual({ keys: 100015, expires: 3 });
    expect(parseKeyspace('# Keyspace\r\n')).toEqual({ keys: 0, expires: 0 });
  });

  it('says what differs, and lets keys with a TTL expire', () => {
    const before: DatasetFingerprint = {
      keys: 100,
      expires: 10,
      sample: [
        { key: b('a').toString('base64'), type: 'string', digest: '1' },
        { key: b('b').toString('base64'), type: 'string', digest: '2' },
      ],
    };
    expect(
      compareFingerprints(before, { ...before, keys: 95, expires: 5 }),
    ).toEqual([]);
    expect(
      compareFingerprints(before, {
        keys: 99,
        expires: 10,
        sample: [before.sample[0], { ...before.sample[1], digest: 'x' }],
      }),
    ).toEqual([
      '90 keys without a TTL before, 89 after',
      "1 of 2 sampled values differ ('b')",
    ]);
  });
});
