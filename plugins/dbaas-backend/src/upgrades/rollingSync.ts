import { StepContext } from '../operations/types';
import { readReplicationInfo } from '../redis/replication';
import { nodeLabel, RollingNode, sleep, withNode } from './rollingNodes';
import { isAtAddress } from '../topology/nodeAtAddress';

/** A replica that restarted does a full copy at worst; big datasets take a while. */
export const SYNC_TIMEOUT_MS = 5 * 60_000;

/**
 * Waits until `replica` copies from `primary` with its link up and has
 * caught up with everything the primary had written when this was called
 * (its master_repl_offset), or up to `options.offset`, so that a failover
 * to it loses nothing.
 */
export async function waitInSync(
  ctx: StepContext,
  replica: RollingNode,
  primary: RollingNode,
  options: { timeoutMs?: number; offset?: number } = {},
): Promise<void> {
  const timeoutMs = options.timeoutMs ?? SYNC_TIMEOUT_MS;
  const deadline = Date.now() + timeoutMs;
  let target = options.offset;
  let problem = 'not checked yet';
  let delay = 10;
  while (Date.now() < deadline) {
    ctx.driverContext.signal.throwIfAborted();
    try {
      target ??= (await withNode(ctx, primary, readReplicationInfo)).offset;
      const info = await withNode(ctx, replica, readReplicationInfo);
      if (info.role !== 'slave' || !isAtAddress(primary, info.primary)) {
        problem = `it is a ${info.role}${
          info.primary ? ` of ${info.primary.host}:${info.primary.port}` : ''
        }`;
      } else if (!info.primary!.linkUp) {
        problem = 'its link to the primary is down';
      } else if (info.offset < target) {
        problem = `it is at offset ${info.offset} of ${target}`;
      } else {
        return;
      }
    } catch (error) {
      problem = (error as Error).message;
    }
    await sleep(delay);
    delay = Math.min(delay * 2, 250);
  }
  throw new Error(
    `Replica ${nodeLabel(replica)} did not catch up with the primary within ${
      timeoutMs / 1000
    } s: ${problem}`,
  );
}
