import {
  Engine,
  VersionRelease,
  parseEngineVersion,
} from '@justmanage/plugin-dbaas-common';
import { GithubRelease } from './githubShapes';

/** What is known about a branch: the RDB version its releases write. */
export type BranchRdbLookup = (
  engine: Engine,
  branch: string,
) => { rdbVersion: number; assumed: boolean } | undefined;

/**
 * A GitHub release as a catalog release, or undefined for drafts, release
 * candidates and tags that are not x.y.z (such as "8.0-rc1"). GitHub does
 * not say which RDB format a release writes; it comes from the branch as the
 * shipped data knows it, and is flagged as assumed when the branch is new.
 */
export function mapGithubRelease(
  engine: Engine,
  release: GithubRelease,
  rdbOf: BranchRdbLookup,
): VersionRelease | undefined {
  if (release.draft || release.prerelease || !release.tag_name)
    return undefined;
  const version = release.tag_name.replace(/^v/, '');
  const parsed = parseEngineVersion(version);
  const date = release.published_at ?? release.created_at;
  if (!parsed || parsed.build || !date) return undefined;
  const rdb = rdbOf(engine, parsed.branch);
  if (!rdb) return undefined;
  return {
    engine,
    version,
    releaseDate: date.slice(0, 10),
    rdbVersion: rdb.rdbVersion,
    ...(rdb.assumed ? { rdbVersionAssumed: true } : {}),
    ...(release.html_url ? { releaseNotesUrl: release.html_url } : {}),
  };
}
