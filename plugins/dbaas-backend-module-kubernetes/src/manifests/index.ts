import { configMapManifest } from './configMap';
import { networkPolicyManifest, podDisruptionBudgetManifest } from './policies';
import { secretManifest } from './secret';
import {
  sentinelServiceManifest,
  sentinelStatefulSetManifest,
} from './sentinel';
import { clientServiceManifest, headlessServiceManifest } from './services';
import { statefulSetManifest } from './statefulSet';
import { Manifest, ManifestInput, ServiceAddresses } from './types';

export type { Manifest, ManifestInput, ServiceAddresses } from './types';
export { memoryLimitMi } from './statefulSet';

/**
 * The objects applied first: the Secret (it owns the others), the
 * ConfigMap, and the Services, whose ClusterIPs the pods of a replicated
 * instance start from.
 */
export function foundationManifests(input: ManifestInput): Manifest[] {
  return [
    secretManifest(input),
    configMapManifest(input),
    headlessServiceManifest(input),
    clientServiceManifest(input),
    ...(input.spec.replicas > 0 ? [sentinelServiceManifest(input)] : []),
  ];
}

/** The workloads and their policies, once the Services have addresses. */
export function workloadManifests(
  input: ManifestInput,
  addresses?: ServiceAddresses,
): Manifest[] {
  return [
    statefulSetManifest(input, addresses),
    ...(input.spec.replicas > 0
      ? [sentinelStatefulSetManifest(input, addresses!)]
      : []),
    podDisruptionBudgetManifest(input),
    networkPolicyManifest(input),
  ];
}

/** Every object of an instance in the order they are applied. */
export function buildManifests(
  input: ManifestInput,
  addresses?: ServiceAddresses,
): Manifest[] {
  return [
    ...foundationManifests(input),
    ...workloadManifests(input, addresses),
  ];
}
