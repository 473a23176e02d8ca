import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { InstanceFiles } from './instanceFiles';

/** Subfolder of an instance holding the nodes besides node-0. */
export const NODES_FOLDER = 'nodes';

/** Sentinels of a replicated instance: three, so that two form a quorum. */
export const SENTINEL_COUNT = 3;
export const SENTINEL_QUORUM = 2;

/** The name of the first data node, which lives in the instance folder itself. */
export const FIRST_NODE = 'node-0';

export type NodeKind = 'data' | 'sentinel';

/** One process of an instance: a data node (primary or replica) or a Sentinel. */
export interface LocalNode {
  /** `node-0` to `node-5`, `sentinel-0` to `sentinel-2`. */
  name: string;
  kind: NodeKind;
  files: InstanceFiles;
}

const NODE_NAME = /^(node|sentinel)-([0-9])$/;

/**
 * The files of one node. node-0 keeps the layout standalone instances have
 * always had, so existing instances stay as they are; the others get a
 * folder of their own under `nodes/`. Every node shares the instance's
 * spec.json: removing it stops the supervisor from reviving any of them.
 */
export function nodeOf(instance: InstanceFiles, name: string): LocalNode {
  const match = NODE_NAME.exec(name);
  if (!match) {
    throw new Error(`Invalid node name "${name}"`);
  }
  const kind: NodeKind = match[1] === 'node' ? 'data' : 'sentinel';
  if (name === FIRST_NODE) {
    return { name, kind, files: instance };
  }
  const folder = join(instance.folder, NODES_FOLDER, name);
  return {
    name,
    kind,
    files: {
      instanceId: instance.instanceId,
      folder,
      dataFolder: join(folder, 'data'),
      conf: join(folder, kind === 'data' ? 'redis.conf' : 'sentinel.conf'),
      acl: join(folder, 'users.acl'),
      spec: instance.spec,
      runtime: join(folder, 'runtime.json'),
      applied: join(folder, 'applied.json'),
      pidfile: join(folder, 'redis.pid'),
      logfile: join(folder, 'redis.log'),
      startLock: join(folder, 'start.lock'),
    },
  };
}

/** The nodes an instance with `replicas` replicas runs: data nodes, then Sentinels. */
export function plannedNodes(
  instance: InstanceFiles,
  replicas: number,
): LocalNode[] {
  const names = Array.from({ length: replicas + 1 }, (_, i) => `node-${i}`);
  if (replicas > 0) {
    for (let i = 0; i < SENTINEL_COUNT; i++) names.push(`sentinel-${i}`);
  }
  return names.map(name => nodeOf(instance, name));
}

/**
 * A data node's place in creation order: node-0 came with the instance,
 * node-1 with its first replica. A spec with fewer replicas keeps the
 * lowest, as a StatefulSet does.
 */
export function ordinalOf(node: LocalNode): number | undefined {
  return node.kind === 'data'
    ? Number(NODE_NAME.exec(node.name)![2])
    : undefined;
}

/** Whether an instance with `replicas` replicas runs the node named `name`. */
export function isPlanned(name: string, replicas: number): boolean {
  const match = NODE_NAME.exec(name);
  if (!match) return false;
  const index = Number(match[2]);
  return match[1] === 'node'
    ? index <= replicas
    : replicas > 0 && index < SENTINEL_COUNT;
}

/** node-0 and every node folder found on disk, data nodes first. */
export function existingNodes(instance: InstanceFiles): LocalNode[] {
  let names: string[] = [];
  try {
    names = readdirSync(join(instance.folder, NODES_FOLDER)).filter(
      name => NODE_NAME.test(name) && name !== FIRST_NODE,
    );
  } catch {
    // A standalone instance has no nodes folder.
  }
  return [FIRST_NODE, ...names]
    .map(name => nodeOf(instance, name))
    .sort(byKindThenName);
}

function byKindThenName(a: LocalNode, b: LocalNode): number {
  if (a.kind !== b.kind) return a.kind === 'data' ? -1 : 1;
  return a.name.localeCompare(b.name);
}

/** How the driver's `nodeIds` name a node. */
export function nodeId(instanceId: string, name: string): string {
  return `${instanceId}-${name}`;
}

/** The node name inside a node id of this instance, if it is one. */
export function nodeNameOf(instanceId: string, id: string): string | undefined {
  const prefix = `${instanceId}-`;
  if (!id.startsWith(prefix)) return undefined;
  const name = id.slice(prefix.length);
  return NODE_NAME.test(name) ? name : undefined;
}
