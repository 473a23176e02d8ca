import {
  directConnector,
  DriverConnector,
  NodeRoute,
} from '@justmanage/plugin-dbaas-node';
import { RedisTarget } from './redisTarget';

/** Finds the connector of a platform; the driver registry is one. */
export interface ConnectorLookup {
  connectorOf(platform: string): DriverConnector | undefined;
}

/**
 * The one way the backend reaches a node: every Redis connection it opens
 * (RedisAdmin, the monitor sessions, the key scan and its latency probe)
 * dials a route from here, never an endpoint itself. Platforms whose
 * driver has no connector are dialled directly.
 */
export class NodeRoutes {
  readonly #lookup: ConnectorLookup;

  constructor(lookup: ConnectorLookup) {
    this.#lookup = lookup;
  }

  /** Routes for tests and tools that dial nodes they started themselves. */
  static direct(): NodeRoutes {
    return new NodeRoutes({ connectorOf: () => undefined });
  }

  async open(target: RedisTarget, signal?: AbortSignal): Promise<NodeRoute> {
    const connector = this.#lookup.connectorOf(target.platform);
    if (!connector) {
      return directConnector.open(
        { ...target, nodeId: target.nodeId ?? '' },
        signal,
      );
    }
    if (!target.nodeId) {
      throw new Error(
        `The endpoint ${target.endpoint.host}:${target.endpoint.port} of instance ${target.instanceId} was recorded without a node id; it is recorded again when the instance is next checked`,
      );
    }
    return connector.open({ ...target, nodeId: target.nodeId }, signal);
  }
}
