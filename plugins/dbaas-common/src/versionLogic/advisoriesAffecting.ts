import type { Advisory, AffectedRange, Engine } from '../generated';
import { compareVersions, sameBuildSeries } from './compareVersions';
import { parseEngineVersion } from './parseEngineVersion';
import { sortAdvisories } from './severity';

/**
 * Whether a distribution build listed in `fixedBuilds` covers `version`:
 * the same upstream release, a build of the same upload series, and that
 * upload or a later one (Debian's uploads are cumulative, so deb12u10
 * carries what deb12u8 fixed).
 */
function coveredByFixedBuild(range: AffectedRange, version: string): boolean {
  const v = parseEngineVersion(version);
  if (!v?.build) return false;
  return (range.fixedBuilds ?? []).some(fixedBuild => {
    const f = parseEngineVersion(fixedBuild);
    return (
      f?.build !== undefined &&
      f.upstream === v.upstream &&
      sameBuildSeries(f.build, v.build!) &&
      compareVersions(version, fixedBuild) >= 0
    );
  });
}

/**
 * Whether one affected range covers an exact version: the version is on the
 * range's branch, not before `introduced`, before `fixed` (when the branch
 * got a fix) and not a build listed in `fixedBuilds`. A version with a build
 * counts as its upstream release otherwise, so 7.0.15+deb12u7 is affected
 * wherever 7.0.15 is unless a build of its series fixed it.
 * @public
 */
export function rangeCovers(range: AffectedRange, version: string): boolean {
  const v = parseEngineVersion(version);
  if (!v || v.branch !== range.branch) return false;
  if (range.introduced && compareVersions(v.upstream, range.introduced) < 0) {
    return false;
  }
  if (range.fixed && compareVersions(version, range.fixed) >= 0) {
    return false;
  }
  return !coveredByFixedBuild(range, version);
}

/** Whether an advisory affects an exact engine version. @public */
export function isAffected(
  advisory: Advisory,
  engine: Engine,
  version: string,
): boolean {
  return (
    advisory.engine === engine &&
    advisory.affected.some(range => rangeCovers(range, version))
  );
}

/**
 * The advisories that affect an exact engine version, most severe first.
 * Versions that do not parse are affected by nothing rather than by
 * everything: the caller shows the version as unknown instead.
 * @public
 */
export function advisoriesAffecting<T extends Advisory>(
  advisories: readonly T[],
  engine: Engine,
  version: string,
): T[] {
  if (!parseEngineVersion(version)) return [];
  return sortAdvisories(
    advisories.filter(advisory => isAffected(advisory, engine, version)),
  );
}
