import semver from 'semver';
import { parseEngineVersion } from './parseEngineVersion';

/**
 * Orders two distribution builds of one upstream release. Debian numbers its
 * security uploads (deb12u7, deb12u8, ... deb12u10), so digit runs compare as
 * numbers and deb12u10 comes after deb12u7.
 * @public
 */
export function compareBuilds(a: string, b: string): number {
  const pa = a.match(/\d+|\D+/g) ?? [];
  const pb = b.match(/\d+|\D+/g) ?? [];
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i];
    const y = pb[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    const bothNumbers = /^\d/.test(x) && /^\d/.test(y);
    const diff = bothNumbers ? Number(x) - Number(y) : x.localeCompare(y, 'en');
    if (diff !== 0) return Math.sign(diff);
  }
  return 0;
}

/**
 * Orders engine versions: upstream releases by semver, then the plain
 * release before its builds, then builds by {@link compareBuilds}:
 * 7.0.15 < 7.0.15+deb12u7 < 7.0.15+deb12u10 < 7.0.16. Throws on a version
 * that does not parse, since ordering it would be a guess.
 * @public
 */
export function compareVersions(a: string, b: string): number {
  const va = parseEngineVersion(a);
  const vb = parseEngineVersion(b);
  if (!va || !vb) {
    throw new Error(`Cannot compare engine versions '${a}' and '${b}'`);
  }
  const upstream = semver.compare(va.upstream, vb.upstream);
  if (upstream !== 0) return upstream;
  if (va.build === vb.build) return 0;
  if (va.build === undefined) return -1;
  if (vb.build === undefined) return 1;
  return compareBuilds(va.build, vb.build);
}

/**
 * Whether two builds belong to one series of uploads, so that the later one
 * carries the earlier one's fixes: "deb12u7" and "deb12u10" do (series
 * "deb12u"), "deb11u2" and "deb12u7" do not.
 * @public
 */
export function sameBuildSeries(a: string, b: string): boolean {
  const series = (build: string) => build.replace(/\d+$/, '');
  return series(a) === series(b) && series(a) !== a;
}
