import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import {
  Driver,
  dbaasDriversExtensionPoint,
} from '@justmanage/plugin-dbaas-node';
import { LocalDriver } from '@justmanage/plugin-dbaas-backend-module-local';
import {
  TunnelConnector,
  tunnelConnector,
} from '../../redis/__testUtils__/tunnelConnector';
import { origins } from './connectionOrigins';

/**
 * The local driver as a remote platform looks to the control plane: its
 * own work runs in the `platform` origin, and the backend reaches nodes
 * only through a tunnel (see tunnelConnector), the way a Kubernetes
 * port-forward or an SSH forward would carry it.
 */
export function tunnelledLocalDriver(): {
  module: ReturnType<typeof createBackendModule>;
  tunnel: TunnelConnector;
} {
  const tunnel = tunnelConnector(({ endpoint }) => endpoint);
  const platform = <T>(fn: () => T): T => origins.run('platform', fn);
  const wrap = (driver: Driver): Driver => ({
    id: driver.id,
    connector: {
      // the tunnel's own connections to the node are its, not the caller's
      open: target =>
        tunnel.open(target).then(route => ({
          ...route,
          close: () => platform(route.close),
        })),
    },
    start: async () => platform(() => driver.start?.()),
    stop: async () => platform(() => driver.stop?.()),
    capabilities: () => platform(() => driver.capabilities()),
    provision: (spec, ctx) => platform(() => driver.provision(spec, ctx)),
    update: (spec, ctx) => platform(() => driver.update(spec, ctx)),
    deprovision: (id, ctx) => platform(() => driver.deprovision(id, ctx)),
    observe: id => platform(() => driver.observe(id)),
    list: () => platform(() => driver.list()),
    stats: id => platform(() => driver.stats!(id)),
    snapshots: driver.snapshots && {
      take: (id, request, ctx) =>
        platform(() => driver.snapshots!.take(id, request, ctx)),
      list: id => platform(() => driver.snapshots!.list(id)),
      read: (id, snapshotId) =>
        platform(() => driver.snapshots!.read(id, snapshotId)),
      restore: (spec, source, ctx) =>
        platform(() => driver.snapshots!.restore(spec, source, ctx)),
      delete: (id, snapshotId) =>
        platform(() => driver.snapshots!.delete(id, snapshotId)),
    },
  });
  const module = createBackendModule({
    pluginId: 'dbaas',
    moduleId: 'tunnelled-local',
    register(reg) {
      reg.registerInit({
        deps: {
          drivers: dbaasDriversExtensionPoint,
          config: coreServices.rootConfig,
          logger: coreServices.logger,
        },
        async init({ drivers, config, logger }) {
          drivers.addDriver(
            wrap(platform(() => LocalDriver.fromConfig(config, { logger }))),
          );
        },
      });
    },
  });
  return { module, tunnel };
}
