import { LoggerService } from '@backstage/backend-plugin-api';
import { Instance, InstanceEndpoint } from '@justmanage/plugin-dbaas-common';
import { EventStore } from '../database/EventStore';
import { InstanceStore } from '../database/InstanceStore';
import { DriverRegistry } from '../drivers/DriverRegistry';
import { endpointsOf } from '../topology/endpointsOf';

export interface PrimaryFollowerDeps {
  drivers: DriverRegistry;
  instances: InstanceStore;
  events: EventStore;
  logger: LoggerService;
}

const sameEndpoints = (a: InstanceEndpoint[], b: InstanceEndpoint[]) =>
  JSON.stringify(a) === JSON.stringify(b);

const describe = (e?: InstanceEndpoint) => (e ? `${e.host}:${e.port}` : 'none');

/**
 * Keeps the recorded endpoints of a replicated instance on the primary
 * Sentinel chose. After a failover nothing in the control plane asked for
 * it, so the driver's report is the news: the health check then probes the
 * new primary, the connection details name it, and the instance's events
 * say when it moved.
 */
export class PrimaryFollower {
  readonly #deps: PrimaryFollowerDeps;

  constructor(deps: PrimaryFollowerDeps) {
    this.#deps = deps;
  }

  /**
   * The endpoints to use now; the recorded ones when the platform cannot
   * tell better. Endpoints recorded before nodes had ids are recorded
   * again, so connectors can reach their nodes.
   */
  async follow(instance: Instance): Promise<InstanceEndpoint[]> {
    const withoutIds = instance.endpoints.some(e => !e.nodeId);
    if (instance.replicas === 0 && !withoutIds) return instance.endpoints;
    const { drivers, instances, events, logger } = this.#deps;
    let observedEndpoints: InstanceEndpoint[];
    try {
      const observed = await drivers
        .get(instance.platform)
        .observe(instance.id);
      // Mid-failover the new primary may not serve yet: keep what is recorded.
      const primaryNode = observed.nodes.find(n => n.role === 'primary');
      if (primaryNode?.phase !== 'running') return instance.endpoints;
      observedEndpoints = endpointsOf(observed);
    } catch (error) {
      logger.warn(
        `Could not ask platform ${instance.platform} about instance ${
          instance.name
        }: ${(error as Error).message}`,
      );
      return instance.endpoints;
    }
    if (sameEndpoints(observedEndpoints, instance.endpoints)) {
      return instance.endpoints;
    }
    await instances.setEndpoints(instance.id, observedEndpoints);
    const before = instance.endpoints.find(e => e.role === 'primary');
    const after = observedEndpoints.find(e => e.role === 'primary');
    if (before?.nodeId !== after?.nodeId && before?.nodeId) {
      const message = `The primary of ${instance.name} moved from ${describe(
        before,
      )} to ${describe(after)} (Sentinel failover)`;
      logger.info(message);
      await events.add({
        instanceId: instance.id,
        type: 'failover',
        actor: 'sentinel',
        message,
      });
    }
    return observedEndpoints;
  }
}
