import { label, UpgradeParams } from './upgradeParams';

/** The steps of a rolling upgrade as a dry run shows them and the operation runs them. */
export function describeRollingSteps(
  params: UpgradeParams,
  instanceName: string,
): Array<{ name: string; description: string }> {
  const from = label(params.from);
  const to = label(params.to);
  const rdb = params.targetRdbVersion
    ? ` (it reads RDB files up to version ${params.targetRdbVersion})`
    : '';
  return [
    {
      name: 'preflight',
      description: `Check that the platform runs ${to} and that it can load the data of ${instanceName}${rdb}`,
    },
    {
      name: 'snapshot',
      description: `Record the key count and a digest of sampled values, SAVE on the primary and copy the RDB file into a snapshot; writes wait only while it saves`,
    },
    {
      name: 'switch',
      description: `Restart the replicas on ${to} one at a time, each catching up with the primary before the next; hold writes for a moment while every replica catches up and Sentinel fails over to an upgraded replica; restart the old primary on ${to} as a replica; then the Sentinels one by one. Clients that connect through Sentinel keep working`,
    },
    {
      name: 'wait-ready',
      description: `Wait until the primary answers PING, every replica follows it and every Sentinel knows every node`,
    },
    {
      name: 'verify',
      description: `Check that INFO reports ${params.to.engine} ${
        params.to.version.split('+')[0]
      } on every data node and, with writes held for a moment, that every node has the same key count and sampled values`,
    },
    {
      name: 'finalize',
      description: `Record ${to} as the instance's version; on any failure before this the nodes go back to ${from} the same way, one at a time (or, if ${from} cannot read what ${to} wrote, from the snapshot)`,
    },
  ];
}
