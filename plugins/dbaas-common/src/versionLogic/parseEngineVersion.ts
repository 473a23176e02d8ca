import semver from 'semver';

/**
 * An engine version taken apart: the upstream release, its branch
 * (major.minor, the line that gets patch releases) and, for a distribution
 * build, the build after the plus sign ("7.0.15+deb12u10" has build
 * "deb12u10").
 * @public
 */
export interface ParsedEngineVersion {
  upstream: string;
  major: number;
  minor: number;
  patch: number;
  branch: string;
  build?: string;
}

/**
 * Parses "7.0.15" or "7.0.15+deb12u10"; undefined for anything else, such
 * as a release candidate tag ("8.0-rc1") that no platform runs.
 * @public
 */
export function parseEngineVersion(
  version: string,
): ParsedEngineVersion | undefined {
  const match = /^(\d+\.\d+\.\d+)(?:\+([0-9A-Za-z][0-9A-Za-z.-]*))?$/.exec(
    version.trim(),
  );
  const parsed = match ? semver.parse(match[1]) : null;
  if (!match || !parsed) return undefined;
  return {
    upstream: parsed.version,
    major: parsed.major,
    minor: parsed.minor,
    patch: parsed.patch,
    branch: `${parsed.major}.${parsed.minor}`,
    ...(match[2] ? { build: match[2] } : {}),
  };
}

/** The branch ("7.0") of a version, or undefined when it does not parse. @public */
export function branchOf(version: string): string | undefined {
  return parseEngineVersion(version)?.branch;
}
