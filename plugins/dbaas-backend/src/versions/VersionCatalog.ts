import {
  Advisory,
  Engine,
  VersionCatalogSnapshot,
  VersionRelease,
  advisoriesAffecting,
  compareVersions,
  parseEngineVersion,
} from '@justmanage/plugin-dbaas-common';
import { CatalogFile } from './catalogSchema';
import { mergeCatalog } from './mergeCatalog';
import { loadShippedCatalog } from './shippedCatalog';
import { VersionCatalogStore } from './VersionCatalogStore';

/** The catalog as the API serves it, plus the notes of engine changes. */
export type CatalogSnapshot = VersionCatalogSnapshot & {
  engineChanges: Record<string, string[]>;
};

/**
 * Versions and advisories of redis and valkey: the shipped data merged with
 * what the release watcher stored. Every read goes to the database, so
 * backend replicas agree as soon as one of them refreshed; the last read is
 * kept for the synchronous RDB lookups of the upgrade engine.
 */
export class VersionCatalog {
  readonly #shipped: CatalogFile;
  readonly #store: VersionCatalogStore;
  #last: CatalogSnapshot;

  static create(options: {
    store: VersionCatalogStore;
    shipped?: CatalogFile;
  }): VersionCatalog {
    return new VersionCatalog(
      options.shipped ?? loadShippedCatalog(),
      options.store,
    );
  }

  private constructor(shipped: CatalogFile, store: VersionCatalogStore) {
    this.#shipped = shipped;
    this.#store = store;
    this.#last = mergeCatalog(shipped, { releases: [], advisories: [] }, []);
  }

  async snapshot(): Promise<CatalogSnapshot> {
    const [fetched, feeds] = await Promise.all([
      this.#store.fetched(),
      this.#store.feeds(),
    ]);
    this.#last = mergeCatalog(this.#shipped, fetched, feeds);
    return this.#last;
  }

  /** The snapshot of the last read, without going to the database. */
  lastSnapshot(): CatalogSnapshot {
    return this.#last;
  }

  async advisoriesFor(engine: Engine, version: string): Promise<Advisory[]> {
    return advisoriesAffecting(
      (await this.snapshot()).advisories,
      engine,
      version,
    );
  }

  /**
   * The catalog release a version runs: the exact entry, else its upstream
   * release (a build 7.0.15+deb12u7 is release 7.0.15 as far as dates,
   * format and release notes go).
   */
  releaseOf(engine: Engine, version: string): VersionRelease | undefined {
    const upstream = parseEngineVersion(version)?.upstream;
    const releases = this.#last.releases.filter(r => r.engine === engine);
    return (
      releases.find(r => r.version === version) ??
      releases.find(r => r.version === upstream)
    );
  }

  /**
   * The RDB version a release writes (and the newest it reads): from its
   * catalog entry, else from the newest known release of its branch.
   */
  rdbVersionOf(engine: Engine, version: string): number | undefined {
    const exact = this.releaseOf(engine, version);
    if (exact) return exact.rdbVersion;
    const branch = parseEngineVersion(version)?.branch;
    return this.#last.releases
      .filter(
        r =>
          r.engine === engine &&
          parseEngineVersion(r.version)?.branch === branch,
      )
      .sort((a, b) => compareVersions(b.version, a.version))[0]?.rdbVersion;
  }
}
