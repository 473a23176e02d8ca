import { splitEngineVersion } from '@justmanage/plugin-dbaas-common';
import { NodeEndpoint, ObservedNode } from '@justmanage/plugin-dbaas-node';
import Redis from 'ioredis';
import { StepContext } from '../operations/types';
import { RedisLogin } from '../redis/RedisAdmin';
import { RedisTarget } from '../redis/redisTarget';

/** One placed node of a replicated instance, as the platform reports it. */
export interface RollingNode extends ObservedNode {
  endpoint: NodeEndpoint;
}

/** The instance's nodes by role, the primary being Sentinel's current choice. */
export interface RollingTopology {
  primary: RollingNode;
  replicas: RollingNode[];
  sentinels: RollingNode[];
}

export async function observeTopology(
  ctx: StepContext,
): Promise<RollingTopology> {
  const observed = await ctx.driver.observe(ctx.operation.instanceId);
  const nodes = observed.nodes.filter(
    (node): node is RollingNode => node.endpoint !== undefined,
  );
  const primary = nodes.find(n => n.role === 'primary');
  if (!primary) {
    throw new Error(
      `The platform reports no primary (phase ${observed.phase}${
        observed.message ? `: ${observed.message}` : ''
      })`,
    );
  }
  return {
    primary,
    replicas: nodes.filter(n => n.role === 'replica'),
    sentinels: nodes.filter(n => n.role === 'sentinel'),
  };
}

/** Whether a node runs `target`; a version without a build matches any build of it. */
export function runsVersion(
  node: Pick<ObservedNode, 'version'>,
  target: { version: string },
): boolean {
  const reported = node.version ?? '';
  if (reported === target.version) return true;
  return (
    splitEngineVersion(target.version).build === undefined &&
    splitEngineVersion(reported).upstream === target.version
  );
}

/** "node-1 (127.0.0.1:18001)" */
export function nodeLabel(node: RollingNode): string {
  return `${node.name} (${node.endpoint.host}:${node.endpoint.port})`;
}

/** How the admin connection reaches a node of the operation's instance. */
export function targetOfRolling(
  ctx: StepContext,
  node: RollingNode,
): RedisTarget {
  return {
    platform: ctx.driver.id,
    instanceId: ctx.operation.instanceId,
    nodeId: node.id,
    endpoint: node.endpoint,
  };
}

export async function adminLogin(ctx: StepContext): Promise<RedisLogin> {
  const login = await ctx.deps.credentials.get(
    ctx.operation.instanceId,
    'admin',
  );
  if (!login) {
    throw new Error(
      `Instance ${ctx.operation.instanceId} has no admin credentials`,
    );
  }
  return login;
}

/** Runs `fn` as the control plane's admin user on one node. */
export async function withNode<T>(
  ctx: StepContext,
  node: RollingNode,
  fn: (redis: Redis) => Promise<T>,
): Promise<T> {
  return ctx.deps.admin.withConnection(
    targetOfRolling(ctx, node),
    await adminLogin(ctx),
    fn,
  );
}

export function sleep(ms: number): Promise<void> {
  return new Promise(resolve => setTimeout(resolve, ms));
}
