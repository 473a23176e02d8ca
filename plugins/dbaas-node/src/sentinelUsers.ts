/**
 * What every user but the control plane's may do on a Sentinel: find the
 * primary and the other nodes, and hear of failovers. Anyone may, as with
 * Redis' own default: it is discovery only, and knowing where the primary
 * is lets nobody in without a data node's password. Failovers and
 * reconfiguration need the admin user. Drivers write it where a Sentinel
 * reads it at start; the control plane sets it on running Sentinels.
 * @public
 */
export const SENTINEL_DISCOVERY_RULES = [
  'resetchannels',
  '&*',
  '-@all',
  '+ping',
  '+sentinel|get-master-addr-by-name',
  '+sentinel|sentinels',
  '+sentinel|replicas',
  '+sentinel|slaves',
  '+subscribe',
  '+psubscribe',
  '+unsubscribe',
  '+punsubscribe',
].join(' ');
