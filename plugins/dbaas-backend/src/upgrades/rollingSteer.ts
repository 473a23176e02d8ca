import { StepContext } from '../operations/types';
import { nodeLabel, RollingNode, sleep, withNode } from './rollingNodes';
import { isAtAddress } from '../topology/nodeAtAddress';

/** Sentinel promotes the replica with the lowest priority; 100 is Redis' default. */
const PREFERRED_PRIORITY = '1';
export const DEFAULT_PRIORITY = '100';
/** Sentinel asks replicas for INFO every 10 s, so it sees a new priority within that. */
const STEER_MS = 25_000;
const PHASE_WAIT_MS = 11_000;
const INFO_AGE_MIN_MS = 450;
const INFO_AGE_MAX_MS = 600;

/** What one Sentinel knows of each replica (SENTINEL REPLICAS). */
async function replicaViews(
  ctx: StepContext,
  sentinel: RollingNode,
  masterName: string,
): Promise<Array<Record<string, string>>> {
  const replies = (await withNode(ctx, sentinel, redis =>
    redis.call('SENTINEL', 'REPLICAS', masterName),
  )) as string[][];
  return replies.map(flat => {
    const view: Record<string, string> = {};
    for (let i = 0; i + 1 < flat.length; i += 2) view[flat[i]] = flat[i + 1];
    return view;
  });
}

/** The Sentinel's view of `node`, found by the address Sentinel knows it by. */
function viewOf(
  views: Array<Record<string, string>>,
  node: RollingNode,
): Record<string, string> | undefined {
  return views.find(view =>
    isAtAddress(node, { host: view.ip, port: Number(view.port) }),
  );
}

/**
 * Makes `target` the replica Sentinel promotes: the lowest replica-priority
 * wins. Sentinel reads priorities from INFO, which it asks replicas for
 * every 10 s, so this waits until a Sentinel has seen it, and returns that
 * Sentinel to run the failover.
 */
export async function steerTo(
  ctx: StepContext,
  target: RollingNode,
  others: RollingNode[],
  sentinels: RollingNode[],
  masterName: string,
): Promise<RollingNode> {
  await withNode(ctx, target, redis =>
    redis.call('CONFIG', 'SET', 'replica-priority', PREFERRED_PRIORITY),
  );
  for (const other of others) {
    await withNode(ctx, other, redis =>
      redis.call('CONFIG', 'SET', 'replica-priority', DEFAULT_PRIORITY),
    );
  }
  const deadline = Date.now() + STEER_MS;
  let problem = 'no Sentinel answered';
  while (Date.now() < deadline) {
    ctx.driverContext.signal.throwIfAborted();
    for (const sentinel of sentinels) {
      try {
        const views = await replicaViews(ctx, sentinel, masterName);
        const seen = (node: RollingNode) =>
          viewOf(views, node)?.['slave-priority'];
        if (
          seen(target) === PREFERRED_PRIORITY &&
          others.every(other => seen(other) === DEFAULT_PRIORITY)
        ) {
          return sentinel;
        }
        problem = `${nodeLabel(sentinel)} sees priority ${seen(
          target,
        )} for ${nodeLabel(target)}`;
      } catch (error) {
        problem = (error as Error).message;
      }
    }
    await sleep(100);
  }
  throw new Error(
    `No Sentinel saw ${nodeLabel(target)} as the replica to promote within ${
      STEER_MS / 1000
    } s: ${problem}`,
  );
}

/**
 * Once a failover runs, Sentinel asks replicas for INFO every second and
 * learns of the promotion only from the promoted one's next answer, which
 * is also when clients asking it hear of the new primary. Started just
 * after such an answer, the failover would leave clients waiting a full
 * second; started when the last answer is about half a second old, the
 * next one arrives just after Sentinel has promoted the replica (a few of
 * its 100 ms ticks after the request). Waits for that moment, at most one
 * INFO period; should it not come, the failover goes ahead anyway.
 */
export async function waitForInfoPhase(
  ctx: StepContext,
  sentinel: RollingNode,
  target: RollingNode,
  masterName: string,
): Promise<void> {
  const deadline = Date.now() + PHASE_WAIT_MS;
  while (Date.now() < deadline) {
    const view = viewOf(await replicaViews(ctx, sentinel, masterName), target);
    const age = Number(view?.['info-refresh']);
    if (age >= INFO_AGE_MIN_MS && age <= INFO_AGE_MAX_MS) return;
    const untilWindow = (INFO_AGE_MIN_MS - age + 10_000) % 1000;
    await sleep(Math.max(5, Math.min(100, untilWindow)));
  }
}
