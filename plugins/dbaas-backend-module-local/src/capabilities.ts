import { Engine, MAX_REPLICAS } from '@justmanage/plugin-dbaas-common';
import { DriverCapabilities } from '@justmanage/plugin-dbaas-node';
import { compareVersions, EngineBinary } from './binaries';
import { LocalDriverSettings } from './config';
import { allowListCapabilities } from './allowListBinding';

/**
 * What the local driver offers: exactly the engine versions whose binaries
 * answered `--version`, so every listed version can really run.
 */
export function describeCapabilities(
  binaries: EngineBinary[],
  settings: LocalDriverSettings,
): DriverCapabilities {
  const byEngine = new Map<Engine, Set<string>>();
  for (const binary of binaries) {
    const versions = byEngine.get(binary.engine) ?? new Set<string>();
    versions.add(binary.version);
    byEngine.set(binary.engine, versions);
  }
  return {
    title: 'Local processes',
    regions: [...settings.regions],
    engines: [...byEngine.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([engine, versions]) => ({
        engine,
        versions: [...versions].sort(compareVersions),
      })),
    // A primary with up to MAX_REPLICAS replicas and three Sentinels; the
    // nodes can be restarted one at a time.
    ha: { replicas: true, maxReplicas: MAX_REPLICAS, rollingChanges: true },
    // Data nodes load new certificates live; Sentinels restart one at a time.
    tls: { replicated: true },
    allowList: allowListCapabilities(settings),
    limits: structuredClone(settings.limits),
  };
}
