import { Engine, splitEngineVersion } from '@justmanage/plugin-dbaas-common';

/** The RDB version each release line writes, from the engines' rdb.h. */
const RDB_BY_BRANCH: Record<Engine, Record<string, number>> = {
  redis: {
    '5.0': 9,
    '6.0': 9,
    '6.2': 9,
    '7.0': 10,
    '7.2': 11,
    '7.4': 12,
    '8.0': 12,
  },
  valkey: { '7.2': 11, '8.0': 11, '8.1': 11 },
};

/** Looks up the RDB version a release writes, which is the newest it reads. */
export type RdbVersionLookup = (
  engine: Engine,
  version: string,
) => number | undefined;

/**
 * The RDB version of a release: from the version catalog when it knows the
 * release, else from the branch table above. Builds share their upstream
 * release's format.
 */
export function rdbVersionLookup(catalog?: RdbVersionLookup): RdbVersionLookup {
  return (engine, version) => {
    const { upstream } = splitEngineVersion(version);
    const fromCatalog =
      catalog?.(engine, version) ?? catalog?.(engine, upstream);
    if (fromCatalog !== undefined) return fromCatalog;
    const branch = upstream.split('.').slice(0, 2).join('.');
    return RDB_BY_BRANCH[engine][branch];
  };
}
