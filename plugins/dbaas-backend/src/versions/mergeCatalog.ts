import {
  Advisory,
  AdvisoryFeedStatus,
  VersionCatalogSnapshot,
  VersionRelease,
  compareVersions,
} from '@justmanage/plugin-dbaas-common';
import { CatalogFile } from './catalogSchema';
import { FeedResult } from './VersionCatalogStore';

const keyOf = (item: { engine: string }, id: string) => `${item.engine}:${id}`;

/**
 * Shipped data and what the watcher fetched, as one snapshot. The shipped
 * entries win: they are curated per branch and carry distribution fixes
 * that GitHub does not know about. Fetched entries add releases and
 * advisories the shipped data does not have yet, and links to shipped ones.
 */
export function mergeCatalog(
  shipped: CatalogFile,
  fetched: FeedResult,
  feeds: AdvisoryFeedStatus[],
): VersionCatalogSnapshot & { engineChanges: Record<string, string[]> } {
  const releases = new Map<string, VersionRelease>();
  for (const release of shipped.releases) {
    releases.set(keyOf(release, release.version), {
      ...release,
      source: 'shipped',
    });
  }
  for (const release of fetched.releases) {
    const key = keyOf(release, release.version);
    if (!releases.has(key)) releases.set(key, release);
  }

  const advisories = new Map<string, Advisory>();
  const aliasOf = new Map<string, string>();
  for (const advisory of shipped.advisories) {
    const key = keyOf(advisory, advisory.id);
    advisories.set(key, { ...advisory, source: 'shipped' });
    for (const alias of advisory.aliases ?? []) {
      aliasOf.set(keyOf(advisory, alias), key);
    }
  }
  for (const advisory of fetched.advisories) {
    const key =
      [advisory.id, ...(advisory.aliases ?? [])]
        .map(id => keyOf(advisory, id))
        .map(k => (advisories.has(k) ? k : aliasOf.get(k)))
        .find(Boolean) ?? keyOf(advisory, advisory.id);
    const known = advisories.get(key);
    advisories.set(
      key,
      known
        ? {
            ...known,
            links: [...new Set([...known.links, ...advisory.links])],
          }
        : advisory,
    );
  }

  const successes = feeds
    .map(f => f.lastSuccessAt)
    .filter((at): at is string => Boolean(at));
  return {
    releases: [...releases.values()].sort(
      (a, b) =>
        a.engine.localeCompare(b.engine) ||
        compareVersions(b.version, a.version),
    ),
    advisories: [...advisories.values()].sort(
      (a, b) =>
        b.published.localeCompare(a.published) || a.id.localeCompare(b.id),
    ),
    feeds,
    updatedAt: [shipped.asOf, ...successes].sort().at(-1)!,
    engineChanges: shipped.engineChanges,
  };
}
