import { InputError } from '@backstage/errors';
import { DriverInstanceSpec } from '@justmanage/plugin-dbaas-node';
import {
  KubernetesDriverSettings,
  KubernetesImage,
  KubernetesRegion,
} from './config';
import { checkInstanceId } from './names';
import { checkTunables } from './redisConf';

/**
 * Checks a spec against what this driver offers before anything reaches
 * the cluster, so a refusal leaves nothing behind. Returns the region and
 * image it maps onto.
 */
export function validateSpec(
  spec: DriverInstanceSpec,
  settings: KubernetesDriverSettings,
): { region: KubernetesRegion; image: KubernetesImage } {
  checkInstanceId(spec.instanceId);
  const region = settings.regions.find(r => r.name === spec.region);
  if (!region) {
    throw new InputError(
      `region: the kubernetes driver has no region "${
        spec.region
      }"; it has ${settings.regions.map(r => r.name).join(', ')}`,
    );
  }
  const image = settings.images.find(
    i => i.engine === spec.engine && i.version === spec.version,
  );
  if (!image) {
    throw new InputError(
      `version: the kubernetes driver has no image for ${spec.engine} ${
        spec.version
      }; it has ${settings.images
        .map(i => `${i.engine} ${i.version}`)
        .join(', ')}`,
    );
  }
  if (
    !Number.isInteger(spec.replicas) ||
    spec.replicas < 0 ||
    spec.replicas > settings.maxReplicas
  ) {
    throw new InputError(
      `replicas must be a whole number within 0..${settings.maxReplicas} on the kubernetes driver, got ${spec.replicas}`,
    );
  }
  if (spec.tls)
    throw new InputError('tls: the kubernetes driver does not serve TLS yet');
  for (const key of ['memoryMb', 'cpu', 'diskGb'] as const) {
    const value = spec.resources[key];
    const { min, max } = settings.limits[key];
    if (!(value >= min && value <= max)) {
      throw new InputError(
        `resources.${key} must be within ${min}..${max} on the kubernetes driver, got ${value}`,
      );
    }
  }
  if (!spec.users.length)
    throw new InputError(
      'users: the spec needs at least the control plane admin user',
    );
  checkTunables(spec.config);
  return { region, image };
}
