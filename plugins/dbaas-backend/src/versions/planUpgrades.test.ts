import { UpgradeCandidate } from '@justmanage/plugin-dbaas-common';
import { planUpgrades, PlanUpgradesOptions } from './planUpgrades';
import { loadShippedCatalog } from './shippedCatalog';

const catalog = loadShippedCatalog();
/** What the local driver detects on this machine (scripts/install-engines.sh). */
const localPlatform: PlanUpgradesOptions['platform'] = {
  title: 'Local processes',
  engines: [
    {
      engine: 'redis',
      versions: ['6.0.16+deb11u2', '7.0.15+deb12u7', '7.0.15+deb12u10'],
    },
    { engine: 'valkey', versions: ['8.0.1+bpo12.1'] },
  ],
};

function plan(
  engine: 'redis' | 'valkey',
  version: string,
  extra: Partial<PlanUpgradesOptions> = {},
) {
  return planUpgrades(
    { id: 'i-1', engine, version },
    { catalog, platform: localPlatform, ...extra },
  );
}

function find(candidates: UpgradeCandidate[], label: string) {
  const found = candidates.find(c => `${c.engine} ${c.version}` === label);
  if (!found) throw new Error(`no candidate ${label}`);
  return found;
}

describe('planUpgrades', () => {
  it('offers the newer Debian build as a patch that fixes five advisories with a restart', () => {
    const { current, candidates } = plan('redis', '7.0.15+deb12u7');
    expect(current).toEqual({
      engine: 'redis',
      version: '7.0.15+deb12u7',
      rdbVersion: 10,
    });
    const patch = find(candidates, 'redis 7.0.15+deb12u10');
    expect(patch).toMatchObject({
      kind: 'patch',
      available: true,
      rdbCompatible: true,
      strategy: 'restart',
      openAdvisories: [],
      breakingChanges: [],
      releaseNotesUrl: 'https://github.com/redis/redis/releases/tag/7.0.15',
    });
    expect([...patch.fixes].sort()).toEqual([
      'CVE-2026-23631',
      'CVE-2026-25243',
      'CVE-2026-66373',
      'CVE-2026-81934',
      'CVE-2026-92925',
    ]);
    expect(patch.blockedReason).toBeUndefined();
    expect(candidates.map(c => c.version)).not.toContain('7.0.15+deb12u7');
  });

  it('groups candidates patch, minor, major, downgrade', () => {
    const kinds = plan('redis', '7.0.15+deb12u7').candidates.map(c => c.kind);
    const firstIndex = (k: string) => kinds.indexOf(k as any);
    expect(firstIndex('patch')).toBe(0);
    expect(firstIndex('patch')).toBeLessThan(firstIndex('minor'));
    expect(firstIndex('minor')).toBeLessThan(firstIndex('major'));
    expect(firstIndex('major')).toBeLessThan(firstIndex('downgrade'));
    expect(kinds.lastIndexOf('patch')).toBeLessThan(firstIndex('minor'));
  });

  it('lists releases the platform cannot run, blocked with the reason', () => {
    const minor = find(
      plan('redis', '7.0.15+deb12u7').candidates,
      'redis 7.2.13',
    );
    expect(minor).toMatchObject({ kind: 'minor', available: false });
    expect(minor.blockedReason).toBe(
      'Local processes does not run Redis 7.2.13; it runs Redis 6.0.16 (build deb11u2), Redis 7.0.15 (build deb12u7), Redis 7.0.15 (build deb12u10).',
    );
  });

  it('moves to valkey as a major change that can load the data, with its notes', () => {
    const valkey = find(
      plan('redis', '7.0.15+deb12u7').candidates,
      'valkey 8.0.1+bpo12.1',
    );
    expect(valkey).toMatchObject({
      kind: 'major',
      available: true,
      rdbCompatible: true,
      strategy: 'restart',
    });
    expect(valkey.breakingChanges[0]).toMatch(
      /^Valkey forked from Redis 7.2.4/,
    );
    expect(valkey.breakingChanges).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/default pidfile is valkey.pid/),
      ]),
    );
    expect(valkey.openAdvisories).toContain('CVE-2025-49844');
  });

  it('refuses to load RDB 10 data into 6.0.16 except by snapshot restore, and says why', () => {
    const down = find(
      plan('redis', '7.0.15+deb12u7').candidates,
      'redis 6.0.16+deb11u2',
    );
    expect(down).toMatchObject({
      kind: 'downgrade',
      available: true,
      rdbCompatible: false,
      strategy: 'snapshot-restore',
    });
    expect(down.blockedReason).toBe(
      'Redis 6.0.16 (build deb11u2) reads RDB files up to version 9, and the data is in version 10: it can only be reached by restoring a snapshot it can load, and writes made after that snapshot are lost.',
    );
    expect(down.breakingChanges).toEqual([
      'Commands, options and data types added after 6.0.16 are not available; clients that use them get errors.',
    ]);
  });

  it.each([
    [
      'names the kept snapshot it can load',
      [
        {
          engine: 'redis',
          version: '7.0.15+deb12u7',
          rdbVersion: 10,
          createdAt: '2026-11-22T10:00:00Z',
        },
        {
          engine: 'redis',
          version: '6.0.16+deb11u2',
          rdbVersion: 9,
          createdAt: '2026-11-21T10:00:00Z',
        },
      ],
      'it can only be reached by restoring the snapshot taken at 2026-11-21T10:00:00Z on Redis 6.0.16 (build deb11u2), and writes made after it are lost.',
    ],
    [
      'says there is none on an instance never upgraded',
      [],
      'no snapshot it can load is kept (one is taken before each upgrade, and this instance was never upgraded from such a version), so it cannot be reached.',
    ],
  ] as const)('a downgrade that needs a snapshot %s', (_, snapshots, text) => {
    const down = find(
      plan('redis', '7.0.15+deb12u7', { snapshots: [...snapshots] }).candidates,
      'redis 6.0.16+deb11u2',
    );
    expect(down.blockedReason).toBe(
      `Redis 6.0.16 (build deb11u2) reads RDB files up to version 9, and the data is in version 10: ${text}`,
    );
  });

  it('lets 6.0.16 move up to 7.0.15 as a major upgrade on the same data', () => {
    const up = find(
      plan('redis', '6.0.16+deb11u2').candidates,
      'redis 7.0.15+deb12u10',
    );
    expect(up).toMatchObject({
      kind: 'major',
      rdbCompatible: true,
      strategy: 'restart',
    });
    expect(up.breakingChanges).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^ACL: Pub\/Sub channels/),
      ]),
    );
    expect(up.fixes).toContain('CVE-2022-24834');
  });

  it('treats valkey 8 to redis 7.0 as a downgrade its data cannot take', () => {
    const back = find(
      plan('valkey', '8.0.1+bpo12.1').candidates,
      'redis 7.0.15+deb12u10',
    );
    expect(back).toMatchObject({
      kind: 'downgrade',
      rdbCompatible: false,
      strategy: 'snapshot-restore',
    });
  });

  it('rolls replicated instances with a failover’s stall, restarts others by data size', () => {
    const rolled = find(
      plan('redis', '7.0.15+deb12u7', { replicas: 2 }).candidates,
      'redis 7.0.15+deb12u10',
    );
    expect(rolled).toMatchObject({
      strategy: 'rolling',
      expectedDowntimeSeconds: 1,
    });
    const restarted = find(
      plan('redis', '7.0.15+deb12u7', { dataBytes: 1024 * 1024 * 1024 })
        .candidates,
      'redis 7.0.15+deb12u10',
    );
    // save and load 1 GiB at the assumed 100 MiB/s, plus a second
    expect(restarted).toMatchObject({
      strategy: 'restart',
      expectedDowntimeSeconds: 22,
    });
    const noRolling = find(
      plan('redis', '7.0.15+deb12u7', {
        replicas: 2,
        platform: { ...localPlatform, rollingChanges: false },
      }).candidates,
      'redis 7.0.15+deb12u10',
    );
    expect(noRolling.strategy).toBe('restart');
  });

  it('uses the data’s RDB version when it is known', () => {
    // 7.0 data never saved by 7.0 is still RDB 9: 6.0 can load it
    const down = find(
      plan('redis', '7.0.15+deb12u7', { dataRdbVersion: 9 }).candidates,
      'redis 6.0.16+deb11u2',
    );
    expect(down).toMatchObject({ rdbCompatible: true, strategy: 'restart' });
    expect(down.blockedReason).toBeUndefined();
  });

  it('does not offer a plain upstream release the platform runs as builds', () => {
    const versions = plan('redis', '6.0.16+deb11u2').candidates.map(
      c => c.version,
    );
    expect(versions).not.toContain('7.0.15');
    expect(versions).toContain('7.0.15+deb12u7');
    expect(versions).toContain('7.4.8');
  });
});
