import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseRdbHeader, readRdbVersion } from './rdbHeader';

describe('RDB header', () => {
  it('reads the format version of Redis and Valkey files', () => {
    expect(
      parseRdbHeader(Buffer.from('REDIS0009\xfa\x09redis-ver', 'latin1')),
    ).toBe(9);
    expect(parseRdbHeader(Buffer.from('REDIS0011'))).toBe(11);
    expect(parseRdbHeader(Buffer.from('VALKEY080'))).toBe(80);
    expect(parseRdbHeader(Buffer.from('*2\r\n$6\r\nSELECT'))).toBeUndefined();
  });

  it('refuses a file that is not an RDB file', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'jm-rdb-'));
    try {
      await writeFile(join(folder, 'dump.rdb'), 'REDIS0010rest');
      await writeFile(join(folder, 'other'), 'hello');
      expect(await readRdbVersion(join(folder, 'dump.rdb'))).toBe(10);
      await expect(readRdbVersion(join(folder, 'other'))).rejects.toThrow(
        /is not an RDB file/,
      );
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});
