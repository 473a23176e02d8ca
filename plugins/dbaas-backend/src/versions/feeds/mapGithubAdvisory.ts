import semver from 'semver';
import {
  Advisory,
  AffectedRange,
  Engine,
  SEVERITIES,
  Severity,
  compareVersions,
  parseEngineVersion,
} from '@justmanage/plugin-dbaas-common';
import { GithubCvss, GithubRepositoryAdvisory } from './githubShapes';

/** ">= 7.0.0, < 7.2.6" (GitHub's notation) as a semver range. */
function toSemverRange(range: string): semver.Range | undefined {
  try {
    return new semver.Range(range.replace(/,/g, ' '), { loose: true });
  } catch {
    return undefined;
  }
}

/** "7.2.6, 7.4.1" or "7.2.6 7.4.1" as versions; anything unreadable is dropped. */
function patchedVersions(list: string | null | undefined): string[] {
  return (list ?? '')
    .split(/[,\s]+/)
    .map(v => v.replace(/^v/, ''))
    .filter(v => parseEngineVersion(v) !== undefined);
}

function branchOf(version: string): string {
  return parseEngineVersion(version)!.branch;
}

/**
 * Per-branch ranges from GitHub's vulnerable ranges and patched versions.
 * GitHub states one range across branches ("< 8.2.2") plus the patched
 * release of each branch that got one, so each known branch is affected when
 * one of its releases falls in a vulnerable range, fixed at its patched
 * version if it has one, else open.
 */
export function affectedRanges(
  advisory: GithubRepositoryAdvisory,
  knownVersions: string[],
): AffectedRange[] {
  const ranges: semver.Range[] = [];
  const patched: string[] = [];
  for (const vulnerability of advisory.vulnerabilities ?? []) {
    const range = vulnerability.vulnerable_version_range
      ? toSemverRange(vulnerability.vulnerable_version_range)
      : undefined;
    if (range) ranges.push(range);
    patched.push(...patchedVersions(vulnerability.patched_versions));
  }
  const vulnerable = (version: string) =>
    ranges.some(r =>
      semver.satisfies(parseEngineVersion(version)!.upstream, r),
    );
  const byBranch = new Map<string, AffectedRange>();
  for (const version of [...knownVersions, ...patched].sort(compareVersions)) {
    const branch = branchOf(version);
    if (byBranch.has(branch) || !vulnerable(version)) continue;
    const fix = patched.find(p => branchOf(p) === branch);
    const introduced = ranges
      .map(r => semver.minVersion(r)?.version)
      .find(min => min && branchOf(min) === branch && !min.endsWith('.0'));
    byBranch.set(branch, {
      branch,
      ...(introduced ? { introduced } : {}),
      ...(fix ? { fixed: fix } : {}),
    });
  }
  return [...byBranch.values()];
}

function severityOf(value: string | null | undefined): Severity | undefined {
  const lower = value?.toLowerCase();
  if (lower === 'moderate') return 'medium';
  return SEVERITIES.find(s => s === lower);
}

function cvssOf(advisory: GithubRepositoryAdvisory): GithubCvss | undefined {
  const candidates = [
    advisory.cvss_severities?.cvss_v3,
    advisory.cvss_severities?.cvss_v4,
    advisory.cvss,
  ];
  return candidates.find(c => c?.vector_string) ?? undefined;
}

/**
 * A published repository advisory as a catalog advisory, keyed by its CVE
 * when it has one (as the shipped data is), else by its GHSA id. Undefined
 * when it is withdrawn, unpublished, without severity, or affects no release
 * of the engine that the catalog knows.
 */
export function mapGithubAdvisory(
  engine: Engine,
  advisory: GithubRepositoryAdvisory,
  knownVersions: string[],
): Advisory | undefined {
  const severity = severityOf(advisory.severity);
  if (
    !advisory.ghsa_id ||
    advisory.state !== 'published' ||
    advisory.withdrawn_at ||
    !severity ||
    !advisory.published_at
  ) {
    return undefined;
  }
  const affected = affectedRanges(advisory, knownVersions);
  if (affected.length === 0) return undefined;
  const cvss = cvssOf(advisory);
  return {
    id: advisory.cve_id || advisory.ghsa_id,
    ...(advisory.cve_id ? { aliases: [advisory.ghsa_id] } : {}),
    engine,
    severity,
    ...(typeof cvss?.score === 'number' && cvss.score > 0
      ? { cvss: cvss.score }
      : {}),
    ...(cvss?.vector_string ? { cvssVector: cvss.vector_string } : {}),
    summary: advisory.summary?.trim() || advisory.ghsa_id,
    published: advisory.published_at.slice(0, 10),
    affected,
    links: advisory.html_url ? [advisory.html_url] : [],
  };
}
