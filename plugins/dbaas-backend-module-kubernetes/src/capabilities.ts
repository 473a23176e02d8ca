import { DriverCapabilities } from '@justmanage/plugin-dbaas-node';
import { KubernetesDriverSettings } from './config';

/** What the kubernetes driver offers: configured regions and images, never guessed. */
export function describeCapabilities(
  settings: KubernetesDriverSettings,
): DriverCapabilities {
  const engines = new Map<string, string[]>();
  for (const i of settings.images)
    engines.set(i.engine, [...(engines.get(i.engine) ?? []), i.version]);
  const enforced = settings.networkPoliciesEnforced;
  return {
    title: 'Kubernetes',
    regions: settings.regions.map(r => r.name),
    engines: [...engines].map(([engine, versions]) => ({
      engine: engine as DriverCapabilities['engines'][number]['engine'],
      versions,
    })),
    ha: {
      replicas: settings.maxReplicas > 0,
      maxReplicas: settings.maxReplicas,
      // Replacing pods one at a time (switchover first) is not built yet.
      rollingChanges: false,
    },
    allowList: {
      reachable: ['0.0.0.0/0'],
      sourceFiltering: enforced,
      namespaces: true,
      note: enforced
        ? "A NetworkPolicy per instance admits the allow-list's CIDRs and namespaces, the control plane and the instance's own pods, on port 6379 only."
        : "A NetworkPolicy is written for each instance, but this cluster's network plugin is configured as not enforcing NetworkPolicies.",
    },
    limits: structuredClone(settings.limits),
  };
}
