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
    // The machine's package: the Debian build comes from dpkg's status file.
    expect(binaries).toContainEqual({
      engine: 'redis',
      version: expect.stringMatching(/^7\.0\.15\+deb12u\d+$/),
      path: '/usr/bin/redis-server',
      fromPath: true,
    });
    // Configured once and found on PATH once: listed once.
    expect(
      binaries.filter(b => b.path === '/usr/bin/redis-server'),
    ).toHaveLength(1);
    expect(
      binaries.filter(b => b.version.startsWith('7.0.15+deb12u')),
    ).toHaveLength(1);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('missing-server'),
    );
  });
});

describe('detectBinaries with engine folders', () => {
  it('reports every build scripts/install-engines.sh installed, side by side with PATH', async () => {
    const logger = mockServices.logger.mock();
    const binaries = await detectBinaries([], logger, [
      '/opt/justmanage/engines',
    ]);
    const versions = binaries.map(b => `${b.engine} ${b.version}`);
    expect(versions).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^redis 6\.0\.16\+deb11u\d+$/),
        expect.stringMatching(/^redis 7\.0\.15\+deb12u\d+$/),
        expect.stringMatching(/^valkey 8\.0\.1\+bpo12\.\d+$/),
      ]),
    );
    // Two Debian builds of 7.0.15: the bookworm one in its folder and the
    // machine's bookworm-security one on PATH.
    const builds = binaries.filter(b => b.version.startsWith('7.0.15+'));
    expect(builds).toHaveLength(2);
    expect(builds.find(b => b.fromPath)?.path).toBe('/usr/bin/redis-server');
    expect(builds.find(b => !b.fromPath)?.path).toMatch(
      /^\/opt\/justmanage\/engines\/redis-7\.0\.15\+deb12u\d+\/bin\/redis-server$/,
    );
  });

  it('takes an engine folder itself as well as a folder of them', async () => {
    const logger = mockServices.logger.mock();
    const [six] = (
      await detectBinaries([], logger, ['/opt/justmanage/engines'])
    ).filter(b => b.version.startsWith('6.0.16+'));
    const folder = six.path.replace(/\/bin\/redis-server$/, '');
    const binaries = await detectBinaries([], logger, [folder]);
    expect(binaries.map(b => b.version)).toContain(six.version);
  });

  it('skips folders that do not exist', async () => {
    const logger = mockServices.logger.mock();
    const binaries = await detectBinaries([], logger, [
      join(tmpdir(), 'jm-no-such-engines-folder'),
    ]);
    expect(binaries.every(b => b.fromPath)).toBe(true);
  });
});

describe('pickBinary', () => {
  const binaries: EngineBinary[] = [
    { engine: 'redis', version: '7.0.15', path: '/a' },
    { engine: 'redis', version: '7.0.9', path: '/b' },
    { engine: 'valkey', version: '8.0.1', path: '/c' },
  ];
  const builds: EngineBinary[] = [
    { engine: 'redis', version: '7.0.15+deb12u7', path: '/u7' },
    {
      engine: 'redis',
      version: '7.0.15+deb12u10',
      path: '/u10',
      fromPath: true,
    },
    { engine: 'redis', version: '7.0.15+deb12u11', path: '/u11' },
    { engine: 'redis', version: '6.0.16+deb11u2', path: '/r6' },
  ];

  it('picks the exact version, or the newest for a partial one', () => {
    expect(pickBinary(binaries, 'redis', '7.0.9').path).toBe('/b');
    expect(pickBinary(binaries, 'redis', '7.0').path).toBe('/a');
    expect(pickBinary(binaries, 'valkey', '8').path).toBe('/c');
  });

  it('picks an exact build, and the build on PATH for a plain version', () => {
    expect(pickBinary(builds, 'redis', '7.0.15+deb12u7').path).toBe('/u7');
    expect(pickBinary(builds, 'redis', '7.0.15').path).toBe('/u10');
    expect(pickBinary(builds, 'redis', '6.0.16').path).toBe('/r6');
    expect(
      pickBinary(
        builds.filter(b => !b.fromPath),
        'redis',
        '7.0.15',
      ).path,
    ).toBe('/u11');
    expect(() => pickBinary(builds, 'redis', '7.0.15+deb12u8')).toThrow(
      /no redis 7\.0\.15\+deb12u8 binary/,
    );
  });

  it('refuses a version it does not have', () => {
    expect(() => pickBinary(binaries, 'redis', '7.0.1')).toThrow(InputError);
    expect(() => pickBinary(binaries, 'valkey', '7.0.15')).toThrow(
      /no valkey 7\.0\.15 binary; available: redis 7\.0\.15/,
    );
  });
});
