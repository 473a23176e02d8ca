import {
  githubRelease,
  newRedisAdvisory,
} from '../__fixtures__/githubResponses';
import { affectedRanges, mapGithubAdvisory } from './mapGithubAdvisory';
import { mapGithubRelease } from './mapGithubRelease';

const known = ['6.2.20', '7.0.15', '7.2.13', '7.4.8', '8.0.6', '8.2.5'];

describe('mapGithubAdvisory', () => {
  it('turns one range across branches into a range per known branch, fixed where patched', () => {
    expect(mapGithubAdvisory('redis', newRedisAdvisory(), known)).toEqual({
      id: 'CVE-2026-99001',
      aliases: ['GHSA-test-0001-fixt'],
      engine: 'redis',
      severity: 'high',
      cvss: 8.8,
      cvssVector: 'CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H',
      summary: 'Test fixture: crafted SCRIPT DEBUG session corrupts memory',
      published: '2026-11-20',
      affected: [
        { branch: '6.2' },
        { branch: '7.0' },
        { branch: '7.2' },
        { branch: '7.4', fixed: '7.4.10' },
        { branch: '8.0' },
        { branch: '8.2', fixed: '8.2.10' },
      ],
      links: [
        'https://github.com/redis/redis/security/advisories/GHSA-test-0001-fixt',
      ],
    });
  });

  it('keeps a lower bound inside a branch as introduced', () => {
    const ranges = affectedRanges(
      newRedisAdvisory({
        vulnerabilities: [
          {
            vulnerable_version_range: '>= 7.0.9, < 7.0.15',
            patched_versions: '7.0.15',
          },
        ],
      }),
      ['7.0.8', '7.0.12', '7.2.4'],
    );
    expect(ranges).toEqual([
      { branch: '7.0', introduced: '7.0.9', fixed: '7.0.15' },
    ]);
  });

  it('skips drafts, withdrawn advisories and ones without a severity', () => {
    for (const overrides of [
      { state: 'draft' },
      { withdrawn_at: '2026-11-21T00:00:00Z' },
      { severity: null },
    ]) {
      expect(
        mapGithubAdvisory('redis', newRedisAdvisory(overrides), known),
      ).toBeUndefined();
    }
  });

  it('keys an advisory without a CVE by its GHSA id and reads moderate as medium', () => {
    const mapped = mapGithubAdvisory(
      'valkey',
      newRedisAdvisory({ cve_id: null, severity: 'moderate' }),
      ['8.0.1'],
    );
    expect(mapped).toMatchObject({
      id: 'GHSA-test-0001-fixt',
      severity: 'medium',
      // a branch with a patched release was affected before it
      affected: [{ branch: '7.4', fixed: '7.4.10' }, { branch: '8.0' }],
    });
    expect(mapped?.aliases).toBeUndefined();
  });
});

describe('mapGithubRelease', () => {
  const rdbOf = (_engine: string, branch: string) =>
    branch === '7.2' ? { rdbVersion: 11, assumed: false } : undefined;

  it('maps a release tag with the RDB version of its branch', () => {
    expect(mapGithubRelease('redis', githubRelease('7.2.14'), rdbOf)).toEqual({
      engine: 'redis',
      version: '7.2.14',
      releaseDate: '2026-11-20',
      rdbVersion: 11,
      releaseNotesUrl: 'https://github.com/redis/redis/releases/tag/7.2.14',
    });
  });

  it('skips release candidates, drafts and branches without a known format', () => {
    expect(
      mapGithubRelease('redis', githubRelease('8.4-rc1'), rdbOf),
    ).toBeUndefined();
    expect(
      mapGithubRelease(
        'redis',
        githubRelease('7.2.15', { prerelease: true }),
        rdbOf,
      ),
    ).toBeUndefined();
    expect(
      mapGithubRelease('redis', githubRelease('5.0.14'), rdbOf),
    ).toBeUndefined();
  });
});
