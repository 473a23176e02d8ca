import { splitEngineVersion } from '@justmanage/plugin-dbaas-common';
import { StepContext } from '../operations/types';
import { StepStoppedError } from '../operations/finalErrors';
import {
  compareFingerprints,
  DatasetFingerprint,
  fingerprintOf,
  sampleKeys,
} from './fingerprint';
import { holdWrites } from './rollingFailover';
import { nodeLabel, observeTopology, withNode } from './rollingNodes';
import { waitInSync } from './rollingSync';
import { findSnapshot, fingerprintIn } from './upgradeContext';
import { UpgradeParams } from './upgradeParams';
import { reportedByInfo } from './upgradeSteps';

/** Writes are held this long at most while the nodes are compared. */
const COMPARE_HOLD_MS = 2_000;

/**
 * Verifies a rolling upgrade. The instance took writes all along, so its
 * data cannot equal the snapshot's; what must hold is that every data node
 * reports the target version and that, with writes held for a moment and
 * the replicas caught up, every node has the same key count and the same
 * values for a sample of keys: the data went through every restart and
 * the failover intact.
 */
export async function verifyRolling(
  ctx: StepContext,
  params: UpgradeParams,
): Promise<void> {
  const { primary, replicas } = await observeTopology(ctx);
  const dataNodes = [primary, ...replicas];
  const upstream = splitEngineVersion(params.to.version).upstream;
  for (const node of dataNodes) {
    const reported = reportedByInfo(
      await withNode(ctx, node, redis => redis.info('server')),
    );
    if (reported.engine !== params.to.engine || reported.version !== upstream) {
      throw new StepStoppedError(
        `INFO of ${nodeLabel(node)} reports ${reported.engine} ${
          reported.version
        }, expected ${params.to.engine} ${upstream}`,
      );
    }
  }

  const sample = await withNode(ctx, primary, sampleKeys);
  const { offset, liftable } = await holdWrites(ctx, primary, COMPARE_HOLD_MS);
  const fingerprints: DatasetFingerprint[] = [];
  try {
    for (const replica of replicas) {
      await waitInSync(ctx, replica, primary, {
        offset,
        timeoutMs: COMPARE_HOLD_MS,
      });
    }
    for (const node of dataNodes) {
      fingerprints.push(
        await withNode(ctx, node, redis => fingerprintOf(redis, sample)),
      );
    }
  } finally {
    if (liftable) {
      await withNode(ctx, primary, redis => redis.call('CLIENT', 'UNPAUSE'));
    }
  }
  const [onPrimary, ...onReplicas] = fingerprints;
  const problems = onReplicas.flatMap((fingerprint, i) =>
    compareFingerprints(onPrimary, fingerprint).map(
      problem => `${nodeLabel(replicas[i])}: ${problem}`,
    ),
  );
  if (problems.length) {
    throw new StepStoppedError(
      `Verification failed: the replicas differ from the primary: ${problems.join(
        '; ',
      )}`,
    );
  }
  const before = fingerprintIn(await findSnapshot(ctx, ctx.operation.id));
  await ctx.log(
    `INFO reports ${params.to.engine} ${upstream} on all ${
      dataNodes.length
    } data nodes; ${onPrimary.keys} keys${
      before ? ` (${before.keys} before the upgrade)` : ''
    } and all ${sample.length} sampled values identical on every node`,
  );
}
