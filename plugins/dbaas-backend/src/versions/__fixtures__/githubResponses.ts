import { GithubRelease, GithubRepositoryAdvisory } from '../feeds/githubShapes';

/**
 * Responses in the shape GitHub documents for
 * GET /repos/{owner}/{repo}/security-advisories and .../releases, trimmed
 * to what matters. CVE-2026-99001 and its GHSA id are test fixtures, not
 * real advisories.
 */
export function newRedisAdvisory(
  overrides: Partial<GithubRepositoryAdvisory> = {},
): GithubRepositoryAdvisory {
  return {
    ghsa_id: 'GHSA-test-0001-fixt',
    cve_id: 'CVE-2026-99001',
    url: 'https://api.github.com/repos/redis/redis/security-advisories/GHSA-test-0001-fixt',
    html_url:
      'https://github.com/redis/redis/security/advisories/GHSA-test-0001-fixt',
    summary: 'Test fixture: crafted SCRIPT DEBUG session corrupts memory',
    description: 'A fixture for the release watcher tests.',
    severity: 'high',
    author: null,
    publisher: { login: 'redis-security' },
    identifiers: [
      { value: 'GHSA-test-0001-fixt', type: 'GHSA' },
      { value: 'CVE-2026-99001', type: 'CVE' },
    ],
    state: 'published',
    created_at: '2026-11-01T10:00:00Z',
    updated_at: '2026-11-20T10:00:00Z',
    published_at: '2026-11-20T10:00:00Z',
    closed_at: null,
    withdrawn_at: null,
    submission: null,
    vulnerabilities: [
      {
        package: { ecosystem: '', name: 'redis' },
        vulnerable_version_range: '< 8.2.10',
        patched_versions: '8.2.10, 7.4.10',
        vulnerable_functions: [],
      },
    ],
    cvss_severities: {
      cvss_v3: {
        vector_string: 'CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H',
        score: 8.8,
      },
      cvss_v4: { vector_string: null, score: null },
    },
    cwe_ids: ['CWE-416'],
    credits: [],
    ...overrides,
  } as GithubRepositoryAdvisory;
}

export function githubRelease(
  tag: string,
  overrides: Partial<GithubRelease> = {},
): GithubRelease {
  return {
    url: `https://api.github.com/repos/redis/redis/releases/${tag}`,
    html_url: `https://github.com/redis/redis/releases/tag/${tag}`,
    id: 1,
    tag_name: tag,
    target_commitish: tag,
    name: tag,
    draft: false,
    prerelease: false,
    created_at: '2026-11-19T08:00:00Z',
    published_at: '2026-11-20T08:00:00Z',
    body: 'Upgrade urgency SECURITY',
    ...overrides,
  } as GithubRelease;
}
