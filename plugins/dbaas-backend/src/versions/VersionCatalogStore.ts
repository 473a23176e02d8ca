import { Knex } from 'knex';
import {
  Advisory,
  AdvisoryFeedStatus,
  VersionRelease,
} from '@justmanage/plugin-dbaas-common';

const RELEASES = 'dbaas_version_releases';
const ADVISORIES = 'dbaas_advisories';
const FEEDS = 'dbaas_release_feeds';

/** What one successful refresh of a feed brought. */
export interface FeedResult {
  releases: VersionRelease[];
  advisories: Advisory[];
}

/**
 * The fetched half of the version catalog. A feed's rows are replaced only
 * by a refresh that succeeded, inside one transaction, so readers see either
 * the last good data or the new data, never a mix or nothing.
 */
export class VersionCatalogStore {
  readonly #db: Knex;

  constructor(db: Knex) {
    this.#db = db;
  }

  async fetched(): Promise<FeedResult> {
    const [releases, advisories] = await Promise.all([
      this.#db(RELEASES).select('data'),
      this.#db(ADVISORIES).select('data'),
    ]);
    return {
      releases: releases.map(r => JSON.parse(r.data)),
      advisories: advisories.map(r => JSON.parse(r.data)),
    };
  }

  async feeds(): Promise<AdvisoryFeedStatus[]> {
    const rows = await this.#db(FEEDS).orderBy('id');
    return rows.map(r => ({
      id: r.id,
      url: r.url,
      ok: Boolean(r.ok),
      ...(r.checked_at ? { checkedAt: r.checked_at } : {}),
      ...(r.last_success_at ? { lastSuccessAt: r.last_success_at } : {}),
      ...(r.error ? { error: r.error } : {}),
    }));
  }

  /** Replaces what the feed brought last time and marks it healthy. */
  async saveSuccess(
    feed: { id: string; url: string },
    result: FeedResult,
    at: string,
  ): Promise<void> {
    await this.#db.transaction(async tx => {
      await tx(RELEASES).where({ feed_id: feed.id }).delete();
      await tx(ADVISORIES).where({ feed_id: feed.id }).delete();
      for (const release of result.releases) {
        await tx(RELEASES)
          .insert(row(feed.id, at, release, { version: release.version }))
          .onConflict(['engine', 'version'])
          .merge();
      }
      for (const advisory of result.advisories) {
        await tx(ADVISORIES)
          .insert(row(feed.id, at, advisory, { id: advisory.id }))
          .onConflict(['engine', 'id'])
          .merge();
      }
      await this.#saveStatus(tx, {
        id: feed.id,
        url: feed.url,
        ok: true,
        checked_at: at,
        last_success_at: at,
        error: null,
      });
    });
  }

  /** Records a failed refresh; what the feed brought before stays. */
  async saveFailure(
    feed: { id: string; url: string },
    error: string,
    at: string,
  ): Promise<void> {
    const previous = await this.#db(FEEDS).where({ id: feed.id }).first();
    await this.#saveStatus(this.#db, {
      id: feed.id,
      url: feed.url,
      ok: false,
      checked_at: at,
      last_success_at: previous?.last_success_at ?? null,
      error,
    });
  }

  async #saveStatus(tx: Knex, status: Record<string, unknown>) {
    await tx(FEEDS).insert(status).onConflict('id').merge();
  }
}

function row(
  feedId: string,
  at: string,
  item: VersionRelease | Advisory,
  key: Record<string, string>,
) {
  return {
    engine: item.engine,
    ...key,
    data: JSON.stringify({ ...item, source: feedId }),
    feed_id: feedId,
    fetched_at: at,
  };
}
