import { connectHostFor, LocalDriverSettings } from './config';
import { InstanceRuntime } from './instanceState';

/** Where one node listens, how the driver reaches it, and how it is named. */
export interface NodeAddress {
  /** The address the server binds. */
  bind: string;
  /** The address the driver dials. */
  connect: string;
  /**
   * The address the node announces to replicas and Sentinels, which is
   * how Redis and Sentinel name it and what clients are given.
   */
  announce: string;
  port: number;
}

/** Resolves a node's addresses from what the driver recorded for it. */
export type AddressOf = (
  runtime: Pick<InstanceRuntime, 'host' | 'port'>,
) => NodeAddress;

/**
 * With `addressing: loopback` a node has an address of its own, recorded in
 * its runtime; with `ports` every node shares the configured bind address.
 */
export function addressing(settings: LocalDriverSettings): AddressOf {
  return runtime =>
    runtime.host
      ? {
          bind: runtime.host,
          connect: runtime.host,
          announce: runtime.host,
          port: runtime.port,
        }
      : {
          bind: settings.bindAddress,
          connect: connectHostFor(settings.bindAddress),
          announce: settings.advertisedHost,
          port: runtime.port,
        };
}

/** Whether an address Redis or Sentinel reports is where this node is announced. */
export function announcedAt(
  address: NodeAddress,
  reported: { host: string; port: number } | undefined,
): boolean {
  return (
    reported !== undefined &&
    reported.port === address.port &&
    (reported.host === address.announce || reported.host === address.connect)
  );
}
