import { ConnectionDetails, Instance } from '@justmanage/plugin-dbaas-common';

/**
 * What a Sentinel-aware client needs. Platforms name the monitored primary
 * after the instance (see DriverInstanceSpec.replicas).
 */
export function sentinelDetails(
  instance: Instance,
): Pick<ConnectionDetails, 'sentinel'> {
  const sentinels = instance.endpoints.filter(e => e.role === 'sentinel');
  if (instance.replicas === 0 || sentinels.length === 0) return {};
  return {
    sentinel: {
      masterName: instance.name,
      endpoints: sentinels.map(({ host, port }) => ({ host, port })),
    },
  };
}
