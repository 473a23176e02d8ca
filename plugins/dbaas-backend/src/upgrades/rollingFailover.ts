import { StepContext } from '../operations/types';
import {
  parseReplicationInfo,
  readReplicationInfo,
  readSentinelPrimary,
} from '../redis/replication';
import {
  nodeLabel,
  observeTopology,
  RollingNode,
  RollingTopology,
  sleep,
  withNode,
} from './rollingNodes';
import { DEFAULT_PRIORITY, steerTo, waitForInfoPhase } from './rollingSteer';
import { waitInSync } from './rollingSync';
import { canPauseWritesOnly } from './writePause';
import { nodeAtAddress } from '../topology/nodeAtAddress';
import { endpointsOf } from '../topology/endpointsOf';

/** Writes are held at most this long; the failover lifts the hold when done. */
const HOLD_MS = 10_000;
/** Redis 6.0 cannot lift a pause early, and pauses every command: keep it short. */
const HOLD_MS_REDIS_60 = 3_000;
const CATCH_UP_MS = 5_000;
const PROMOTION_MS = 30_000;

/** How the failover went, for the operation's log. */
export interface FailoverResult {
  primary: RollingNode;
  /** Milliseconds writes were held on the old primary. */
  heldMs: number;
  /** Clients still connected to the old primary a moment after it stepped down. */
  stayedOnOldPrimary: number;
}

/**
 * Holds writes on the primary and reads its replication offset, atomically.
 * `liftable` tells whether the hold can be lifted early (Redis 6.2 and
 * later, every Valkey); Redis 6.0 holds every command until `holdMs` passes.
 */
export async function holdWrites(
  ctx: StepContext,
  primary: RollingNode,
  holdMs = HOLD_MS,
): Promise<{ offset: number; liftable: boolean }> {
  return withNode(ctx, primary, async redis => {
    const liftable = await canPauseWritesOnly(redis);
    const transaction = redis.multi();
    if (liftable) {
      transaction.call('CLIENT', 'PAUSE', String(holdMs), 'WRITE');
    } else {
      transaction.call(
        'CLIENT',
        'PAUSE',
        String(Math.min(holdMs, HOLD_MS_REDIS_60)),
      );
    }
    transaction.info('replication');
    const replies = ((await transaction.exec()) ?? []) as Array<
      [Error | null, unknown]
    >;
    const failed = replies.find(([error]) => error);
    if (failed || replies.length < 2) {
      throw new Error(
        `Could not hold writes on the primary: ${
          failed?.[0]?.message ?? 'no reply'
        }`,
      );
    }
    return {
      offset: parseReplicationInfo(String(replies[1][1])).offset,
      liftable,
    };
  });
}

async function askForFailover(
  ctx: StepContext,
  sentinel: RollingNode,
  masterName: string,
): Promise<void> {
  try {
    await withNode(ctx, sentinel, redis =>
      redis.call('SENTINEL', 'FAILOVER', masterName),
    );
  } catch (error) {
    // A failover asked for before a crash is still under way.
    if (!/INPROG/.test((error as Error).message)) throw error;
  }
}

/** Waits until `sentinel` names another primary and that node acts as one. */
async function waitForPromotion(
  ctx: StepContext,
  sentinel: RollingNode,
  masterName: string,
  old: RollingNode,
  candidates: RollingNode[],
): Promise<RollingNode> {
  const deadline = Date.now() + PROMOTION_MS;
  let problem = 'Sentinel still names the old primary';
  while (Date.now() < deadline) {
    ctx.driverContext.signal.throwIfAborted();
    try {
      const named = await withNode(ctx, sentinel, redis =>
        readSentinelPrimary(redis, masterName),
      );
      const promoted = nodeAtAddress(
        candidates.filter(n => n.id !== old.id),
        named,
      );
      if (promoted) {
        const info = await withNode(ctx, promoted, readReplicationInfo);
        if (info.role === 'master') return promoted;
        problem = `${nodeLabel(promoted)} is not a primary yet`;
      }
    } catch (error) {
      problem = (error as Error).message;
    }
    await sleep(20);
  }
  throw new Error(
    `No replica was promoted within ${PROMOTION_MS / 1000} s: ${problem}`,
  );
}

/**
 * Steps the old primary down: it copies from the new one, its clients are
 * disconnected so that Sentinel-aware ones reconnect to the new primary,
 * and the writes it held are let go (they now get READONLY and are sent
 * again by the clients). Sentinel would do the same, but only seconds
 * later, and clients would stall until then.
 */
async function stepDown(
  ctx: StepContext,
  old: RollingNode,
  primary: RollingNode,
  liftable: boolean,
): Promise<void> {
  await withNode(ctx, old, async redis => {
    await redis.call(
      'REPLICAOF',
      primary.endpoint.host,
      String(primary.endpoint.port),
    );
    await redis.call('CLIENT', 'KILL', 'TYPE', 'normal');
    await redis.call('CLIENT', 'KILL', 'TYPE', 'pubsub');
    if (liftable) await redis.call('CLIENT', 'UNPAUSE');
  });
}

/**
 * Application clients on the old primary a moment after it stepped down:
 * those that do not ask Sentinel come back to the old address. Sentinels'
 * own connections and this one do not count.
 */
async function clientsLeftOn(
  ctx: StepContext,
  old: RollingNode,
): Promise<number> {
  let left = 0;
  for (let i = 0; i < 10; i++) {
    await sleep(100);
    left = await withNode(ctx, old, async redis => {
      const own = String(await redis.call('CLIENT', 'ID'));
      const list = String(await redis.call('CLIENT', 'LIST', 'TYPE', 'normal'));
      return list
        .split('\n')
        .filter(
          line =>
            line.trim() &&
            !line.startsWith(`id=${own} `) &&
            !/ name=sentinel-/.test(line),
        ).length;
    });
    if (left === 0) break;
  }
  return left;
}

/**
 * Moves the primary role to a replica through Sentinel without losing a
 * write the old primary acknowledged. The first replica is made the one
 * Sentinel promotes; writes are held on the old primary and every replica
 * catches up with it before SENTINEL FAILOVER, so the promoted one has
 * them all; once Sentinel names it, the old primary steps down and lets
 * the held writes go. Sentinel-aware clients stall from the hold until
 * they reconnect to the new primary.
 */
export async function failOver(
  ctx: StepContext,
  topology: RollingTopology,
  masterName: string,
): Promise<FailoverResult> {
  const { primary: old, replicas, sentinels } = topology;
  if (!replicas.length) {
    throw new Error('There is no replica to fail over to');
  }
  const [target, ...others] = replicas;
  // Writes are held only for the last few: a replica still copying (one
  // that just restarted) would keep the hold long enough for Sentinel,
  // whose hello messages the hold blocks, to call the primary down and
  // fail over on its own.
  for (const replica of replicas) await waitInSync(ctx, replica, old);
  const leader = await steerTo(ctx, target, others, sentinels, masterName);
  await waitForInfoPhase(ctx, leader, target, masterName);
  const heldAt = Date.now();
  const { offset, liftable } = await holdWrites(ctx, old);
  let promoted: RollingNode;
  try {
    for (const replica of replicas) {
      await waitInSync(ctx, replica, old, { offset, timeoutMs: CATCH_UP_MS });
    }
    await askForFailover(ctx, leader, masterName);
    promoted = await waitForPromotion(ctx, leader, masterName, old, replicas);
    await stepDown(ctx, old, promoted, liftable);
  } catch (error) {
    if (liftable) {
      await withNode(ctx, old, redis => redis.call('CLIENT', 'UNPAUSE')).catch(
        () => undefined,
      );
    }
    throw error;
  }
  const heldMs = Date.now() - heldAt;
  await withNode(ctx, promoted, redis =>
    redis.call('CONFIG', 'SET', 'replica-priority', DEFAULT_PRIORITY),
  );
  return {
    primary: promoted,
    heldMs,
    stayedOnOldPrimary: await clientsLeftOn(ctx, old),
  };
}

/** Waits until the platform (asking every Sentinel) reports `primary`, then records the endpoints. */
export async function recordNewPrimary(
  ctx: StepContext,
  primary: RollingNode,
  timeoutMs = 15_000,
): Promise<RollingTopology> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const topology = await observeTopology(ctx);
    if (topology.primary.id === primary.id || Date.now() > deadline) {
      const observed = await ctx.driver.observe(ctx.operation.instanceId);
      await ctx.deps.instances.setEndpoints(
        ctx.operation.instanceId,
        endpointsOf(observed),
      );
      return topology;
    }
    await sleep(100);
  }
}
