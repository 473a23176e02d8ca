import { InputError } from '@backstage/errors';
import { DriverInstanceSpec } from '@justmanage/plugin-dbaas-node';
import { NomadDriverSettings, NomadEngine, NomadRegion } from './config';
import { checkInstanceId } from './names';
import { checkTunables } from './redisConf';

/**
 * Checks a spec against what this driver offers, before anything is
 * written to Nomad, so a refusal leaves nothing behind. Returns the region
 * and engine build it maps onto.
 */
export function validateSpec(
  spec: DriverInstanceSpec,
  settings: NomadDriverSettings,
): { region: NomadRegion; engine: NomadEngine } {
  checkInstanceId(spec.instanceId);
  const region = settings.regions.find(r => r.name === spec.region);
  if (!region) {
    throw new InputError(
      `The nomad driver has no region "${
        spec.region
      }"; regions: ${settings.regions.map(r => r.name).join(', ')}`,
    );
  }
  const engine = settings.engines.find(
    e => e.engine === spec.engine && e.version === spec.version,
  );
  if (!engine) {
    throw new InputError(
      `The nomad driver has no ${spec.engine} ${
        spec.version
      }; it offers ${settings.engines
        .map(e => `${e.engine} ${e.version}`)
        .join(', ')}`,
    );
  }
  if (
    !Number.isInteger(spec.replicas) ||
    spec.replicas < 0 ||
    spec.replicas > settings.maxReplicas
  ) {
    throw new InputError(
      `replicas must be a whole number within 0..${settings.maxReplicas} on the nomad driver, got ${spec.replicas}`,
    );
  }
  if (spec.tls)
    throw new InputError('tls: the nomad driver does not serve TLS yet');
  for (const key of ['memoryMb', 'cpu', 'diskGb'] as const) {
    const value = spec.resources[key];
    const { min, max } = settings.limits[key];
    if (!(value >= min && value <= max)) {
      throw new InputError(
        `resources.${key} must be within ${min}..${max} on the nomad driver, got ${value}`,
      );
    }
  }
  if (!spec.users.length)
    throw new InputError(
      'The spec needs at least the control plane admin user',
    );
  checkTunables(spec.config);
  return { region, engine };
}
