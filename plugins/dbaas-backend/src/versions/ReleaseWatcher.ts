import { LoggerService } from '@backstage/backend-plugin-api';
import {
  AdvisoryFeedStatus,
  Engine,
  compareVersions,
  parseEngineVersion,
} from '@justmanage/plugin-dbaas-common';
import { fetchGithubList, GithubClientOptions } from './feeds/fetchGithubList';
import { GithubRelease, GithubRepositoryAdvisory } from './feeds/githubShapes';
import { mapGithubAdvisory } from './feeds/mapGithubAdvisory';
import { BranchRdbLookup, mapGithubRelease } from './feeds/mapGithubRelease';
import { ReleaseFeed } from './releaseWatcherConfig';
import { VersionCatalog } from './VersionCatalog';
import { FeedResult, VersionCatalogStore } from './VersionCatalogStore';

/**
 * Refreshes the version catalog from upstream feeds. Each feed succeeds or
 * fails on its own: a failure is recorded with its reason and leaves what
 * that feed brought last time in place. Runs as a global scheduled task, so
 * one backend replica refreshes for all.
 */
export class ReleaseWatcher {
  readonly #catalog: VersionCatalog;
  readonly #store: VersionCatalogStore;
  readonly #feeds: ReleaseFeed[];
  readonly #client: GithubClientOptions;
  readonly #logger: LoggerService;

  constructor(options: {
    catalog: VersionCatalog;
    store: VersionCatalogStore;
    feeds: ReleaseFeed[];
    client?: GithubClientOptions;
    logger: LoggerService;
  }) {
    this.#catalog = options.catalog;
    this.#store = options.store;
    this.#feeds = options.feeds;
    this.#client = options.client ?? {};
    this.#logger = options.logger;
  }

  async refreshAll(): Promise<AdvisoryFeedStatus[]> {
    // Releases first, so advisories of the same run see the new branches.
    const ordered = [...this.#feeds].sort(
      (a, b) =>
        Number(a.kind === 'advisories') - Number(b.kind === 'advisories'),
    );
    for (const feed of ordered) {
      await this.#refresh(feed);
    }
    return (await this.#catalog.snapshot()).feeds;
  }

  async #refresh(feed: ReleaseFeed): Promise<void> {
    const at = new Date().toISOString();
    try {
      const result = await this.#read(feed);
      await this.#store.saveSuccess(feed, result, at);
      this.#logger.info(
        `Release feed ${feed.id}: ${result.releases.length} releases, ${result.advisories.length} advisories`,
      );
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await this.#store.saveFailure(feed, message, at);
      this.#logger.warn(
        `Release feed ${feed.id} failed, keeping its last good data: ${message}`,
      );
    }
  }

  async #read(feed: ReleaseFeed): Promise<FeedResult> {
    const snapshot = await this.#catalog.snapshot();
    if (feed.kind === 'releases') {
      const items = await fetchGithubList<GithubRelease>(
        feed.url,
        this.#client,
      );
      const rdbOf = branchRdbLookup(snapshot.releases);
      return {
        releases: items.flatMap(item => {
          const release = mapGithubRelease(feed.engine, item, rdbOf);
          return release ? [release] : [];
        }),
        advisories: [],
      };
    }
    const items = await fetchGithubList<GithubRepositoryAdvisory>(
      feed.url,
      this.#client,
    );
    const known = snapshot.releases
      .filter(r => r.engine === feed.engine)
      .map(r => r.version);
    return {
      releases: [],
      advisories: items.flatMap(item => {
        const advisory = mapGithubAdvisory(feed.engine, item, known);
        return advisory ? [advisory] : [];
      }),
    };
  }
}

/**
 * The RDB version of a branch from the releases the catalog has; a branch
 * newer than all of them gets the newest version known for the engine,
 * flagged as assumed (a new branch writes at least that format).
 */
function branchRdbLookup(
  releases: Array<{
    engine: Engine;
    version: string;
    rdbVersion: number;
    rdbVersionAssumed?: boolean;
  }>,
): BranchRdbLookup {
  return (engine, branch) => {
    const ofEngine = releases
      .filter(r => r.engine === engine)
      .sort((a, b) => compareVersions(b.version, a.version));
    const same = ofEngine.find(
      r => parseEngineVersion(r.version)?.branch === branch,
    );
    if (same) {
      return {
        rdbVersion: same.rdbVersion,
        assumed: Boolean(same.rdbVersionAssumed),
      };
    }
    // Only a branch newer than every known one is assumed to write the
    // newest known format; an old branch the data leaves out is skipped.
    const newest = ofEngine[0];
    if (!newest || compareVersions(`${branch}.0`, newest.version) < 0) {
      return undefined;
    }
    return { rdbVersion: newest.rdbVersion, assumed: true };
  };
}
