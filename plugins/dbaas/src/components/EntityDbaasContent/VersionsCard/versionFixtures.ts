import type {
  Advisory,
  InstanceAdvisories,
  UpgradeCandidate,
  UpgradePlan,
  UpgradePreview,
} from '@justmanage/plugin-dbaas-common';

export const luaUaf: Advisory = {
  id: 'CVE-2026-23631',
  aliases: ['GHSA-8ghh-qpmp-7826'],
  engine: 'redis',
  severity: 'medium',
  cvss: 6.1,
  summary: 'Through replication, a Lua script can trigger a use-after-free.',
  published: '2026-05-05',
  affected: [{ branch: '7.0', fixedBuilds: ['7.0.15+deb12u8'] }],
  links: [
    'https://github.com/redis/redis/security/advisories/GHSA-8ghh-qpmp-7826',
    'https://nvd.nist.gov/vuln/detail/CVE-2026-23631',
  ],
};

export const tlsUaf: Advisory = {
  id: 'CVE-2026-81934',
  engine: 'redis',
  severity: 'critical',
  cvss: 9.8,
  summary: 'With TLS enabled, a use-after-free lets an attacker execute code.',
  published: '2026-08-27',
  affected: [{ branch: '7.0', fixedBuilds: ['7.0.15+deb12u10'] }],
  links: ['https://nvd.nist.gov/vuln/detail/CVE-2026-81934'],
  requires: ['tls'],
};

export function advisoriesOf(
  instanceId: string,
  version: string,
  advisories: Advisory[],
): InstanceAdvisories {
  return {
    instanceId,
    engine: 'redis',
    version,
    advisories,
    ...(advisories.length ? { worstSeverity: advisories[0].severity } : {}),
  };
}

export function aCandidate(
  overrides: Partial<UpgradeCandidate> = {},
): UpgradeCandidate {
  return {
    engine: 'redis',
    version: '7.0.15+deb12u10',
    kind: 'patch',
    fixes: ['CVE-2026-81934', 'CVE-2026-23631'],
    openAdvisories: [],
    breakingChanges: [],
    releaseNotesUrl: 'https://github.com/redis/redis/releases/tag/7.0.15',
    available: true,
    rdbCompatible: true,
    strategy: 'restart',
    expectedDowntimeSeconds: 2,
    ...overrides,
  };
}

export const patch = aCandidate();
export const toValkey = aCandidate({
  engine: 'valkey',
  version: '8.0.1+bpo12.1',
  kind: 'major',
  fixes: ['CVE-2026-81934'],
  openAdvisories: ['CVE-2025-49844'],
  breakingChanges: ['Binaries are named valkey-server.'],
  releaseNotesUrl: 'https://github.com/valkey-io/valkey/releases/tag/8.0.1',
});
export const toOld = aCandidate({
  version: '6.0.16+deb11u2',
  kind: 'downgrade',
  fixes: [],
  openAdvisories: ['CVE-2022-24834'],
  breakingChanges: [
    'Commands, options and data types added after 6.0.16 are not available; clients that use them get errors.',
  ],
  rdbCompatible: false,
  strategy: 'snapshot-restore',
  blockedReason:
    'redis 6.0.16+deb11u2 reads RDB files up to version 9, and the data is in version 10: it can only be reached by restoring a snapshot taken before the upgrade, and writes made after that snapshot are lost.',
});
export const notHere = aCandidate({
  version: '7.2.13',
  kind: 'minor',
  available: false,
  blockedReason: 'Local processes does not run redis 7.2.13.',
});

export function aPlan(
  instanceId: string,
  candidates: UpgradeCandidate[] = [patch, notHere, toValkey, toOld],
): UpgradePlan {
  return {
    instanceId,
    current: { engine: 'redis', version: '7.0.15+deb12u7', rdbVersion: 10 },
    candidates,
  };
}

export function aPreview(
  candidate: UpgradeCandidate,
  dataLossWarning?: string,
): UpgradePreview {
  return {
    candidate,
    steps: [
      {
        name: 'preflight',
        description: `Check that the platform runs redis ${candidate.version}`,
      },
      {
        name: 'snapshot',
        description:
          'Pause writes, SAVE, and copy the RDB file into a snapshot',
      },
      {
        name: 'switch',
        description:
          'Stop the old server and start the new one on the same data',
      },
      { name: 'verify', description: 'Check INFO and the key count' },
    ],
    ...(dataLossWarning ? { dataLossWarning } : {}),
  };
}
