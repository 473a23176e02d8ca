import {
  directConnector,
  DriverConnector,
  NodeRoute,
} from '@justmanage/plugin-dbaas-node';
import { RedisTarget } from './redisTarget';

/** The CA of an instance with TLS, undefined without. */
export type TrustLookup = (instanceId: string) => Promise<string | undefined>;

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
  readonly #trust?: TrustLookup;

  /** `trust` gives the CA of an instance whose nodes speak TLS. */
  constructor(lookup: ConnectorLookup, trust?: TrustLookup) {
    this.#lookup = lookup;
    this.#trust = trust;
  }

  /** Routes for tests and tools that dial nodes they started themselves. */
  static direct(): NodeRoutes {
    return new NodeRoutes({ connectorOf: () => undefined });
  }

  async open(target: RedisTarget, signal?: AbortSignal): Promise<NodeRoute> {
    const route = await this.#route(target, signal);
    if (!route.tls || !this.#trust) return route;
    const ca = await this.#trust(target.instanceId);
    return ca ? { ...route, ca } : route;
  }

  async #route(target: RedisTarget, signal?: AbortSignal): Promise<NodeRoute> {
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
