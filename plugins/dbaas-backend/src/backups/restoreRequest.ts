import { InputError } from '@backstage/errors';
import { Instance } from '@justmanage/plugin-dbaas-common';

const ALLOWED = new Set([
  'name',
  'owner',
  'description',
  'engine',
  'version',
  'platform',
  'region',
  'resources',
  'persistence',
]);

/** The backed-up instance's settings: its row, or a gone one's backup. */
export type RestoreSource = Pick<
  Instance,
  | 'owner'
  | 'name'
  | 'engine'
  | 'resources'
  | 'persistence'
  | 'maxmemoryPolicy'
  | 'config'
  | 'replicas'
> &
  Partial<
    Pick<Instance, 'version' | 'platform' | 'region' | 'tls' | 'allowList'>
  >;

/**
 * The create request of a restore's new instance: what the body names, the
 * rest as the backed-up instance has it, so a restore by name alone makes
 * a twin.
 */
export function restoreRequestOf(source: RestoreSource, body: unknown) {
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    throw new InputError('The request body must be an object');
  }
  const given = body as Record<string, unknown>;
  for (const field of Object.keys(given)) {
    if (!ALLOWED.has(field)) {
      throw new InputError(
        `${field}: not a field of a restore; give ${[...ALLOWED].join(', ')}`,
      );
    }
  }
  return {
    owner: source.owner,
    description: `Restored from a backup of ${source.name}`,
    engine: source.engine,
    version: source.version,
    platform: source.platform,
    region: source.region,
    resources: source.resources,
    persistence: source.persistence,
    maxmemoryPolicy: source.maxmemoryPolicy,
    config: source.config,
    replicas: source.replicas,
    tls: source.tls === 'required' ? 'required' : 'disabled',
    ...(source.allowList ? { allowList: source.allowList } : {}),
    ...(given as { name: string }),
  } as {
    name: string;
    owner: string;
    engine: Instance['engine'];
    version: string;
    platform: string;
    [field: string]: unknown;
  };
}
