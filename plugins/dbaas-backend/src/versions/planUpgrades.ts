import {
  Advisory,
  Engine,
  UpgradeCandidate,
  UpgradeKind,
  UpgradePlan,
  UpgradeStrategy,
  VersionRelease,
  advisoriesAffecting,
  classifyChange,
  compareVersions,
  engineVersionLabel,
  parseEngineVersion,
  VALKEY_FORKED_FROM_REDIS,
} from '@justmanage/plugin-dbaas-common';

/** What planUpgrades needs to know besides the instance. @public */
export interface PlanUpgradesOptions {
  /** The version catalog (GET /versions), or the part of it that matters. */
  catalog: {
    releases: VersionRelease[];
    advisories: Advisory[];
    /** Notes shown for an engine change, keyed "redis->valkey" / "valkey->redis". */
    engineChanges?: Record<string, string[]>;
  };
  /** The instance's platform: what its driver detected it can run. */
  platform: {
    title?: string;
    engines: Array<{ engine: Engine; versions: string[] }>;
    /** Whether the driver can replace nodes one at a time; default true. */
    rollingChanges?: boolean;
  };
  /** The RDB version of the data the instance holds; default: what its version writes. */
  dataRdbVersion?: number;
  /** Replicas next to the primary; with any, upgrades roll. Default 0. */
  replicas?: number;
  /** Size of the dataset (used_memory), for the downtime estimate. */
  dataBytes?: number;
  /**
   * Copies of the instance's data that are kept (one is taken before each
   * upgrade), newest first: a target that cannot read the data is reached
   * only through one it can read. Absent when they were not looked up.
   */
  snapshots?: Array<{
    engine: Engine;
    version: string;
    rdbVersion: number;
    createdAt: string;
  }>;
}

/**
 * How a target that cannot read the data is reached, if at all: naming
 * the snapshot when one is kept, and saying there is none on an instance
 * that was never upgraded from a version the target can read.
 */
function restoreText(
  targetRdb: number,
  snapshots: PlanUpgradesOptions['snapshots'],
): string {
  if (!snapshots) {
    return 'it can only be reached by restoring a snapshot it can load, and writes made after that snapshot are lost.';
  }
  const loadable = snapshots.find(s => s.rdbVersion <= targetRdb);
  return loadable
    ? `it can only be reached by restoring the snapshot taken at ${
        loadable.createdAt
      } on ${engineVersionLabel(loadable)}, and writes made after it are lost.`
    : 'no snapshot it can load is kept (one is taken before each upgrade, and this instance was never upgraded from such a version), so it cannot be reached.';
}

const KIND_ORDER: UpgradeKind[] = ['patch', 'minor', 'major', 'downgrade'];

/**
 * The downtime estimate of a restart: the server saves its data on the way
 * down and loads it on the way up. The rates are our planning assumption
 * for RDB save and load on local disks, not a measurement of the instance;
 * the second covers stop and start (a bare redis-server answers PING in
 * about 20 ms here).
 */
const RESTART_FIXED_SECONDS = 1;
const RDB_BYTES_PER_SECOND = 100 * 1024 * 1024;
/** A failover through Sentinel stalls Sentinel-aware clients for about a second. */
const FAILOVER_SECONDS = 1;

const label = engineVersionLabel;

function releaseOf(
  releases: VersionRelease[],
  engine: Engine,
  version: string,
): VersionRelease | undefined {
  const upstream = parseEngineVersion(version)?.upstream;
  const ofEngine = releases.filter(r => r.engine === engine);
  return (
    ofEngine.find(r => r.version === version) ??
    ofEngine.find(r => r.version === upstream)
  );
}

function rdbOf(
  releases: VersionRelease[],
  engine: Engine,
  version: string,
): number | undefined {
  const exact = releaseOf(releases, engine, version);
  if (exact) return exact.rdbVersion;
  const branch = parseEngineVersion(version)?.branch;
  return releases
    .filter(
      r =>
        r.engine === engine && parseEngineVersion(r.version)?.branch === branch,
    )
    .sort((a, b) => compareVersions(b.version, a.version))[0]?.rdbVersion;
}

/**
 * The versions worth offering: every version the platform runs, and the
 * newest release of each branch the catalog knows (for the patch on the
 * current branch and to show what other platforms could run). A catalog
 * release the platform runs as a distribution build is offered as that
 * build only.
 */
function candidateVersions(
  current: { engine: Engine; version: string },
  options: PlanUpgradesOptions,
): Array<{ engine: Engine; version: string }> {
  const seen = new Map<string, { engine: Engine; version: string }>();
  const add = (engine: Engine, version: string) => {
    if (!parseEngineVersion(version)) return;
    if (classifyChange(current, { engine, version }) === undefined) return;
    seen.set(`${engine} ${version}`, { engine, version });
  };
  const offered = (engine: Engine) =>
    options.platform.engines.find(e => e.engine === engine)?.versions ?? [];
  for (const { engine, versions } of options.platform.engines) {
    versions.forEach(version => add(engine, version));
  }
  const newestOfBranch = new Map<string, VersionRelease>();
  for (const release of options.catalog.releases) {
    const branch = parseEngineVersion(release.version)?.branch;
    const key = `${release.engine} ${branch}`;
    const known = newestOfBranch.get(key);
    if (!known || compareVersions(release.version, known.version) > 0) {
      newestOfBranch.set(key, release);
    }
  }
  for (const release of newestOfBranch.values()) {
    const upstream = parseEngineVersion(release.version)!.upstream;
    const runsABuild = offered(release.engine).some(
      v => parseEngineVersion(v)?.upstream === upstream,
    );
    const isCurrentRelease =
      release.engine === current.engine &&
      parseEngineVersion(current.version)?.upstream === upstream;
    if (!runsABuild && !isCurrentRelease) add(release.engine, release.version);
  }
  return [...seen.values()];
}

function breakingChangesFor(
  current: { engine: Engine; version: string },
  target: { engine: Engine; version: string },
  kind: UpgradeKind,
  options: PlanUpgradesOptions,
): string[] {
  const notesBetween = (engine: Engine, after: string, upTo: string) =>
    options.catalog.releases
      .filter(
        r =>
          r.engine === engine &&
          compareVersions(r.version, after) > 0 &&
          compareVersions(r.version, parseEngineVersion(upTo)!.upstream) <= 0,
      )
      .sort((a, b) => compareVersions(a.version, b.version))
      .flatMap(r => r.breakingChanges ?? []);
  const upstreamOf = (v: string) => parseEngineVersion(v)!.upstream;
  if (current.engine !== target.engine) {
    const change =
      options.catalog.engineChanges?.[`${current.engine}->${target.engine}`] ??
      [];
    const since =
      target.engine === 'valkey' ? '0.0.0' : VALKEY_FORKED_FROM_REDIS;
    const notes = [
      ...change,
      ...notesBetween(target.engine, since, target.version),
    ];
    if (kind === 'downgrade') {
      notes.unshift(
        `Commands and options added to Redis after ${target.version} are not available; clients that use them get errors.`,
      );
    }
    return notes;
  }
  if (kind === 'downgrade') {
    return [
      `Commands, options and data types added after ${upstreamOf(
        target.version,
      )} are not available; clients that use them get errors.`,
    ];
  }
  return notesBetween(
    target.engine,
    upstreamOf(current.version),
    target.version,
  );
}

function candidate(
  instance: { engine: Engine; version: string },
  target: { engine: Engine; version: string },
  dataRdb: number | undefined,
  currentAdvisories: Advisory[],
  options: PlanUpgradesOptions,
): UpgradeCandidate {
  const { catalog, platform } = options;
  const kind = classifyChange(instance, target)!;
  const open = advisoriesAffecting(
    catalog.advisories,
    target.engine,
    target.version,
  );
  const openIds = new Set(open.map(a => a.id));
  const targetRdb = rdbOf(catalog.releases, target.engine, target.version);
  const rdbCompatible =
    targetRdb !== undefined && dataRdb !== undefined
      ? targetRdb >= dataRdb
      : kind !== 'downgrade';
  const offered =
    platform.engines.find(e => e.engine === target.engine)?.versions ?? [];
  const available = offered.includes(target.version);
  const replicas = options.replicas ?? 0;
  let strategy: UpgradeStrategy = 'restart';
  if (!rdbCompatible) strategy = 'snapshot-restore';
  else if (replicas > 0 && platform.rollingChanges !== false)
    strategy = 'rolling';
  const restartSeconds = Math.ceil(
    RESTART_FIXED_SECONDS +
      (2 * (options.dataBytes ?? 0)) / RDB_BYTES_PER_SECOND,
  );

  const reasons: string[] = [];
  if (!available) {
    reasons.push(
      `${platform.title ?? 'The platform'} does not run ${label(
        target,
      )}; it runs ${
        offered.length
          ? offered
              .map(v =>
                engineVersionLabel({ engine: target.engine, version: v }),
              )
              .join(', ')
          : `no ${target.engine}`
      }.`,
    );
  }
  if (!rdbCompatible) {
    reasons.push(
      targetRdb === undefined || dataRdb === undefined
        ? `Whether ${label(
            target,
          )} can load the data is unknown (no RDB format version on record), so it can only be reached by restoring a snapshot it can load; writes made after that snapshot are lost.`
        : `${label(
            target,
          )} reads RDB files up to version ${targetRdb}, and the data is in version ${dataRdb}: ${restoreText(
            targetRdb,
            options.snapshots,
          )}`,
    );
  }
  const release = releaseOf(catalog.releases, target.engine, target.version);
  return {
    engine: target.engine,
    version: target.version,
    kind,
    fixes: currentAdvisories.filter(a => !openIds.has(a.id)).map(a => a.id),
    openAdvisories: open.map(a => a.id),
    breakingChanges: breakingChangesFor(instance, target, kind, options),
    ...(release?.releaseNotesUrl
      ? { releaseNotesUrl: release.releaseNotesUrl }
      : {}),
    available,
    rdbCompatible,
    strategy,
    expectedDowntimeSeconds:
      strategy === 'rolling' ? FAILOVER_SECONDS : restartSeconds,
    ...(reasons.length ? { blockedReason: reasons.join(' ') } : {}),
  };
}

/**
 * The upgrade plan of an instance: every candidate version grouped as patch,
 * minor, major and downgrade (in that order, newest first within a group),
 * each with the advisories it fixes and leaves open, breaking changes,
 * release notes, whether the platform runs it, whether it can load the data,
 * the strategy and the expected downtime.
 *
 * Pure: it reads nothing but its arguments, so the API route, the upgrade
 * request check and the maintenance scheduler all plan alike. A candidate is
 * `available` when the platform runs that exact version; it is blocked
 * (`blockedReason`) when it is not available or cannot load the data, and
 * then `strategy` is `snapshot-restore` for the latter.
 * @public
 */
export function planUpgrades(
  instance: { id: string; engine: Engine; version: string },
  options: PlanUpgradesOptions,
): UpgradePlan {
  const current = { engine: instance.engine, version: instance.version };
  const dataRdb =
    options.dataRdbVersion ??
    rdbOf(options.catalog.releases, instance.engine, instance.version);
  const currentAdvisories = advisoriesAffecting(
    options.catalog.advisories,
    instance.engine,
    instance.version,
  );
  const candidates = candidateVersions(current, options)
    .map(target =>
      candidate(current, target, dataRdb, currentAdvisories, options),
    )
    .sort(
      (a, b) =>
        KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) ||
        Number(b.engine === current.engine) -
          Number(a.engine === current.engine) ||
        a.engine.localeCompare(b.engine) ||
        compareVersions(b.version, a.version),
    );
  return {
    instanceId: instance.id,
    current: {
      ...current,
      ...(dataRdb !== undefined ? { rdbVersion: dataRdb } : {}),
    },
    candidates,
  };
}
