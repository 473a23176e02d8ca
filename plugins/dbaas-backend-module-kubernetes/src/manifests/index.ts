import { configMapManifest } from './configMap';
import { networkPolicyManifest, podDisruptionBudgetManifest } from './policies';
import { secretManifest } from './secret';
import { clientServiceManifest, headlessServiceManifest } from './services';
import { statefulSetManifest } from './statefulSet';
import { Manifest, ManifestInput } from './types';

export type { Manifest, ManifestInput } from './types';
export { memoryLimitMi } from './statefulSet';

/**
 * Every object of an instance in the order they are applied: the Secret
 * first (it owns the others), the StatefulSet after what its pods mount.
 */
export function buildManifests(input: ManifestInput): Manifest[] {
  return [
    secretManifest(input),
    configMapManifest(input),
    headlessServiceManifest(input),
    clientServiceManifest(input),
    statefulSetManifest(input),
    podDisruptionBudgetManifest(input),
    networkPolicyManifest(input),
  ];
}
