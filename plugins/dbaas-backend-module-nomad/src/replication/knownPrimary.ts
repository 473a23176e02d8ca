import { InputError } from '@backstage/errors';
import { ObservedInstance } from '@justmanage/plugin-dbaas-node';
import { dataGroup } from '../names';
import { KnownPrimary } from '../nodeVariables';

/** The primary as observed (Sentinel's choice), or node-0 before anything runs. */
export function knownPrimary(observed?: ObservedInstance): KnownPrimary {
  const node = observed?.nodes.find(n => n.role === 'primary');
  if (!node) return { group: dataGroup(0) };
  return {
    group: node.name,
    ...(node.endpoint
      ? { address: { host: node.endpoint.host, port: node.endpoint.port } }
      : {}),
  };
}

/**
 * Fewer replicas remove the highest ordinals; the primary is not one of
 * them, or the instance would lose what only it has acknowledged. The
 * control plane moves the primary role first.
 */
export function refuseRemovingPrimary(
  observed: ObservedInstance | undefined,
  replicas: number,
): void {
  const primary = observed?.nodes.find(n => n.role === 'primary');
  if (primary?.ordinal !== undefined && primary.ordinal > replicas) {
    throw new InputError(
      `replicas: ${primary.name} is the primary and would be removed by ${replicas} replicas; fail over to a node that stays first`,
    );
  }
}
