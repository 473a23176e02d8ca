import { mockServices } from '@backstage/backend-test-utils';
import { InputError } from '@backstage/errors';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  detectBinaries,
  EngineBinary,
  parseServerVersion,
  pickBinary,
} from './binaries';

describe('parseServerVersion', () => {
  it('reads Redis and Valkey version lines', () => {
    expect(
      parseServerVersion(
        'Redis server v=7.0.15 sha=00000000:0 malloc=jemalloc-5.3.0 bits=64 build=ae4d7c971a948f0',
      ),
    ).toEqual({ engine: 'redis', version: '7.0.15' });
    expect(
      parseServerVersion('Valkey server v=8.0.1 sha=00000000:0 malloc=libc'),
    ).toEqual({ engine: 'valkey', version: '8.0.1' });
    expect(parseServerVersion('redis-check-rdb usage')).toBeUndefined();
  });
});

describe('detectBinaries', () => {
  let folder: string;

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'jm-binaries-'));
  });

  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('detects configured and PATH binaries by running them, skipping missing ones', async () => {
    // A stand-in for a valkey build, so the test does not need one installed.
    const fake = join(folder, 'fake-valkey');
    await writeFile(
      fake,
      '#!/bin/sh\necho "Valkey server v=8.0.1 sha=00000000:0 malloc=libc bits=64"\n',
    );
    await chmod(fake, 0o755);
    const logger = mockServices.logger.mock();

    const binaries = await detectBinaries(
      [fake, join(folder, 'missing-server'), '/usr/bin/redis-server'],
      logger,
    );

    expect(binaries).toContainEqual({
      engine: 'valkey',
      version: '8.0.1',
      path: fake,
    });
    expect(binaries).toContainEqual({
      engine: 'redis',
      version: '7.0.15',
      path: '/usr/bin/redis-server',
    });
    // Configured once and found on PATH once: listed once.
    expect(
      binaries.filter(b => b.engine === 'redis' && b.version === '7.0.15'),
    ).toHaveLength(1);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('missing-server'),
    );
  });
});

describe('pickBinary', () => {
  const binaries: EngineBinary[] = [
    { engine: 'redis', version: '7.0.15', path: '/a' },
    { engine: 'redis', version: '7.0.9', path: '/b' },
    { engine: 'valkey', version: '8.0.1', path: '/c' },
  ];

  it('picks the exact version, or the newest for a partial one', () => {
    expect(pickBinary(binaries, 'redis', '7.0.9').path).toBe('/b');
    expect(pickBinary(binaries, 'redis', '7.0').path).toBe('/a');
    expect(pickBinary(binaries, 'valkey', '8').path).toBe('/c');
  });

  it('refuses a version it does not have', () => {
    expect(() => pickBinary(binaries, 'redis', '7.0.1')).toThrow(InputError);
    expect(() => pickBinary(binaries, 'valkey', '7.0.15')).toThrow(
      /no valkey 7\.0\.15 binary; available: redis 7\.0\.15/,
    );
  });
});
