import { DriverCapabilities } from '@justmanage/plugin-dbaas-node';
import { NomadDriverSettings } from './config';

/** What the nomad driver offers: the configured regions and engine builds. */
export function describeCapabilities(
  settings: NomadDriverSettings,
): DriverCapabilities {
  const engines = new Map<string, string[]>();
  for (const e of settings.engines)
    engines.set(e.engine, [...(engines.get(e.engine) ?? []), e.version]);
  return {
    title: 'Nomad',
    regions: settings.regions.map(r => r.name),
    engines: [...engines.entries()].map(([engine, versions]) => ({
      engine: engine as DriverCapabilities['engines'][number]['engine'],
      versions,
    })),
    // A task group per node: update() with nodeIds replaces one at a time.
    ha: {
      replicas: true,
      maxReplicas: settings.maxReplicas,
      rollingChanges: true,
    },
    allowList: {
      // Clients' addresses are the cluster's; the driver does not know them.
      reachable: ['0.0.0.0/0'],
      sourceFiltering: false,
      namespaces: false,
      note: 'Nodes listen on their Nomad client address; the nomad driver does not filter clients by source address.',
    },
    limits: structuredClone(settings.limits),
  };
}
