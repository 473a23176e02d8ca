import { InputError } from '@backstage/errors';
import { MAX_REPLICAS } from '@justmanage/plugin-dbaas-common';
import { DriverInstanceSpec } from '@justmanage/plugin-dbaas-node';
import { LocalDriverSettings } from './config';
import { checkTunables } from './redisConf';
import { checkAllowList } from './allowListBinding';

/**
 * Checks a spec against what this host offers. The control plane validates
 * requests too, but against every platform's limits; these are ours.
 */
export function validateSpec(
  spec: DriverInstanceSpec,
  settings: LocalDriverSettings,
): void {
  const { regions, limits } = settings;
  if (!regions.includes(spec.region)) {
    throw new InputError(
      `The local driver has no region "${spec.region}"; regions: ${regions.join(
        ', ',
      )}`,
    );
  }
  if (
    !Number.isInteger(spec.replicas) ||
    spec.replicas < 0 ||
    spec.replicas > MAX_REPLICAS
  ) {
    throw new InputError(
      `replicas must be a whole number within 0..${MAX_REPLICAS} on the local driver, got ${spec.replicas}`,
    );
  }
  // Before anything is claimed or written, so a refusal changes nothing.
  checkTunables(spec.config);
  checkAllowList(spec.allowList, settings);
  if (spec.tls?.mode === 'preferred') {
    if (spec.replicas > 0) {
      // Replicas and Sentinels would have to move their links to the new
      // ports as well; a replicated instance gets TLS at creation.
      throw new InputError(
        'tls: the local driver switches standalone instances to TLS while they run; a replicated instance gets TLS at creation',
      );
    }
    if (settings.addressing === 'loopback') {
      throw new InputError(
        'tls: preferred needs a second port per node, and the local driver in loopback addressing gives each node one port',
      );
    }
  }
  for (const key of ['memoryMb', 'cpu', 'diskGb'] as const) {
    const value = spec.resources[key];
    const { min, max } = limits[key];
    if (!(value >= min && value <= max)) {
      throw new InputError(
        `resources.${key} must be within ${min}..${max} on the local driver, got ${value}`,
      );
    }
  }
  if (spec.users.length === 0) {
    // The first user is how the driver reconfigures a running server.
    throw new InputError(
      'The spec needs at least the control plane admin user',
    );
  }
}
