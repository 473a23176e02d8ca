import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { detectDebianBuild, parseDebianVersion } from './debianBuild';

describe('parseDebianVersion', () => {
  it('reads the upstream release and the Debian build', () => {
    expect(parseDebianVersion('5:6.0.16-1+deb11u2')).toEqual({
      upstream: '6.0.16',
      build: 'deb11u2',
    });
    expect(parseDebianVersion('5:7.0.15-1~deb12u10')).toEqual({
      upstream: '7.0.15',
      build: 'deb12u10',
    });
    expect(parseDebianVersion('8.0.1+dfsg1-1~bpo12+1')).toEqual({
      upstream: '8.0.1',
      build: 'bpo12.1',
    });
    expect(parseDebianVersion('7.2.4-1')).toEqual({
      upstream: '7.2.4',
      build: 'debian.1',
    });
    expect(parseDebianVersion('not a version')).toBeUndefined();
  });
});

describe('detectDebianBuild', () => {
  let root: string;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'jm-debian-build-'));
  });

  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it("reads the build from an engine folder's dpkg status", async () => {
    const folder = join(root, 'redis-6.0.16+deb11u2');
    await mkdir(join(folder, 'var/lib/dpkg'), { recursive: true });
    await writeFile(
      join(folder, 'var/lib/dpkg/status'),
      [
        'Package: libssl1.1',
        'Version: 1.1.1w-0+deb11u1',
        '',
        'Package: redis-server',
        'Source: redis',
        'Version: 5:6.0.16-1+deb11u2',
        'Description: Persistent key-value database',
        ' with network interface',
        '',
      ].join('\n'),
    );
    const launcher = join(folder, 'bin/redis-server');
    expect(await detectDebianBuild(launcher, 'redis', '6.0.16')).toBe(
      'deb11u2',
    );
    // The package data must be of the release the binary reported.
    expect(
      await detectDebianBuild(launcher, 'redis', '6.0.17'),
    ).toBeUndefined();
    expect(
      await detectDebianBuild(launcher, 'valkey', '6.0.16'),
    ).toBeUndefined();
  });

  it('falls back to the changelog, and ignores binaries outside a package tree', async () => {
    const folder = join(root, 'valkey');
    await mkdir(join(folder, 'usr/share/doc/valkey-tools'), {
      recursive: true,
    });
    await writeFile(
      join(folder, 'usr/share/doc/valkey-tools/changelog.Debian.gz'),
      gzipSync(
        'valkey (8.0.1+dfsg1-1~bpo12+1) bookworm-backports; urgency=medium\n\n  * Rebuild\n',
      ),
    );
    expect(
      await detectDebianBuild(
        join(folder, 'usr/bin/valkey-server'),
        'valkey',
        '8.0.1',
      ),
    ).toBe('bpo12.1');
    expect(
      await detectDebianBuild(join(folder, 'valkey-server'), 'valkey', '8.0.1'),
    ).toBeUndefined();
  });

  it("reads the machine's own package from /var/lib/dpkg/status", async () => {
    expect(
      await detectDebianBuild('/usr/bin/redis-server', 'redis', '7.0.15'),
    ).toMatch(/^deb12u\d+$/);
  });
});
