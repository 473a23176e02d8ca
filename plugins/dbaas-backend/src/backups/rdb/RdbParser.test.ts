import { Readable } from 'node:stream';
import {
  INSTALLED_ENGINES,
  startEngineServer,
} from './__testUtils__/engineServer';
import {
  describeKeyspace,
  seedEveryEncoding,
} from './__testUtils__/seedEveryEncoding';
import { RdbKey, parseRdb } from './RdbParser';

/** The file handed over in pieces of `size` bytes, as a socket would. */
function inPieces(file: Buffer, size: number): Readable {
  const pieces: Buffer[] = [];
  for (let at = 0; at < file.length; at += size)
    pieces.push(file.subarray(at, at + size));
  return Readable.from(pieces);
}

async function parseAll(file: Buffer, pieceSize = 1 << 16) {
  const keys: RdbKey[] = [];
  const summary = await parseRdb(inPieces(file, pieceSize), key =>
    keys.push(key),
  );
  return { keys, summary };
}

/** The RDB type bytes each engine writes for the seeded keys. */
const FORMS: Record<string, { version: number; rdbTypes: number[] }> = {
  'redis 6.0.16': { version: 9, rdbTypes: [0, 2, 4, 5, 11, 12, 13, 14, 15] },
  'redis 7.0.15': { version: 10, rdbTypes: [0, 2, 4, 5, 11, 16, 17, 18, 19] },
  'valkey 8.0.1': {
    version: 11,
    rdbTypes: [0, 2, 4, 5, 11, 16, 17, 18, 20, 21],
  },
};

describe.each(
  INSTALLED_ENGINES.map((engine, i) => [engine.name, engine, i] as const),
)('parseRdb on an RDB written by %s', (name, engine, index) => {
  let file: Buffer;
  let expected: Awaited<ReturnType<typeof describeKeyspace>>;
  let savedAt: number;

  beforeAll(async () => {
    const major = Number(name.split(' ')[1].split('.')[0]);
    const server = await startEngineServer(engine, 19750 + index, [
      '--maxmemory-policy',
      index === 2 ? 'allkeys-lfu' : 'allkeys-lru',
    ]);
    try {
      await seedEveryEncoding(server.redis, major);
      expected = await describeKeyspace(server.redis);
      savedAt = Date.now();
      file = await server.save();
    } finally {
      await server.stop();
    }
  }, 60_000);

  it('reads every key with its type, element count, TTL and size in the file', async () => {
    const { keys, summary } = await parseAll(file);
    expect(summary).toMatchObject({
      version: FORMS[name].version,
      keys: expected.length,
      bytes: file.length,
      checksum: 'verified',
    });
    expect(summary.aux[`${name.split(' ')[0]}-ver`]).toBe(name.split(' ')[1]);
    const byName = new Map(keys.map(k => [`${k.db}/${k.key}`, k]));
    for (const want of expected) {
      const got = byName.get(`${want.db}/${want.key}`);
      expect({ key: want.key, ...got }).toMatchObject({
        key: want.key,
        db: want.db,
        type: want.type,
        elements: want.elements,
        serializedBytes: want.serializedBytes,
      });
      // The TTL the server reported, read a second or two before the SAVE,
      // as a time; none where it had none.
      const wantAt =
        want.ttlMs === undefined ? undefined : savedAt + want.ttlMs;
      const gotAt = got!.expiresAt;
      const apart =
        wantAt === undefined || gotAt === undefined
          ? Number(wantAt === gotAt ? 0 : Infinity)
          : Math.abs(gotAt - wantAt);
      expect({ key: want.key, ttlWithin2s: apart < 2000 }).toEqual({
        key: want.key,
        ttlWithin2s: true,
      });
    }
    // 1200 bytes stored compressed count expanded: type, name, the LZF
    // header (its form byte, the stored and the expanded length), text.
    expect(byName.get('0/s:lzf')).toMatchObject({
      expandedBytes: 1 + 1 + 5 + (1 + 1 + 2) + 1200,
    });
    expect(byName.get('0/s:lzf')!.serializedBytes).toBeLessThan(100);
    expect(byName.get('0/s:raw')!.expandedBytes).toBe(
      byName.get('0/s:raw')!.serializedBytes,
    );
    expect(
      [...new Set(keys.map(k => k.rdbType))].sort((a, b) => a - b),
    ).toEqual(FORMS[name].rdbTypes);
  });

  it('reads the same keys when the file arrives a few bytes at a time', async () => {
    const whole = await parseAll(file);
    const pieces = await parseAll(file, 7);
    expect(pieces.keys).toEqual(whole.keys);
    expect(pieces.summary).toEqual(whole.summary);
  });

  it('refuses a truncated file, naming where it ends', async () => {
    const cut = file.subarray(0, Math.floor(file.length * 0.6));
    await expect(parseAll(cut)).rejects.toThrow(
      `RDB is truncated: it ends after ${cut.length} bytes`,
    );
    await expect(parseAll(file.subarray(0, file.length - 3))).rejects.toThrow(
      'RDB is truncated: its checksum after EOF is missing',
    );
  });

  it('refuses a file with one byte changed inside a value, by its checksum', async () => {
    const flipped = Buffer.from(file);
    const at = flipped.indexOf('hello');
    expect(at).toBeGreaterThan(0);
    flipped[at] ^= 0x01;
    await expect(parseAll(flipped)).rejects.toThrow(
      /RDB checksum does not match/,
    );
  });

  it('refuses a format newer than it reads, naming it', async () => {
    const newer = Buffer.from(file);
    newer.write('0012', 5, 'latin1');
    await expect(parseAll(newer)).rejects.toThrow(
      'RDB format 12 is newer than this parser reads (up to 11)',
    );
  });
});
