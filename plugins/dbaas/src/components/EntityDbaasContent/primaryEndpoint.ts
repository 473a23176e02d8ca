import type {
  Instance,
  InstanceEndpoint,
} from '@justmanage/plugin-dbaas-common';

/**
 * Where clients connect: the primary, or the only endpoint there is. None
 * exist until provisioning has placed the instance.
 */
export function primaryEndpoint(
  instance: Pick<Instance, 'endpoints'>,
): InstanceEndpoint | undefined {
  return (
    instance.endpoints.find(endpoint => endpoint.role === 'primary') ??
    instance.endpoints[0]
  );
}
