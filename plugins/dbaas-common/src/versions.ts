import { Engine } from './types';

/** @public */
export type Severity = 'low' | 'medium' | 'high' | 'critical';

/** @public */
export const SEVERITIES: readonly Severity[] = [
  'low',
  'medium',
  'high',
  'critical',
];

/**
 * One release of an engine. `version` is the upstream version ("7.0.15");
 * a distribution build of it carries the build after a plus sign
 * ("7.0.15+deb12u10"), which orders after the plain version and is how a
 * security fix backported by Debian becomes a real patch-level step.
 * @public
 */
export interface VersionRelease {
  engine: Engine;
  version: string;
  releaseDate: string;
  /** The end of upstream support for the release's minor branch, when announced. */
  endOfSupport?: string;
  /** The RDB format version the release writes; a server loads files up to its own. */
  rdbVersion: number;
  releaseNotesUrl?: string;
  /** Changes a user must know before moving to this release. */
  breakingChanges?: string[];
  /**
   * Set on releases the release watcher found on a branch the shipped data
   * does not describe: the RDB version is the newest one known for the
   * engine, not read from the release's sources.
   */
  rdbVersionAssumed?: boolean;
  /** Where the entry comes from: `shipped`, or the id of the feed that found it. */
  source?: string;
}

/** Where one branch (major.minor) of an engine is affected by an advisory. @public */
export interface AffectedRange {
  /** "7.0", "6.2", "8.0" */
  branch: string;
  /** First affected version on the branch; absent: every earlier release. */
  introduced?: string;
  /** First upstream release on the branch with the fix; absent: not fixed on this branch. */
  fixed?: string;
  /** Distribution builds of otherwise affected versions that carry the fix. */
  fixedBuilds?: string[];
}

/** A security advisory (CVE or GHSA) against an engine. @public */
export interface Advisory {
  /** CVE id when there is one, else the GHSA id. */
  id: string;
  aliases?: string[];
  engine: Engine;
  severity: Severity;
  /** Base score of the vector below, as its source states it. */
  cvss?: number;
  /** The CVSS vector the score belongs to, e.g. `CVSS:3.1/AV:N/...`; it names the CVSS version. */
  cvssVector?: string;
  summary: string;
  published: string;
  affected: AffectedRange[];
  links: string[];
  /** Where the entry comes from: `shipped`, or the id of the feed that found it. */
  source?: string;
}

/** How the last refresh of one upstream feed went. @public */
export interface AdvisoryFeedStatus {
  id: string;
  url: string;
  ok: boolean;
  checkedAt?: string;
  lastSuccessAt?: string;
  /** Why the last refresh failed; the last good data stays in place. */
  error?: string;
}

/** The response of GET /versions. @public */
export interface VersionCatalogSnapshot {
  releases: VersionRelease[];
  advisories: Advisory[];
  feeds: AdvisoryFeedStatus[];
  updatedAt: string;
}

/** One instance with the advisories that affect its exact version (GET /security). @public */
export interface InstanceSecurity {
  instanceId: string;
  name: string;
  owner: string;
  engine: Engine;
  version: string;
  advisories: Advisory[];
  worstSeverity?: Severity;
}

/** The response of GET /instances/{id}/advisories. @public */
export interface InstanceAdvisories {
  instanceId: string;
  engine: Engine;
  version: string;
  /** Most severe first. */
  advisories: Advisory[];
  worstSeverity?: Severity;
}
