import { Engine } from '@justmanage/plugin-dbaas-common';
import {
  DbaasApiClient,
  createRequest,
  waitForOperation,
} from '../../../test/src/harness';
import { ms } from '../stats';
import {
  countDamaged,
  seed,
  SEEDED_KEYS,
} from '../../../plugins/dbaas-backend/src/upgrades/__testUtils__/dataset';
import {
  ReplicatedWriter,
  sentinelClient,
} from '../../../plugins/dbaas-backend/src/upgrades/__testUtils__/sentinelWriter';
import { pickVersion } from './pickVersion';
import { upgradeWhileWriting } from './upgradeWhileWriting';

/** The issue's goal: 1,000 acknowledged writes a second through Sentinel. */
const WRITES_PER_SECOND = 1000;

export interface ReplicatedHopResult {
  from: string;
  to: string;
  operationMs: number;
  stepsMs: Record<string, number>;
  /** The longest time between two writes a replica acknowledged. */
  longestStallMs: number;
  acknowledged: number;
  /** Sends the client repeated: errors, or no replica confirmed in time. */
  retries: number;
  lostAcknowledged: number;
  lostSeeded: number;
  /** What the operation logged about the failover. */
  failover?: string;
}

/**
 * A replicated instance (a primary, 2 replicas, 3 Sentinels; persistence
 * rdb) seeded with 100,000 keys goes through redis 7.0.15 (bookworm build)
 * -> 7.0.15 (security build) -> valkey 8.0.1 with the rolling strategy,
 * while a Sentinel-aware client writes 1,000 writes a second, each
 * acknowledged by a replica (WAIT 1). Each hop reports the longest stall
 * and the acknowledged writes lost.
 */
export async function replicatedUpgrades(
  api: DbaasApiClient,
  onHop: (result: ReplicatedHopResult) => void,
): Promise<void> {
  const [local] = (await api.listPlatforms()).items.filter(
    p => p.id === 'local',
  );
  const sevenOld = pickVersion(local.engines, 'redis', '7.0.15');
  const sevenNew = pickVersion(local.engines, 'redis', '7.0.15', sevenOld);
  const valkey = pickVersion(local.engines, 'valkey', '8.0.1');
  const hops: Array<[Engine, string]> = [
    ['redis', sevenNew],
    ['valkey', valkey],
  ];

  const { instance, operation } = await api.createInstance({
    body: createRequest('bench-rolling', {
      version: sevenOld,
      replicas: 2,
      persistence: 'rdb',
      resources: { memoryMb: 256, cpu: 0.5, diskGb: 1 },
    }),
  });
  try {
    const created = await waitForOperation(api, operation.id, {
      longPollMs: 30_000,
    });
    if (created.status !== 'succeeded') {
      throw new Error(`create ${created.status}: ${created.error}`);
    }
    const connection = await api.getConnection(instance.id);
    if (!connection.sentinel) {
      throw new Error('The connection details name no Sentinels');
    }
    const client = sentinelClient({
      ...connection,
      sentinel: connection.sentinel,
    });
    await seed(client);
    await client.call('WAIT', '2', '10000');
    let from = `redis ${sevenOld}`;
    for (const [index, [engine, version]] of hops.entries()) {
      const writer = new ReplicatedWriter(client, {
        prefix: `hop${index}:`,
        perSecond: WRITES_PER_SECOND,
      });
      const { done, operationMs, stepsMs } = await upgradeWhileWriting(
        api,
        instance.id,
        { engine, version },
        writer,
        { timeoutMs: 600_000 },
      );
      onHop({
        from,
        to: `${engine} ${version}`,
        operationMs,
        stepsMs,
        longestStallMs: writer.longestStallMs,
        acknowledged: writer.acknowledged.length,
        retries: writer.retries,
        lostAcknowledged: await writer.countLost(client),
        lostSeeded: await countDamaged(client),
        failover: done.log
          .map(entry => entry.message)
          .find(message => message.startsWith('Sentinel promoted')),
      });
      from = `${engine} ${version}`;
    }
    client.disconnect();
  } finally {
    const removal = await api.deleteInstance(instance.id);
    await waitForOperation(api, removal.operation.id, { longPollMs: 30_000 });
  }
}

/** Runs {@link replicatedUpgrades} and prints a line per hop and a summary. */
export async function printReplicatedUpgrades(
  api: DbaasApiClient,
): Promise<void> {
  console.log(
    `replicated (a primary, 2 replicas, 3 Sentinels), rolling, persistence rdb, ${SEEDED_KEYS} seeded keys, a Sentinel client writing ${WRITES_PER_SECOND} writes/s, each acknowledged by a replica (WAIT 1)`,
  );
  let lost = 0;
  let longestStall = 0;
  await replicatedUpgrades(api, hop => {
    lost += hop.lostAcknowledged + hop.lostSeeded;
    longestStall = Math.max(longestStall, hop.longestStallMs);
    console.log(
      `${`${hop.from} -> ${hop.to}`.padEnd(50)} operation ${ms(
        hop.operationMs,
      )}  longest stall ${ms(hop.longestStallMs)}  acknowledged writes ${
        hop.acknowledged
      } (${hop.retries} sends repeated), lost ${
        hop.lostAcknowledged
      }  seeded keys lost ${hop.lostSeeded}`,
    );
    console.log(
      `${''.padEnd(50)} steps: ${Object.entries(hop.stepsMs)
        .map(([step, took]) => `${step} ${took} ms`)
        .join(', ')}`,
    );
    if (hop.failover) console.log(`${''.padEnd(50)} ${hop.failover}`);
  });
  console.log(
    `replicated: ${lost} acknowledged writes and seeded keys lost in all (goal: 0), longest stall ${ms(
      longestStall,
    )} (goal: <= 1000 ms)`,
  );
}
