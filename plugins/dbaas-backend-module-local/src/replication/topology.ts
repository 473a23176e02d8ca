import { nodeTrust } from '../nodeTls';
import { AddressOf, announcedAt } from '../addressing';
import { readFileIfExists } from '../fsUtils';
import { InstanceFiles } from '../instanceFiles';
import { existingNodes, FIRST_NODE, LocalNode } from '../instanceNodes';
import { InstanceRuntime, readRuntime } from '../instanceState';
import { PrimaryAddress } from './replicaConf';
import { primaryFromSentinels } from './sentinelQuery';

/** A node that has been given a port and a binary. */
export interface NodeRuntime {
  node: LocalNode;
  runtime: InstanceRuntime;
}

/** The instance's nodes as recorded on disk, data nodes first. */
export function nodeRuntimes(instance: InstanceFiles): NodeRuntime[] {
  const found: NodeRuntime[] = [];
  for (const node of existingNodes(instance)) {
    const runtime = readRuntime(node.files);
    if (runtime) found.push({ node, runtime });
  }
  return found;
}

const MONITOR_LINE = /^sentinel monitor (\S+) (\S+) (\d+) \d+$/m;

/** Where a Sentinel's own file says the primary is; Sentinel rewrites it on every failover. */
function primaryInSentinelConf(
  sentinel: NodeRuntime,
): PrimaryAddress | undefined {
  const match = MONITOR_LINE.exec(
    readFileIfExists(sentinel.node.files.conf) ?? '',
  );
  return match
    ? { host: match[2].replace(/^"|"$/g, ''), port: Number(match[3]) }
    : undefined;
}

/** Which data node is the primary, and how that is known. */
export interface CurrentPrimary {
  primary?: NodeRuntime;
  /** `sentinel`: Sentinels answered; `sentinel-conf`: none did, their files tell; `first-node`: not replicated or nothing known yet. */
  source: 'sentinel' | 'sentinel-conf' | 'first-node';
}

/**
 * The primary of an instance. Sentinels decide it, so they are asked
 * (SENTINEL GET-MASTER-ADDR-BY-NAME); when none answers, their config
 * files, which they keep current, tell where it was last. An instance
 * without Sentinels has node-0 as its primary.
 */
export async function currentPrimary(
  addressOf: AddressOf,
  nodes: NodeRuntime[],
): Promise<CurrentPrimary> {
  const dataNodes = nodes.filter(n => n.node.kind === 'data');
  const sentinels = nodes.filter(n => n.runtime.sentinel);
  const at = (address?: PrimaryAddress) =>
    address && dataNodes.find(n => announcedAt(addressOf(n.runtime), address));
  if (sentinels.length) {
    const masterName = sentinels[0].runtime.sentinel!.masterName;
    const asked = await primaryFromSentinels(
      sentinels.map(s => {
        const { connect, port } = addressOf(s.runtime);
        return { host: connect, port, tls: nodeTrust(s.node.files, s.runtime) };
      }),
      masterName,
    );
    const answered = at(asked.primary);
    if (answered) return { primary: answered, source: 'sentinel' };
    const counts = new Map<string, { address: PrimaryAddress; n: number }>();
    for (const sentinel of sentinels) {
      const address = primaryInSentinelConf(sentinel);
      if (!address) continue;
      const key = `${address.host} ${address.port}`;
      const entry = counts.get(key) ?? { address, n: 0 };
      entry.n++;
      counts.set(key, entry);
    }
    const [mostNamed] = [...counts.values()].sort((a, b) => b.n - a.n);
    const fromFiles = at(mostNamed?.address);
    if (fromFiles) return { primary: fromFiles, source: 'sentinel-conf' };
  }
  return {
    primary: dataNodes.find(n => n.node.name === FIRST_NODE),
    source: 'first-node',
  };
}
