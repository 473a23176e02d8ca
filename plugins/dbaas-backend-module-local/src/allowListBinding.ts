import { InputError } from '@backstage/errors';
import { allowsLoopbackOnly } from '@justmanage/plugin-dbaas-common';
import {
  DriverAllowList,
  DriverCapabilities,
} from '@justmanage/plugin-dbaas-node';
import { NodeAddress } from './addressing';
import { connectHostFor, LocalDriverSettings } from './config';

/*
 * A local node can only choose where it listens; it cannot refuse a client
 * by source address (that needs a firewall, and root). So an allow-list
 * narrows the listening address: loopback when it allows this host alone,
 * the configured address otherwise.
 */

function isLoopbackHost(host: string): boolean {
  return host === '::1' || /^127\./.test(host) || host === 'localhost';
}

function isWildcard(host: string): boolean {
  return host === '0.0.0.0' || host === '::' || host === '';
}

/** Where a node listens for an instance with this allow-list. */
export function listeningAddress(
  address: NodeAddress,
  allowList: DriverAllowList | undefined,
): NodeAddress {
  if (
    !allowList ||
    isLoopbackHost(address.bind) ||
    !allowsLoopbackOnly(allowList.cidrs)
  ) {
    return address;
  }
  // Checked by checkAllowList: the driver dials and announces loopback.
  return { ...address, bind: address.connect };
}

/** What the local driver can enforce, given where it may listen. */
export function allowListCapabilities(
  settings: LocalDriverSettings,
): DriverCapabilities['allowList'] {
  const bind =
    settings.addressing === 'loopback' ? '127.0.0.1' : settings.bindAddress;
  if (isLoopbackHost(bind)) {
    return {
      reachable: [bind === '::1' ? '::1/128' : '127.0.0.0/8'],
      sourceFiltering: false,
      namespaces: false,
      note: `Nodes listen on loopback addresses only (dbaas.drivers.local), so only clients on this host can connect; the local driver does not filter source addresses further.`,
    };
  }
  return {
    reachable:
      bind.includes(':') || bind === '' ? ['0.0.0.0/0', '::/0'] : ['0.0.0.0/0'],
    sourceFiltering: false,
    namespaces: false,
    note: `Nodes listen on ${bind} when the allow-list reaches beyond this host, and on ${connectHostFor(
      bind,
    )} alone when it allows loopback networks only. The local driver cannot refuse a client by its source address: any client that can reach ${bind} may connect. Use a host firewall for finer control.`,
  };
}

/**
 * Refuses an allow-list the local driver could not honour, before anything
 * is claimed or written. The backend checks `reachable` at request time;
 * this is the driver's own word on it, and on what only it knows.
 */
export function checkAllowList(
  allowList: DriverAllowList | undefined,
  settings: LocalDriverSettings,
): void {
  if (!allowList) return;
  if (allowList.namespaces?.length) {
    throw new InputError(
      'allowList.namespaces: the local platform has no namespaces; allow networks with cidrs',
    );
  }
  const loopbackOnly = allowsLoopbackOnly(allowList.cidrs);
  const bind =
    settings.addressing === 'loopback' ? '127.0.0.1' : settings.bindAddress;
  if (isLoopbackHost(bind)) {
    if (!loopbackOnly) {
      const outside = allowList.cidrs.find(c => !allowsLoopbackOnly([c]));
      throw new InputError(
        `allowList.cidrs: ${outside} cannot reach this platform: the local driver listens on loopback addresses only (dbaas.drivers.local), so clients on this host alone can connect`,
      );
    }
    return;
  }
  if (
    loopbackOnly &&
    (!isWildcard(bind) || !isLoopbackHost(settings.advertisedHost))
  ) {
    throw new InputError(
      `allowList.cidrs: the local driver cannot restrict this platform to loopback: its nodes listen on ${bind} and are announced as ${settings.advertisedHost}`,
    );
  }
}
